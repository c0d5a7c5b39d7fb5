// The Explorer (docs/_ext/explorer.py places it): drag the minimum of a two-dimensional loss,
// change its shape, pick L1, L2 or the elastic net, and slide the budget t or the strength λ;
// every optimum drawn and read out is the exact one, from solver.mjs.
//
// Progressive enhancement: the page's container is empty and hidden until this module fills it,
// so without JavaScript the reader sees the page's static figure and table instead.
import { boundary, constrainedMinimum, lamForT, penalizedMinimum, tForLam } from "./solver.mjs";

const NAMES = { l1: "L1 (lasso)", l2: "L2 (ridge)", elastic_net: "Elastic net" };
const REGIONS = { l1: "diamond", l2: "disc", elastic_net: "elastic-net region" };
const SVG = "http://www.w3.org/2000/svg";
const OUTLINE_POINTS = 720; // directions of the region's outline: every multiple of π/2 among them
const CURVE_POINTS = 121; // λ values of the λ ↔ t curve
const ANNOUNCE_DELAY_MS = 400; // the live region speaks once the reader pauses
const KEY_STEP = 0.1; // arrow keys move the minimum by this much (Shift: five times as far)

/** A number as the readout shows it: 4 significant figures, exact zeros as "0". */
export function fmt(value) {
  if (value === 0) return "0";
  if (!Number.isFinite(value)) return String(value);
  return Number(value.toPrecision(4)).toString();
}

/** The hessian of a shape: s·R(θ)·diag(1/e, e)·R(θ)ᵀ, as regexplain.math.explorer.hessian. */
export function hessianOf(tiltDegrees, elongation, scale) {
  const theta = (tiltDegrees * Math.PI) / 180;
  const [x, y] = [Math.cos(theta), Math.sin(theta)];
  const along = scale / elongation;
  const across = scale * elongation;
  return [
    [along * x * x + across * y * y, (along - across) * x * y],
    [(along - across) * x * y, along * y * y + across * x * x],
  ];
}

/** The shape {tilt, elongation, scale} of a 2×2 hessian, as regexplain.math.explorer.shape. */
export function shapeOf(hessian) {
  const [[a, b], [, d]] = hessian;
  const half = Math.hypot((a - d) / 2, b);
  const small = (a + d) / 2 - half;
  const large = (a + d) / 2 + half;
  // The long axis is the eigenvector of the smaller eigenvalue: (b, small − a), or an axis when b = 0.
  let tilt = b === 0 ? (a <= d ? 0 : 90) : (Math.atan2(small - a, b) * 180) / Math.PI;
  if (tilt > 90) tilt -= 180;
  if (tilt <= -90) tilt += 180;
  return { tilt, elongation: Math.sqrt(large / small), scale: Math.sqrt(small * large) };
}

