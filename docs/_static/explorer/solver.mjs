// Exact optima of a two-dimensional quadratic loss under the L1, L2 and elastic-net penalties and
// constraints: the math of the Explorer. A plain ES module with no dependencies.
//
// The same conventions as regexplain.QuadraticLoss (tests/explorer/test_solver_js.py proves the two
// equal on thousands of random cases):
//   loss         (β − c)ᵀH(β − c), H symmetric positive definite;
//   penalized    loss + λ‖β‖₁ ("l1"), loss + λ‖β‖₂² ("l2"), loss + λ(r‖β‖₁ + (1 − r)‖β‖₂²) ("elastic_net");
//   constrained  ‖β‖₁ ≤ t, ‖β‖₂ ≤ t, or r‖β‖₁ + (1 − r)‖β‖₂² ≤ r·t + (1 − r)·t² (the elastic-net region
//                whose tips (±t, 0), (0, ±t) are the diamond's and the disc's).
// Closed forms and finite algorithms wherever one exists; only two scalar equations (the disc's
// secular equation and the elastic net's budget equation) are solved by a safeguarded Newton
// iteration, to the last bits. A coefficient the math makes zero is exactly 0 (never -0, never 1e-17).

const EPS = Number.EPSILON;
const MAX_NEWTON = 100; // the disc, as in Python's disc_minima
const MAX_SAFEGUARDED = 200; // the elastic net: Newton steps, or bisection when a step leaves the bracket

/** The norms the solver knows, in the order the Explorer lists them. */
export const NORMS = Object.freeze(["l1", "l2", "elastic_net"]);

// ---------------------------------------------------------------------------------------------
// Argument checks: fail loudly, name the argument.

function checkNumber(value, name) {
  if (typeof value !== "number") {
    throw new TypeError(`${name} must be a number, got ${value === null ? "null" : typeof value}`);
  }
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
  return value;
}

function checkPair(value, name) {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new TypeError(`${name} must be an array of two numbers`);
  }
  return [checkNumber(value[0], `${name}[0]`), checkNumber(value[1], `${name}[1]`)];
}

/** The loss as {a, b, d} (H = [[a, b], [b, d]]), its center and q = Hc, after checking both. */
function checkLoss(hessian, center) {
  if (!Array.isArray(hessian) || hessian.length !== 2) {
    throw new TypeError("hessian must be a 2×2 nested array [[a, b], [b, d]]");
  }
  const [a, b01] = checkPair(hessian[0], "hessian[0]");
  const [b10, d] = checkPair(hessian[1], "hessian[1]");
  const [c1, c2] = checkPair(center, "center");
  // The same thresholds as regexplain.QuadraticLoss, relative to the largest entry.
  const scale = Math.max(Math.abs(a), Math.abs(b01), Math.abs(b10), Math.abs(d));
  if (Math.abs(b01 - b10) > 1e-12 * scale) {
    throw new RangeError(`hessian must be symmetric, got off-diagonal entries ${b01} and ${b10}`);
  }
  const b = b01 === b10 ? b01 : 0.5 * (b01 + b10);
  const { small } = eigen(a, b, d);
  if (!(small > 1e-12 * scale)) {
    throw new RangeError(
      `hessian must be positive definite (the loss a bowl with one minimum); its smallest eigenvalue is ${small}`,
    );
  }
  return { a, b, d, c1, c2, q1: a * c1 + b * c2, q2: b * c1 + d * c2 };
}

/** The L1 share r of the norm: 1 for "l1", 0 for "l2", l1Ratio in (0, 1) for "elastic_net". */
function checkNorm(norm, l1Ratio) {
  if (typeof norm !== "string") throw new TypeError(`norm must be a string, one of ${NORMS.join(", ")}`);
  if (norm === "l1") return 1;
  if (norm === "l2") return 0;
  if (norm !== "elastic_net") throw new RangeError(`norm must be one of ${NORMS.join(", ")}, got "${norm}"`);
  const r = checkNumber(l1Ratio, "l1Ratio");
  if (!(r > 0 && r < 1)) {
    throw new RangeError(`l1Ratio must be in the open interval (0, 1) (0 is "l2", 1 is "l1"), got ${r}`);
  }
  return r;
}

function checkLam(lam) {
  checkNumber(lam, "lam");
  if (lam < 0) throw new RangeError(`lam must be at least 0, got ${lam}`);
  return lam;
}

