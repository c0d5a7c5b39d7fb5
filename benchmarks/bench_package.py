"""Benchmark of the package's hot paths, as ratios measured in the same process.

- exact lasso / elastic net / ridge against scikit-learn (tol 1e-12 and its default) on a set of
  tall, wide and highly correlated designs at λ from 0.3·λ_max to 3e-4·λ_max: ours and theirs
  interleaved in each round, the median of the rounds per case with its range, one BLAS thread;
- QuadraticLoss.constrained_minimum (L1 and L2) per call;
- simulate_clouds (5000 exact trials) against the reference's 100-point boundary search on
  the same losses;
- the four iterative lasso methods of "In practice" (rx.lasso_iterates) on the chapter's
  diabetes problem: steps to a tolerance and time for them, against the exact rx.lasso.

Run with ``nox -s bench`` (or ``python benchmarks/bench_package.py``); prints a table and
writes benchmarks/package-results.json.
"""

import json
import statistics
import time
import timeit
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import ElasticNet, Lasso, Ridge
from threadpoolctl import threadpool_info, threadpool_limits

import regexplain as rx
from regexplain.math.optimizers import METHODS

RESULTS = Path(__file__).with_name("package-results.json")


def best_of(func: Callable[[], object], repeat: int = 7) -> float:
    """Best wall time of one call, in seconds (the minimum is the least noisy estimate)."""
    number = max(1, int(0.05 / max(timeit.timeit(func, number=1), 1e-9)))
    return min(timeit.repeat(func, number=number, repeat=repeat)) / number


# The solver benchmark set: tall (n ≫ p), wide (p > n) and highly correlated designs (one common
# factor gives every pair of columns correlation ρ), λ from 0.3·λ_max down to 3e-4·λ_max.
DESIGNS = [(500, 50, 0.0), (500, 200, 0.5), (200, 100, 0.97), (50, 200, 0.0), (40, 120, 0.9), (50, 200, 0.97)]
FRACTIONS = (0.3, 0.03, 3e-3, 3e-4)
L1_RATIOS = (1.0, 0.8, 0.5, 0.2)  # 1.0 is the lasso
ROUNDS = 5  # interleaved rounds per case (1 where one round takes over a second)