function element(name, attributes = {}, namespace = null) {
  const node = namespace ? document.createElementNS(namespace, name) : document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

function svgElement(name, attributes = {}) {
  return element(name, attributes, SVG);
}

/** The exact optimum of the state, and the matching other parameter. */
export function solve(state) {
  const { hessian, center, norm, l1Ratio } = state;
  const r = norm === "elastic_net" ? l1Ratio : undefined;
  if (state.drive === "t") {
    const beta = constrainedMinimum(hessian, center, norm, state.t, r);
    return { beta, t: state.t, lam: lamForT(hessian, center, norm, state.t, r) };
  }
  const beta = penalizedMinimum(hessian, center, norm, state.lam, r);
  return { beta, lam: state.lam, t: tForLam(hessian, center, norm, state.lam, r) };
}

function lossAt(state, beta) {
  const [[a, b], [, d]] = state.hessian;
  const u = beta[0] - state.center[0];
  const v = beta[1] - state.center[1];
  return a * u * u + 2 * b * u * v + d * v * v;
}

/** Which coefficient is exactly 0, in words: the readout's key sentence. */
export function zeroWords(beta) {
  if (beta[0] === 0 && beta[1] === 0) return "Both coefficients are exactly 0.";
  if (beta[1] === 0) return "β₂ is exactly 0.";
  if (beta[0] === 0) return "β₁ is exactly 0.";
  return "Neither coefficient is 0.";
}

// ---------------------------------------------------------------------------------------------
// The controls: every one a native input, labelled.

function rangeInput(id, label, { min, max, step, value }) {
  const wrapper = element("div", { class: "explorer-field" });
  const labelNode = element("label", { for: id });
  labelNode.textContent = label;
  const input = element("input", { type: "range", id, min, max, step, value });
  const output = element("output", { for: id, id: `${id}-value` });
  wrapper.append(labelNode, input, output);
  return { wrapper, input, output };
}

function numberInput(id, label, { min, max, step, value }) {
  const wrapper = element("div", { class: "explorer-field explorer-number" });
  const labelNode = element("label", { for: id });
  labelNode.textContent = label;
  const input = element("input", { type: "number", id, min, max, step, value, inputmode: "decimal" });
  wrapper.append(labelNode, input);
  return { wrapper, input };
}

function radioGroup(name, legend, options, checked) {
  const fieldset = element("fieldset", { class: "explorer-choice" });
  const legendNode = element("legend");
  legendNode.textContent = legend;
  fieldset.append(legendNode);
  const inputs = {};
  for (const [value, text] of Object.entries(options)) {
    const id = `${name}-${value}`;
    const input = element("input", { type: "radio", name, id, value });
    input.checked = value === checked;
    const label = element("label", { for: id });
    label.textContent = text;
    const option = element("span", { class: "explorer-option" }); // the button and its label wrap together
    option.append(input, label);
    fieldset.append(option);
    inputs[value] = input;
  }
  return { fieldset, inputs };
}

// ---------------------------------------------------------------------------------------------
// The widget.

class Explorer {
  constructor(root) {
    const start = JSON.parse(root.dataset.start);
    this.root = root;
    this.config = start;
    this.shape = shapeOf(start.hessian);
    this.state = {
      hessian: start.hessian,
      center: start.center.slice(),
      norm: start.norm,
      l1Ratio: start.l1Ratio,
      drive: "t",
      t: start.t,
      lam: 1,
    };
    this.build();
    this.update();
    root.hidden = false;
  }

  build() {
    const { window: w, tRange, lamRange, elongationRange, ratioRange, tiltRange } = this.config;
    const root = this.root;
    root.classList.add("explorer-ready");

    const figure = element("div", { class: "explorer-figure" });
    this.plane = svgElement("svg", {
      class: "explorer-plane",
      viewBox: `${-w} ${-w} ${2 * w} ${2 * w}`,
      role: "group", // not "img": it holds the focusable handle
      "aria-labelledby": "explorer-plane-title",
    });
    const title = svgElement("title", { id: "explorer-plane-title" });
    this.planeTitle = title;
    this.plane.append(title);
    this.world = svgElement("g", { transform: "scale(1,-1)" }); // β₂ up
    this.plane.append(this.world);
    for (let k = -w + 1; k < w; k += 1) {
      this.world.append(svgElement("line", { class: "explorer-grid", x1: k, y1: -w, x2: k, y2: w }));
      this.world.append(svgElement("line", { class: "explorer-grid", x1: -w, y1: k, x2: w, y2: k }));
    }
    this.world.append(svgElement("line", { class: "explorer-axis", x1: -w, y1: 0, x2: w, y2: 0 }));
    this.world.append(svgElement("line", { class: "explorer-axis", x1: 0, y1: -w, x2: 0, y2: w }));
    this.contours = svgElement("g", { class: "explorer-contours" });
    this.region = svgElement("path", { class: "explorer-region" });
    this.optimumContour = svgElement("ellipse", { class: "explorer-optimum-contour" });
    this.handle = svgElement("circle", {
      class: "explorer-handle",
      r: 0.28,
      tabindex: "0",
      role: "button",
      "aria-label": "The loss's minimum c: drag it, or move it with the arrow keys",
    });
    this.optimum = svgElement("circle", { class: "explorer-optimum", r: 0.2 });
    this.world.append(this.contours, this.region, this.optimumContour, this.handle, this.optimum);
    const labels = svgElement("g", { class: "explorer-labels" });
    for (const [text, x, y, anchor] of [
      ["β₁", w - 0.2, -0.3, "end"],
      ["β₂", 0.3, -w + 0.6, "start"],
    ]) {
      const node = svgElement("text", { x, y, "text-anchor": anchor });
      node.textContent = text;
      labels.append(node);
    }
    this.plane.append(labels);
    figure.append(this.plane);

    this.curve = svgElement("svg", {
      class: "explorer-curve",
      viewBox: "0 0 320 150",
      role: "img",
      "aria-labelledby": "explorer-curve-title",
    });
    this.curveTitle = svgElement("title", { id: "explorer-curve-title" });
    this.curvePath = svgElement("path", { class: "explorer-curve-line" });
    this.curvePoint = svgElement("circle", { class: "explorer-curve-point", r: 4.5 });
    this.curve.append(
      this.curveTitle,
      svgElement("rect", { class: "explorer-curve-frame", x: 40, y: 10, width: 270, height: 110 }),
    );
    this.curveLabels = svgElement("g", { class: "explorer-labels" });
    this.curve.append(this.curvePath, this.curvePoint, this.curveLabels);
    figure.append(this.curve);

    const controls = element("form", { class: "explorer-controls", "aria-label": "Explorer controls" });
    controls.addEventListener("submit", (event) => event.preventDefault());
    this.norms = radioGroup("explorer-norm", "Penalty", NAMES, this.state.norm);
    const [rMin, rMax, rStep] = ratioRange;
    this.ratio = rangeInput("explorer-ratio", "Elastic net's L1 share r", {
      min: rMin,
      max: rMax,
      step: rStep,
      value: this.state.l1Ratio,
    });
    this.t = rangeInput("explorer-t", "Budget t", { min: tRange[0], max: tRange[1], step: 0.01, value: this.state.t });
    const [lo, hi] = lamRange.map(Math.log10);
    this.lam = rangeInput("explorer-lam", "Strength λ (log scale)", { min: lo, max: hi, step: 0.01, value: 0 });
    const [tiltMin, tiltMax, tiltStep] = tiltRange;
    this.tilt = rangeInput("explorer-tilt", "Tilt of the bowl (degrees)", {
      min: tiltMin,
      max: tiltMax,
      step: tiltStep,
      value: this.shape.tilt,
    });
    this.elongation = rangeInput("explorer-elongation", "Elongation of the bowl", {
      min: elongationRange[0],
      max: elongationRange[1],
      step: 0.1,
      value: this.shape.elongation,
    });
    this.c1 = numberInput("explorer-c1", "Minimum c₁", { min: -w, max: w, step: 0.1, value: this.state.center[0] });
    this.c2 = numberInput("explorer-c2", "Minimum c₂", { min: -w, max: w, step: 0.1, value: this.state.center[1] });
    const centre = element("div", { class: "explorer-centre" });
    centre.append(this.c1.wrapper, this.c2.wrapper);
    controls.append(
      this.norms.fieldset,
      this.ratio.wrapper,
      this.t.wrapper,
      this.lam.wrapper,
      this.tilt.wrapper,
      this.elongation.wrapper,
      centre,
    );

    this.readout = element("p", { class: "explorer-readout" });
    this.live = element("p", { class: "explorer-live", "aria-live": "polite", role: "status" });
    const details = element("details", { class: "explorer-details" });
    const summary = element("summary");
    summary.textContent = "The numbers as a table";
    this.table = element("table", { class: "explorer-table" });
    details.append(summary, this.table);

    root.append(figure, controls, this.readout, this.live, details);
    this.listen();
  }

  listen() {
    for (const input of Object.values(this.norms.inputs)) {
      input.addEventListener("change", () => this.set({ norm: input.value }));
    }
    this.ratio.input.addEventListener("input", () => this.set({ l1Ratio: Number(this.ratio.input.value) }));
    this.t.input.addEventListener("input", () => this.set({ drive: "t", t: Number(this.t.input.value) }));
    this.lam.input.addEventListener("input", () => this.set({ drive: "lam", lam: 10 ** Number(this.lam.input.value) }));
    const reshape = () => {
      const hessian = hessianOf(Number(this.tilt.input.value), Number(this.elongation.input.value), this.shape.scale);
      this.set({ hessian });
    };
    this.tilt.input.addEventListener("input", reshape);
    this.elongation.input.addEventListener("input", reshape);
    for (const [k, field] of [
      [0, this.c1],
      [1, this.c2],
    ]) {
      field.input.addEventListener("input", () => {
        const value = Number(field.input.value);
        if (field.input.value === "" || !Number.isFinite(value)) return; // mid-typing
        this.moveCenter(k === 0 ? [value, this.state.center[1]] : [this.state.center[0], value], false);
      });
    }
    this.handle.addEventListener("keydown", (event) => {
      const step = event.shiftKey ? 5 * KEY_STEP : KEY_STEP;
      const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      const move = moves[event.key];
      if (!move) return;
      event.preventDefault();
      const [c1, c2] = this.state.center;
      this.moveCenter([c1 + move[0], c2 + move[1]], true);
    });
    // Pointer (mouse, touch, pen): press anywhere on the plane and drag; the minimum follows.
    this.plane.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      this.plane.setPointerCapture(event.pointerId);
      this.dragging = true;
      this.dragTo(event);
      this.handle.focus({ preventScroll: true });
    });
    this.plane.addEventListener("pointermove", (event) => {
      if (this.dragging) this.dragTo(event);
    });
    const stop = () => {
      this.dragging = false;
    };
    this.plane.addEventListener("pointerup", stop);
    this.plane.addEventListener("pointercancel", stop);
  }

  dragTo(event) {
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(this.world.getScreenCTM().inverse());
    this.moveCenter([point.x, point.y], true);
  }

  /** Move the minimum (kept inside the window; rounded to 0.01 when it comes from a pointer or a key). */
  moveCenter(center, round) {
    const w = this.config.window;
    const clamp = (value) => Math.min(Math.max(round ? Math.round(value * 100) / 100 : value, -w), w);
    this.set({ center: center.map(clamp) });
  }

  set(changes) {
    Object.assign(this.state, changes);
    this.update();
  }

  update() {
    const state = this.state;
    let result;
    try {
      result = solve(state);
    } catch (error) {
      this.readout.textContent = `No answer for these settings: ${error.message}`;
      return;
    }
    this.result = result;
    this.draw(result);
    this.syncControls(result);
    this.report(result);
  }

  draw({ beta, t }) {
    const state = this.state;
    const [c1, c2] = state.center;
    const [[a, b], [, d]] = state.hessian;
    // The contours (β − c)ᵀH(β − c) = L are ellipses: semi-axes √(L/μ) along H's eigenvectors.
    const half = Math.hypot((a - d) / 2, b);
    const small = (a + d) / 2 - half;
    const large = (a + d) / 2 + half;
    const angle = shapeOf(state.hessian).tilt; // the long axis, along the smaller eigenvalue
    const ellipse = (node, level) => {
      node.setAttribute("cx", c1);
      node.setAttribute("cy", c2);
      node.setAttribute("rx", Math.sqrt(level / small));
      node.setAttribute("ry", Math.sqrt(level / large));
      node.setAttribute("transform", `rotate(${angle} ${c1} ${c2})`);
    };
    const optimumLevel = lossAt(state, beta);
    const reference = optimumLevel > 0 ? optimumLevel : lossAt(state, [0, 0]) / 4 || 1;
    this.contours.replaceChildren();
    for (const step of [1, 2, 4, 5, 6, 7, 8, 10, 12]) {
      const node = svgElement("ellipse", { class: "explorer-contour" });
      ellipse(node, reference * (step / 3) ** 2);
      this.contours.append(node);
    }
    this.optimumContour.hidden = !(optimumLevel > 0);
    this.optimumContour.style.display = optimumLevel > 0 ? "" : "none";
    if (optimumLevel > 0) ellipse(this.optimumContour, optimumLevel);

    const r = state.norm === "elastic_net" ? state.l1Ratio : undefined;
    if (t > 0) {
      const points = [];
      for (let k = 0; k < OUTLINE_POINTS; k += 1) {
        const [x, y] = boundary(state.norm, t, (2 * Math.PI * k) / OUTLINE_POINTS, r);
        points.push(`${x.toFixed(5)},${y.toFixed(5)}`);
      }
      this.region.setAttribute("d", `M${points.join("L")}Z`);
    } else {
      this.region.setAttribute("d", "");
    }
    this.root.dataset.norm = state.norm;
    this.handle.setAttribute("cx", c1);
    this.handle.setAttribute("cy", c2);
    this.optimum.setAttribute("cx", beta[0]);
    this.optimum.setAttribute("cy", beta[1]);
    this.planeTitle.textContent =
      `Contours of the loss around its minimum (${fmt(c1)}, ${fmt(c2)}), the ${REGIONS[state.norm]} of budget ` +
      `t = ${fmt(t)}, and the exact optimum (${fmt(beta[0])}, ${fmt(beta[1])}). ${zeroWords(beta)}`;
    this.drawCurve();
  }

  /** The λ ↔ t curve: the budget that each strength matches, on a log λ axis, and the current point. */
  drawCurve() {
    const state = this.state;
    const [lo, hi] = this.config.lamRange.map(Math.log10);
    const r = state.norm === "elastic_net" ? state.l1Ratio : undefined;
    const samples = [];
    for (let k = 0; k < CURVE_POINTS; k += 1) {
      const u = lo + ((hi - lo) * k) / (CURVE_POINTS - 1);
      samples.push([u, tForLam(state.hessian, state.center, state.norm, 10 ** u, r)]);
    }
    const tMax = Math.max(...samples.map(([, t]) => t), this.result.t, 1e-9) * 1.05;
    const x = (u) => 40 + (270 * (u - lo)) / (hi - lo);
    const y = (t) => 120 - (110 * t) / tMax;
    this.curvePath.setAttribute("d", `M${samples.map(([u, t]) => `${x(u).toFixed(2)},${y(t).toFixed(2)}`).join("L")}`);
    const { lam, t } = this.result;
    const u = lam > 0 ? Math.min(Math.max(Math.log10(lam), lo), hi) : lo;
    this.curvePoint.setAttribute("cx", x(u));
    this.curvePoint.setAttribute("cy", y(t));
    this.curveLabels.replaceChildren();
    for (const [text, px, py, anchor] of [
      [`λ = ${fmt(10 ** lo)}`, 40, 140, "start"],
      ["λ, log scale", 175, 140, "middle"],
      [`λ = ${fmt(10 ** hi)}`, 310, 140, "end"],
      ["t", 30, 18, "end"],
      [fmt(tMax), 36, 30, "end"],
      ["0", 36, 122, "end"],
    ]) {
      const node = svgElement("text", { x: px, y: py, "text-anchor": anchor });
      node.textContent = text;
      this.curveLabels.append(node);
    }
    this.curveTitle.textContent =
      `The budget t matched by each strength λ, from λ = ${fmt(10 ** lo)} to ${fmt(10 ** hi)} on a log scale: ` +
      `t falls as λ grows. The current point: λ = ${fmt(lam)}, t = ${fmt(t)}.`;
  }

  /** The controls show the current state (the other parameter follows the one being driven). */
  syncControls({ t, lam }) {
    const state = this.state;
    const [lo, hi] = this.config.lamRange.map(Math.log10);
    if (state.drive === "t") {
      this.lam.input.value = lam > 0 ? Math.min(Math.max(Math.log10(lam), lo), hi) : lo;
    } else {
      this.t.input.value = t;
    }
    this.t.output.textContent = `t = ${fmt(t)}`;
    this.lam.output.textContent = lam > 0 ? `λ = ${fmt(lam)}` : "λ = 0 (the minimum is inside)";
    this.lam.input.setAttribute("aria-valuetext", this.lam.output.textContent);
    this.t.input.setAttribute("aria-valuetext", this.t.output.textContent);
    this.ratio.output.textContent = `r = ${fmt(state.l1Ratio)}`;
    this.ratio.wrapper.hidden = state.norm !== "elastic_net"; // the mix means nothing for L1 or L2
    const shape = shapeOf(state.hessian);
    this.tilt.output.textContent = `${fmt(shape.tilt)}°`;
    this.elongation.output.textContent = `${fmt(shape.elongation)} : 1`;
    for (const [k, field] of [
      [0, this.c1],
      [1, this.c2],
    ]) {
      if (document.activeElement !== field.input) field.input.value = String(state.center[k]);
    }
  }

  report({ beta, t, lam }) {
    const state = this.state;
    const driven =
      state.drive === "t"
        ? `budget t = ${fmt(t)} (matches λ = ${fmt(lam)})`
        : `strength λ = ${fmt(lam)} (matches t = ${fmt(t)})`;
    const sentence = `${NAMES[state.norm]}, ${driven}: the optimum is β = (${fmt(beta[0])}, ${fmt(beta[1])}). ${zeroWords(beta)}`;
    this.readout.textContent = sentence;
    const rows = [
      ["minimum c", `(${fmt(state.center[0])}, ${fmt(state.center[1])})`],
      [
        "H",
        `[[${fmt(state.hessian[0][0])}, ${fmt(state.hessian[0][1])}], [${fmt(state.hessian[1][0])}, ${fmt(state.hessian[1][1])}]]`,
      ],
      ["penalty", state.norm === "elastic_net" ? `${NAMES[state.norm]}, r = ${fmt(state.l1Ratio)}` : NAMES[state.norm]],
      ["budget t", fmt(t)],
      ["strength λ", fmt(lam)],
      ["β₁", fmt(beta[0])],
      ["β₂", fmt(beta[1])],
      ["loss at the optimum", fmt(lossAt(state, beta))],
    ];
    this.table.replaceChildren(
      ...rows.map(([name, value]) => {
        const row = element("tr");
        const head = element("th", { scope: "row" });
        head.textContent = name;
        const cell = element("td");
        cell.textContent = value;
        row.append(head, cell);
        return row;
      }),
    );
    // Full precision for tests and for anyone reading the page's data.
    this.root.dataset.state = JSON.stringify(state);
    this.root.dataset.result = JSON.stringify({ beta, t, lam });
    clearTimeout(this.announce);
    this.announce = setTimeout(() => {
      this.live.textContent = `Optimum (${fmt(beta[0])}, ${fmt(beta[1])}). ${zeroWords(beta)}`;
    }, ANNOUNCE_DELAY_MS);
  }
}

for (const root of document.querySelectorAll(".explorer[data-start]")) {
  new Explorer(root);
}
