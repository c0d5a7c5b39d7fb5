"""Benchmark of the package's hot paths, as ratios measured in the same process.

- exact lasso / elastic net / ridge against scikit-learn on the same data (after translating λ);
- QuadraticLoss.constrained_minimum (L1 and L2) per call;
- simulate_clouds (5000 exact trials) against the reference's 100-point boundary search on
  the same losses.

Run with ``nox -s bench`` (or ``python benchmarks/bench_package.py``); prints a table and
writes benchmarks/package-results.json.
"""

import json
import timeit
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.linear_model import ElasticNet, Lasso, Ridge

import regexplain as rx

RESULTS = Path(__file__).with_name("package-results.json")


def best_of(func: Callable[[], object], repeat: int = 7) -> float:
    """Best wall time of one call, in seconds (the minimum is the least noisy estimate)."""
    number = max(1, int(0.05 / max(timeit.timeit(func, number=1), 1e-9)))
    return min(timeit.repeat(func, number=number, repeat=repeat)) / number


def solver_rows() -> list[tuple[str, float, float]]:
    """Our exact solvers and scikit-learn's on one 200×50 problem, seconds per fit."""
    rng = np.random.default_rng(0)
    X = rng.standard_normal((200, 50))
    y = X[:, :5] @ rng.standard_normal(5) + 0.5 * rng.standard_normal(200)
    lam = 0.1
    n = X.shape[0]
    cases = [
        ("lasso", lambda: rx.lasso(X, y, lam), Lasso(**rx.to_sklearn("lasso", lam, n_samples=n), tol=1e-12)),
        (
            "elastic_net",
            lambda: rx.elastic_net(X, y, lam, 0.5),
            ElasticNet(**rx.to_sklearn("elastic_net", lam, n_samples=n, l1_ratio=0.5), tol=1e-12),
        ),
        ("ridge", lambda: rx.ridge(X, y, lam), Ridge(**rx.to_sklearn("ridge", lam, n_samples=n))),
    ]
    return [(f"{name} 200×50", best_of(ours), best_of(lambda est=est: est.fit(X, y))) for name, ours, est in cases]


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


def main() -> None:
    """Run every benchmark, print the tables and write the JSON."""
    solvers, quadratic, simulation = solver_rows(), quadratic_rows(), simulation_rows()
    print(f"\n{'solver':<22} {'ours ms':>9} {'sklearn ms':>11} {'ours/sklearn':>13}")
    for name, ours, theirs in solvers:
        print(f"{name:<22} {ours * 1e3:9.3f} {theirs * 1e3:11.3f} {ours / theirs:13.2f}")
    print(f"\n{'QuadraticLoss':<34} {'µs per call':>12}")
    for name, seconds in quadratic:
        print(f"{name:<34} {seconds * 1e6:12.1f}")
    print(f"\n{'simulation':<34} {'exact ms':>9} {'trials/s':>10} {'100-pt search ms':>17} {'exact/search':>13}")
    for name, exact, search in simulation:
        print(f"{name:<34} {exact * 1e3:9.2f} {5000 / exact:10,.0f} {search * 1e3:17.2f} {exact / search:13.1f}")
    RESULTS.write_text(
        json.dumps(
            {
                "solvers": [{"case": c, "ours_s": o, "sklearn_s": s, "ratio": o / s} for c, o, s in solvers],
                "quadratic": [{"case": c, "seconds": s} for c, s in quadratic],
                "simulation": [
                    {"case": c, "exact_s": e, "trials_per_s": 5000 / e, "search_s": s, "ratio": e / s}
                    for c, e, s in simulation
                ],
            },
            indent=2,
        )
    )
    print(f"\nresults written to {RESULTS}")


if __name__ == "__main__":
    main()