def design(n: int, p: int, rho: float, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A design with pairwise correlation ρ and a sparse signal."""
    rng = np.random.default_rng(seed)
    X = np.sqrt(rho) * rng.standard_normal((n, 1)) + np.sqrt(1.0 - rho) * rng.standard_normal((n, p))
    y = X[:, :5] @ rng.standard_normal(5) + 0.5 * rng.standard_normal(n)
    return X, y


def sklearn_model(r: float, lam: float, n: int, tol: float | None):
    """The scikit-learn estimator of the same problem (λ translated by to_sklearn); tol None is its default."""
    options = {} if tol is None else {"tol": tol, "max_iter": 1_000_000}
    if r == 0.0:
        return Ridge(**rx.to_sklearn("ridge", lam, n_samples=n))
    if r == 1.0:
        return Lasso(**rx.to_sklearn("lasso", lam, n_samples=n), **options)
    return ElasticNet(**rx.to_sklearn("elastic_net", lam, n_samples=n, l1_ratio=r), **options)


def interleaved(calls: dict[str, Callable[[], object]]) -> dict[str, list[float]]:
    """Seconds per call of each function, timed in alternating order over several rounds.

    Alternating ours and theirs within each round means a burst of load on the shared machine
    hits both sides of a ratio alike.
    """
    times: dict[str, list[float]] = {name: [] for name in calls}
    for round_ in range(ROUNDS):
        order = list(calls) if round_ % 2 == 0 else list(calls)[::-1]
        for name in order:
            start = time.perf_counter()
            calls[name]()
            times[name].append(time.perf_counter() - start)
        if round_ == 0 and sum(t[0] for t in times.values()) > 1.0:
            break
    return times


def solver_cases() -> list[dict[str, object]]:
    """Every case of the solver set: our exact fit against scikit-learn at tol 1e-12 and at its default."""
    cases = []
    for n, p, rho in DESIGNS:
        X, y = design(n, p, rho)
        lam_max = rx.lasso_lambda_max(X, y)
        for r in (*L1_RATIOS, 0.0):
            for fraction in FRACTIONS if r > 0.0 else (0.3, 3e-4):
                lam = fraction * lam_max / (r or 1.0)  # the L1 part λr is the fraction of λ_max
                if r > 0.0:
                    calls = {"ours": lambda X=X, y=y, lam=lam, r=r: rx.elastic_net(X, y, lam, r)}
                else:
                    calls = {"ours": lambda X=X, y=y, lam=lam: rx.ridge(X, y, lam)}
                for label, tol in (("tol 1e-12", 1e-12), ("default tol", None)):
                    model = sklearn_model(r, lam, n, tol)
                    calls[label] = lambda m=model, X=X, y=y: m.fit(X, y)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", ConvergenceWarning)
                    times = interleaved(calls)
                name = {1.0: "lasso", 0.0: "ridge"}.get(r, f"elastic net r={r}")
                cases.append({"design": f"{n}×{p} ρ={rho}", "model": name, "fraction": fraction, "times": times})
    return cases


def summary(cases: list[dict[str, object]], model_filter: Callable[[str], bool]) -> dict[str, dict[str, float]]:
    """Median and worst of the per-case ratios (ours / theirs, each the median over rounds)."""
    out = {}
    for label in ("tol 1e-12", "default tol"):
        ratios = [
            statistics.median(c["times"]["ours"]) / statistics.median(c["times"][label])
            for c in cases
            if model_filter(c["model"])
        ]
        out[label] = {"median": statistics.median(ratios), "worst": max(ratios), "cases": len(ratios)}
    return out


def quadratic_rows() -> list[tuple[str, float]]:
    """Seconds per exact constrained minimum of a tilted 2-D loss."""
    loss = rx.QuadraticLoss([[9.0, 2.25], [2.25, 1.0]], [4.0, 0.8])
    return [
        (f"constrained_minimum {norm}, p=2", best_of(lambda n=norm: loss.constrained_minimum(n, 2.0)))
        for norm in ("l1", "l2")
    ]


def simulation_rows() -> list[tuple[str, float, float]]:
    """Seconds for 5000 exact trials and for the 100-point search on the same losses."""
    rows = []
    for norm in ("l1", "l2"):
        clouds = rx.simulate_clouds("general", norm, 5000)
        exact = best_of(lambda n=norm: rx.simulate_clouds("general", n, 5000), repeat=5)
        search = best_of(lambda c=clouds: rx.boundary_search(c, 100), repeat=5)
        rows.append((f"simulate_clouds {norm}, 5000 trials", exact, search))
    return rows


OPTIMIZER_TOL = 1e-6  # largest coefficient error, relative to the largest exact coefficient
OPTIMIZER_MAX_STEPS = 20_000


def optimizer_rows() -> list[dict[str, object]]:
    """Steps each iterative method needs to come within OPTIMIZER_TOL of the exact lasso, and their time.

    The chapter's race problem (the diabetes lasso at OPTIMIZER_LAM_SHARE·λ_max). The time is
    that of running exactly the steps needed, median of 5 runs with its range, and the ratio is
    to the exact solve (rx.lasso) timed alongside.
    """
    from sklearn.datasets import load_diabetes

    from regexplain.math import in_practice

    X, y = load_diabetes(return_X_y=True)
    lam = in_practice.OPTIMIZER_LAM_SHARE * rx.lasso_lambda_max(X, y)
    exact = rx.lasso(X, y, lam).coef
    rows = []
    for method in METHODS:
        iterates = rx.lasso_iterates(X, y, lam, method, OPTIMIZER_MAX_STEPS)
        error = np.abs(iterates - exact).max(axis=1) / np.abs(exact).max()
        outside = np.flatnonzero(error > OPTIMIZER_TOL)
        steps = int(outside[-1] + 1) if outside.size else 0
        reached = steps <= OPTIMIZER_MAX_STEPS
        runs = max(steps, 1) if reached else OPTIMIZER_MAX_STEPS
        times = interleaved(
            {
                "method": lambda m=method, k=runs: rx.lasso_iterates(X, y, lam, m, k),
                "exact": lambda: rx.lasso(X, y, lam),
            }
        )
        rows.append(
            {"method": method, "steps": steps if reached else None, "final_error": float(error[-1]), "times": times}
        )
    return rows


def spread(times: list[float]) -> str:
    """Median and range of a case's rounds, in ms."""
    return f"{statistics.median(times) * 1e3:9.2f} [{min(times) * 1e3:.2f}–{max(times) * 1e3:.2f}]"


def print_solvers(cases: list[dict[str, object]]) -> dict[str, object]:
    """The per-case table and the summary of ratios; returns the summary."""
    print(
        f"\n{'design':<18} {'model':<18} {'λ/λmax':>7} {'ours ms [range]':>26} {'sklearn 1e-12 ms [range]':>30} "
        f"{'ratio':>7} {'ratio (default tol)':>20}"
    )
    for c in cases:
        t = c["times"]
        ours = statistics.median(t["ours"])
        print(
            f"{c['design']:<18} {c['model']:<18} {c['fraction']:7.0e} {spread(t['ours']):>26} "
            f"{spread(t['tol 1e-12']):>30} {ours / statistics.median(t['tol 1e-12']):7.2f} "
            f"{ours / statistics.median(t['default tol']):20.2f}"
        )
    result = {
        "l1": summary(cases, lambda model: model != "ridge"),
        "ridge": summary(cases, lambda model: model == "ridge"),
        "worst_ours_s": max(statistics.median(c["times"]["ours"]) for c in cases),
    }
    for name, label in (("l1", "lasso + elastic net"), ("ridge", "ridge")):
        for tol, stats in result[name].items():
            print(
                f"{label:<20} vs scikit-learn {tol:<12}: median ratio {stats['median']:.3f}, "
                f"worst {stats['worst']:.2f} ({stats['cases']} cases)"
            )
    print(f"slowest exact fit: {result['worst_ours_s'] * 1e3:.1f} ms")
    return result


def main() -> None:
    """Run every benchmark with one BLAS thread (both sides alike), print the tables and write the JSON."""
    with threadpool_limits(limits=1):
        blas = [{k: v for k, v in pool.items() if k in ("internal_api", "num_threads")} for pool in threadpool_info()]
        cases = solver_cases()
        quadratic, simulation, optimizers = quadratic_rows(), simulation_rows(), optimizer_rows()
    solvers = print_solvers(cases)
    print(f"\n{'QuadraticLoss':<34} {'µs per call':>12}")
    for name, seconds in quadratic:
        print(f"{name:<34} {seconds * 1e6:12.1f}")
    print(f"\n{'simulation':<34} {'exact ms':>9} {'trials/s':>10} {'100-pt search ms':>17} {'exact/search':>13}")
    for name, exact, search in simulation:
        print(f"{name:<34} {exact * 1e3:9.2f} {5000 / exact:10,.0f} {search * 1e3:17.2f} {exact / search:13.1f}")
    print(f"\n{'lasso optimizer, to 1e-6':<24} {'steps':>7} {'ms [range]':>24} {'× exact':>8}")
    for row in optimizers:
        t = row["times"]
        steps = row["steps"] if row["steps"] is not None else f">{OPTIMIZER_MAX_STEPS}"
        ratio = statistics.median(t["method"]) / statistics.median(t["exact"])
        print(f"{row['method']:<24} {steps:>7} {spread(t['method']):>24} {ratio:8.1f}")
    print(f"{'exact (rx.lasso)':<24} {'':>7} {spread(optimizers[0]['times']['exact']):>24}")
    RESULTS.write_text(
        json.dumps(
            {
                "blas": blas,
                "solvers": {**solvers, "cases": cases},
                "quadratic": [{"case": c, "seconds": s} for c, s in quadratic],
                "simulation": [
                    {"case": c, "exact_s": e, "trials_per_s": 5000 / e, "search_s": s, "ratio": e / s}
                    for c, e, s in simulation
                ],
                "optimizers": {"tol": OPTIMIZER_TOL, "max_steps": OPTIMIZER_MAX_STEPS, "rows": optimizers},
            },
            indent=2,
        )
    )
    print(f"\nresults written to {RESULTS}")


if __name__ == "__main__":
    main()