function checkBudget(t) {
  checkNumber(t, "t");
  if (!(t > 0)) throw new RangeError(`t must be greater than 0, got ${t}`);
  return t;
}

// ---------------------------------------------------------------------------------------------
// Small exact pieces.

/** −0 becomes +0 (the readout says "exactly 0", and −0 would print as "-0"). */
const plain = (x) => x + 0;

/** The eigen-decomposition of [[a, b], [b, d]] in closed form: eigenvalues and unit eigenvectors. */
function eigen(a, b, d) {
  if (b === 0) {
    // Diagonal: the axes themselves, exactly, so a center on an axis keeps its exact zero.
    return a <= d
      ? { small: a, big: d, vSmall: [1, 0], vBig: [0, 1] }
      : { small: d, big: a, vSmall: [0, 1], vBig: [1, 0] };
  }
  const half = 0.5 * (a - d);
  const big = 0.5 * (a + d) + Math.hypot(half, b);
  const small = (a * d - b * b) / big; // not mean − radius: no cancellation when H is elongated
  const angle = 0.5 * Math.atan2(b, half); // the direction of the larger eigenvalue
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return { small, big, vSmall: [-sin, cos], vBig: [cos, sin] };
}

function lossAt(p, x, y) {
  const u = x - p.c1;
  const v = y - p.c2;
  return p.a * u * u + 2 * p.b * u * v + p.d * v * v;
}

/** The tip size of β for L1 share r: ‖β‖₁, ‖β‖₂, or the root s ≥ 0 of (1 − r)s² + r·s = r‖β‖₁ + (1 − r)‖β‖₂². */
function sizeOf(x, y, r) {
  const l1 = Math.abs(x) + Math.abs(y);
  const squares = x * x + y * y;
  if (r === 1) return l1;
  if (r === 0) return Math.sqrt(squares);
  return tipSize(r * l1 + (1 - r) * squares, r);
}

/** The root s ≥ 0 of (1 − r)s² + r·s = P, written 2P / (r + √(r² + 4(1 − r)P)) to avoid cancellation. */
function tipSize(penalty, r) {
  return (2 * penalty) / (r + Math.sqrt(r * r + 4 * (1 - r) * penalty));
}

// ---------------------------------------------------------------------------------------------
// Penalized minima.

/**
 * The minimizer of βᵀ(H + δI)β − 2qᵀβ + μ‖β‖₁ (μ > 0) and its active set: the 2-D case of the
 * exact L1 homotopy, by enumeration. The KKT conditions 2(H + δI)β − 2q + μ·∂‖β‖₁ ∋ 0 pick one of
 * nine sign patterns; they are tried from the fewest non-zero coefficients up, so that at a tie
 * (a coefficient on the verge of joining) the zero wins and stays exactly 0.
 */
function l1Minimizer(p, mu, delta) {
  const g11 = p.a + delta;
  const g22 = p.d + delta;
  const { b, q1, q2 } = p;
  const half = 0.5 * mu;
  if (Math.abs(q1) <= half && Math.abs(q2) <= half) return { beta: [0, 0], signs: [0, 0] };
  // One coordinate: its 1-D soft threshold; valid when the other's correlation stays within ±μ/2.
  if (Math.abs(q1) > half) {
    const s1 = Math.sign(q1);
    const x = (q1 - s1 * half) / g11;
    if (Math.abs(q2 - b * x) <= half) return { beta: [x, 0], signs: [s1, 0] };
  }
  if (Math.abs(q2) > half) {
    const s2 = Math.sign(q2);
    const y = (q2 - s2 * half) / g22;
    if (Math.abs(q1 - b * y) <= half) return { beta: [0, y], signs: [0, s2] };
  }
  // Both: (H + δI)β = q − (μ/2)s, valid when β has the signs s.
  const det = g11 * g22 - b * b;
  const candidates = [];
  for (const [s1, s2] of [
    [1, 1],
    [1, -1],
    [-1, 1],
    [-1, -1],
  ]) {
    const r1 = q1 - s1 * half;
    const r2 = q2 - s2 * half;
    const x = (g22 * r1 - b * r2) / det;
    const y = (g11 * r2 - b * r1) / det;
    if (Math.sign(x) === s1 && Math.sign(y) === s2) return { beta: [x, y], signs: [s1, s2] };
    candidates.push({ beta: [x, y], signs: [s1, s2] });
  }
  // Only at a tie broken differently by rounding can no pattern pass its own test; then the
  // minimizer is the candidate point of least objective (every candidate is a point of the plane).
  const objective = ([x, y]) =>
    g11 * x * x + 2 * b * x * y + g22 * y * y - 2 * (q1 * x + q2 * y) + mu * (Math.abs(x) + Math.abs(y));
  const single1 = Math.sign(q1) * Math.max(Math.abs(q1) - half, 0);
  const single2 = Math.sign(q2) * Math.max(Math.abs(q2) - half, 0);
  candidates.push(
    { beta: [0, 0], signs: [0, 0] },
    { beta: [single1 / g11, 0], signs: [Math.sign(single1), 0] },
    { beta: [0, single2 / g22], signs: [0, Math.sign(single2)] },
  );
  let best = candidates[0];
  for (const candidate of candidates) {
    if (objective(candidate.beta) < objective(best.beta)) best = candidate;
  }
  const [x, y] = best.beta;
  return { beta: [x, y], signs: [Math.sign(x), Math.sign(y)] };
}

/** (H + λI)⁻¹Hc, by Cramer's rule (a diagonal H keeps a center's exact zero). */
function ridgeMinimizer(p, lam) {
  const g11 = p.a + lam;
  const g22 = p.d + lam;
  const det = g11 * g22 - p.b * p.b;
  return [(g22 * p.q1 - p.b * p.q2) / det, (g11 * p.q2 - p.b * p.q1) / det];
}

/** The penalized minimizer for L1 share r and its sign pattern (for r > 0). */
function penalized(p, r, lam) {
  if (lam === 0) return { beta: [p.c1, p.c2], signs: null }; // the center itself: no rounding
  if (r === 0) return { beta: ridgeMinimizer(p, lam), signs: null };
  return l1Minimizer(p, r * lam, (1 - r) * lam);
}

// ---------------------------------------------------------------------------------------------
// Constrained minima.

/**
 * The minimizer over the diamond |β₁| + |β₂| ≤ t of a loss centered outside it, and its λ.
 * The minimum is on the boundary, so it is the best of the four edges' minima: on each edge the
 * loss is a 1-D quadratic, minimized in closed form and clamped to the edge; a clamped answer is
 * a tip, returned exactly as (±t, 0) or (0, ±t).
 */
function onDiamond(p, t) {
  let best = null;
  for (const [s1, s2] of [
    [1, 1],
    [-1, 1],
    [-1, -1],
    [1, -1],
  ]) {
    // The edge β(x) = (s1·x, s2·(t − x)), x ∈ [0, t]: β(0) = (0, s2·t) + x·e with e = (s1, −s2).
    const e1 = s1;
    const e2 = -s2;
    const u = p.c1; // c − β(0)
    const v = p.c2 - s2 * t;
    const curvature = p.a * e1 * e1 + 2 * p.b * e1 * e2 + p.d * e2 * e2; // eᵀHe > 0
    const x = (e1 * (p.a * u + p.b * v) + e2 * (p.b * u + p.d * v)) / curvature; // eᵀH(c − β(0)) / eᵀHe
    let beta;
    if (!(x > 0)) beta = [0, s2 * t];
    else if (!(x < t)) beta = [s1 * t, 0];
    else beta = [s1 * x, s2 * (t - x)];
    const value = lossAt(p, beta[0], beta[1]);
    if (best === null || value < best.value) best = { beta, value };
  }
  const [x, y] = best.beta;
  // The multiplier: 2H(β − c) = −λ·s on the non-zero coefficients (both agree on an edge).
  const g1 = 2 * (p.a * (x - p.c1) + p.b * (y - p.c2));
  const g2 = 2 * (p.b * (x - p.c1) + p.d * (y - p.c2));
  let lam;
  if (x !== 0 && y !== 0) lam = -0.5 * (Math.sign(x) * g1 + Math.sign(y) * g2);
  else lam = x !== 0 ? -Math.sign(x) * g1 : -Math.sign(y) * g2;
  return { beta: [plain(x), plain(y)], lam: Math.max(lam, 0) };
}

/**
 * The minimizer over the disc ‖β‖₂ ≤ t and its λ = μ, exactly as regexplain's disc_minima: in the
 * eigenbasis β = V·w/(λ + μ) with w = λ·Vᵀc, and 1/‖w/(λ + μ)‖ is concave and increasing in μ,
 * so Newton's method on it from μ = 0 rises monotonically to the root (Moré & Sorensen, 1983).
 */
function onDisc(p, t) {
  const { small, big, vSmall, vBig } = eigen(p.a, p.b, p.d);
  const w1 = small * (vSmall[0] * p.c1 + vSmall[1] * p.c2);
  const w2 = big * (vBig[0] * p.c1 + vBig[1] * p.c2);
  let mu = 0;
  if ((w1 / small) ** 2 + (w2 / big) ** 2 > t * t) {
    for (let i = 0; i < MAX_NEWTON; i++) {
      const z1 = w1 / (small + mu);
      const z2 = w2 / (big + mu);
      const length = Math.sqrt(z1 * z1 + z2 * z2);
      const slope = -((z1 * z1) / (small + mu) + (z2 * z2) / (big + mu)) / length; // d‖β‖/dμ
      const next = mu + ((1 / length - 1 / t) * length * length) / slope;
      if (!(next > mu && Math.abs(length - t) > 4 * EPS * t)) break;
      mu = next;
    }
  }
  const z1 = w1 / (small + mu);
  const z2 = w2 / (big + mu);
  return { beta: [plain(vSmall[0] * z1 + vBig[0] * z2), plain(vSmall[1] * z1 + vBig[1] * z2)], lam: mu };
}

/**
 * The elastic-net penalty P = r‖β‖₁ + (1 − r)‖β‖₂² of the penalized minimizer at λ and dP/dλ.
 * While the sign pattern s holds, (H + λ(1 − r)I)_AA·β_A = q_A − (λr/2)·s_A, so β is a rational
 * function of λ with dβ_A/dλ = −(H + λ(1 − r)I)_AA⁻¹·((1 − r)β_A + (r/2)s_A), never raising P.
 */
function penaltyAndSlope(p, r, lam) {
  const { beta, signs } = l1Minimizer(p, r * lam, (1 - r) * lam);
  const [x, y] = beta;
  const penalty = r * (Math.abs(x) + Math.abs(y)) + (1 - r) * (x * x + y * y);
  const delta = (1 - r) * lam;
  const h1 = (1 - r) * x + 0.5 * r * signs[0]; // zero where the coefficient is inactive
  const h2 = (1 - r) * y + 0.5 * r * signs[1];
  let dx = 0;
  let dy = 0;
  if (signs[0] !== 0 && signs[1] !== 0) {
    const g11 = p.a + delta;
    const g22 = p.d + delta;
    const det = g11 * g22 - p.b * p.b;
    dx = -(g22 * h1 - p.b * h2) / det;
    dy = -(g11 * h2 - p.b * h1) / det;
  } else if (signs[0] !== 0) {
    dx = -h1 / (p.a + delta);
  } else if (signs[1] !== 0) {
    dy = -h2 / (p.d + delta);
  }
  // dP/dλ = Σ (r·s_j + 2(1 − r)β_j)·dβ_j/dλ = 2·Σ h_j·dβ_j/dλ.
  return { beta, signs, penalty, slope: 2 * (h1 * dx + h2 * dy) };
}

/**
 * The minimizer over the elastic-net region of budget t, for a center outside it, and its λ.
 * P(β(λ)) falls continuously from P(c) at λ = 0 to 0 at λ = 2‖Hc‖∞/r; the λ where it equals the
 * level r·t + (1 − r)·t² is found by Newton steps on the current sign pattern's rational formula,
 * inside a bracket that every step shrinks (bisection when a step would leave it), to the last
 * bits. An answer on a tip is then put exactly there: with one active coefficient j the budget
 * equation is linear, λ = (s_j·q_j − t·H_jj) / (r/2 + (1 − r)·t), and β_j = s_j·t.
 */
function onElasticNetRegion(p, r, t) {
  const level = r * t + (1 - r) * t * t;
  let low = 0;
  let high = (2 * Math.max(Math.abs(p.q1), Math.abs(p.q2))) / r; // from here up, β = 0
  const excessLow = r * (Math.abs(p.c1) + Math.abs(p.c2)) + (1 - r) * (p.c1 * p.c1 + p.c2 * p.c2) - level;
  let lam = low + (high - low) * (excessLow / (excessLow + level)); // the secant point
  let best = null;
  for (let i = 0; i < MAX_SAFEGUARDED; i++) {
    const state = penaltyAndSlope(p, r, lam);
    const excess = state.penalty - level;
    if (best === null || Math.abs(excess) < Math.abs(best.excess)) best = { lam, excess, state };
    if (Math.abs(excess) <= 2 * EPS * level) break;
    if (excess > 0) low = lam;
    else high = lam;
    let step = state.slope < 0 ? lam - excess / state.slope : NaN;
    if (!(step > low && step < high)) {
      step = 0.5 * (low + high);
      if (!(step > low && step < high)) break; // the bracket is two adjacent floats
    }
    const converged = Math.abs(step - lam) <= 2 * EPS * lam;
    lam = step;
    if (converged) {
      const last = penaltyAndSlope(p, r, lam);
      if (Math.abs(last.penalty - level) < Math.abs(best.excess)) best = { lam, excess: 0, state: last };
      break;
    }
  }
  const { signs } = best.state;
  for (const j of [0, 1]) {
    if (signs[j] !== 0 && signs[1 - j] === 0) {
      const qj = j === 0 ? p.q1 : p.q2;
      const hjj = j === 0 ? p.a : p.d;
      const tipLam = (signs[j] * qj - t * hjj) / (0.5 * r + (1 - r) * t);
      const tip = l1Minimizer(p, r * tipLam, (1 - r) * tipLam);
      if (tipLam > 0 && tip.signs[j] === signs[j] && tip.signs[1 - j] === 0) {
        const beta = [0, 0];
        beta[j] = signs[j] * t;
        return { beta, lam: tipLam };
      }
    }
  }
  const [x, y] = best.state.beta;
  return { beta: [plain(x), plain(y)], lam: best.lam };
}

/** The constrained minimizer and its λ (0 when the center is inside). */
function constrained(p, r, t) {
  if (sizeOf(p.c1, p.c2, r) <= t) return { beta: [plain(p.c1), plain(p.c2)], lam: 0 };
  if (r === 1) return onDiamond(p, t);
  if (r === 0) return onDisc(p, t);
  return onElasticNetRegion(p, r, t);
}

// ---------------------------------------------------------------------------------------------
// The public functions.

/**
 * The exact minimizer of (β − c)ᵀH(β − c) + λ·P(β).
 *
 * @param {number[][]} hessian H = [[a, b], [b, d]], symmetric positive definite.
 * @param {number[]} center c = [c1, c2], the unpenalized minimum.
 * @param {"l1"|"l2"|"elastic_net"} norm P = ‖β‖₁, ‖β‖₂², or r‖β‖₁ + (1 − r)‖β‖₂².
 * @param {number} lam The strength λ ≥ 0.
 * @param {number} [l1Ratio] r in (0, 1), for "elastic_net" only.
 * @returns {number[]} [β1, β2]; a coefficient the penalty zeroes is exactly 0.
 * @throws {TypeError|RangeError} On a bad argument (the message names it).
 */
export function penalizedMinimum(hessian, center, norm, lam, l1Ratio) {
  const r = checkNorm(norm, l1Ratio);
  const p = checkLoss(hessian, center);
  const [x, y] = penalized(p, r, checkLam(lam)).beta;
  return [plain(x), plain(y)];
}

/**
 * The exact minimizer of (β − c)ᵀH(β − c) subject to a budget t: ‖β‖₁ ≤ t, ‖β‖₂ ≤ t, or (elastic
 * net) r‖β‖₁ + (1 − r)‖β‖₂² ≤ r·t + (1 − r)·t². The center when it is feasible.
 *
 * @param {number[][]} hessian H = [[a, b], [b, d]], symmetric positive definite.
 * @param {number[]} center c = [c1, c2].
 * @param {"l1"|"l2"|"elastic_net"} norm The region: diamond, disc or elastic net.
 * @param {number} t The budget, t > 0: every region of budget t has its tips at (±t, 0), (0, ±t).
 * @param {number} [l1Ratio] r in (0, 1), for "elastic_net" only.
 * @returns {number[]} [β1, β2]; at a tip the other coefficient is exactly 0.
 * @throws {TypeError|RangeError} On a bad argument (the message names it).
 */
export function constrainedMinimum(hessian, center, norm, t, l1Ratio) {
  const r = checkNorm(norm, l1Ratio);
  return constrained(checkLoss(hessian, center), r, checkBudget(t)).beta;
}

/**
 * The λ whose penalized minimum is the constrained minimum of budget t (the constraint's
 * multiplier); 0 when the center is inside the region.
 *
 * @param {number[][]} hessian H = [[a, b], [b, d]], symmetric positive definite.
 * @param {number[]} center c = [c1, c2].
 * @param {"l1"|"l2"|"elastic_net"} norm The norm.
 * @param {number} t The budget, t > 0.
 * @param {number} [l1Ratio] r in (0, 1), for "elastic_net" only.
 * @returns {number} λ ≥ 0.
 * @throws {TypeError|RangeError} On a bad argument (the message names it).
 */
export function lamForT(hessian, center, norm, t, l1Ratio) {
  const r = checkNorm(norm, l1Ratio);
  return constrained(checkLoss(hessian, center), r, checkBudget(t)).lam;
}

/**
 * The budget t whose constrained minimum is the penalized minimum at λ: the size of that minimum.
 *
 * @param {number[][]} hessian H = [[a, b], [b, d]], symmetric positive definite.
 * @param {number[]} center c = [c1, c2].
 * @param {"l1"|"l2"|"elastic_net"} norm The norm.
 * @param {number} lam The strength λ ≥ 0.
 * @param {number} [l1Ratio] r in (0, 1), for "elastic_net" only.
 * @returns {number} t ≥ 0 (0 once λ zeroes both coefficients).
 * @throws {TypeError|RangeError} On a bad argument (the message names it).
 */
export function tForLam(hessian, center, norm, lam, l1Ratio) {
  const r = checkNorm(norm, l1Ratio);
  const [x, y] = penalized(checkLoss(hessian, center), r, checkLam(lam)).beta;
  return sizeOf(x, y, r);
}

/**
 * The size of β in a norm: the budget t of the region whose boundary passes through β.
 *
 * @param {number[]} beta [β1, β2].
 * @param {"l1"|"l2"|"elastic_net"} norm ‖β‖₁, ‖β‖₂, or the elastic net's tip size: the s ≥ 0
 *   with r·s + (1 − r)·s² = r‖β‖₁ + (1 − r)‖β‖₂².
 * @param {number} [l1Ratio] r in (0, 1), for "elastic_net" only.
 * @returns {number} The size, ≥ 0.
 * @throws {TypeError|RangeError} On a bad argument (the message names it).
 */
export function size(beta, norm, l1Ratio) {
  const r = checkNorm(norm, l1Ratio);
  const [x, y] = checkPair(beta, "beta");
  return sizeOf(x, y, r);
}

/**
 * The point of the region's boundary in direction θ: ρ·(cos θ, sin θ), with ρ = t/‖u‖ for the
 * diamond and the disc, and for the elastic net the positive root of (1 − r)ρ² + r‖u‖₁ρ = r·t + (1 − r)·t².
 * For drawing the region (e.g. a polygon of a few hundred directions).
 *
 * @param {"l1"|"l2"|"elastic_net"} norm The region.
 * @param {number} t The budget, t > 0.
 * @param {number} theta The direction, in radians.
 * @param {number} [l1Ratio] r in (0, 1), for "elastic_net" only.
 * @returns {number[]} [x, y].
 * @throws {TypeError|RangeError} On a bad argument (the message names it).
 */
export function boundary(norm, t, theta, l1Ratio) {
  const r = checkNorm(norm, l1Ratio);
  checkBudget(t);
  checkNumber(theta, "theta");
  const u1 = Math.cos(theta);
  const u2 = Math.sin(theta);
  if (r === 1 || r === 0) {
    const length = sizeOf(u1, u2, r);
    return [(t * u1) / length, (t * u2) / length];
  }
  const level = r * t + (1 - r) * t * t;
  const linear = r * (Math.abs(u1) + Math.abs(u2));
  const radius = (2 * level) / (linear + Math.sqrt(linear * linear + 4 * (1 - r) * level));
  return [radius * u1, radius * u2];
}

/**
 * The smallest λ at which the penalized minimum is exactly 0: 2‖Hc‖∞ for L1, 2‖Hc‖∞/r for the
 * elastic net, Infinity for L2 (which only shrinks). The natural end of a λ slider.
 *
 * @param {number[][]} hessian H = [[a, b], [b, d]], symmetric positive definite.
 * @param {number[]} center c = [c1, c2].
 * @param {"l1"|"l2"|"elastic_net"} norm The norm.
 * @param {number} [l1Ratio] r in (0, 1), for "elastic_net" only.
 * @returns {number} λ_max.
 * @throws {TypeError|RangeError} On a bad argument (the message names it).
 */
export function lambdaMax(hessian, center, norm, l1Ratio) {
  const r = checkNorm(norm, l1Ratio);
  const p = checkLoss(hessian, center);
  return r === 0 ? Infinity : (2 * Math.max(Math.abs(p.q1), Math.abs(p.q2))) / r;
}
