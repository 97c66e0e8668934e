"""Benchmark: output multipliers and Rasmussen linkages, pestle vs pymrio, same tables, same run.

Tables: the embedded 2020 national table (153 sectors) and a seeded synthetic table of 5,000
sectors (about 5% of coefficients non-zero, every column sum of A in [0.2, 0.8)). Both sides
work on the same A = Z / x (pestle's "total" basis, which is what pymrio computes).

- pestle: `leontief(table, basis="total")` (A, one LU factorisation of I - A, output, value-added
  multipliers, backward, forward and Ghosh-forward linkages by solves); then again with the
  full L formed from the factors, for a like-for-like comparison with pymrio's inverse.
- pymrio: `IOSystem(Z=..., Y=...).calc_all()` (x, A, L = inv(I - A)), then the same
  multipliers and linkages from its L (`calc_G(B, L, x)` for the Ghosh forward linkages).

Results are checked to agree before any time is printed. Run: .venv/bin/python benchmarks/linkage.py
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pymrio

from pestle.analysis.linkage import IOTable, china_2020, leontief
from pestle.analysis.seed import rng


def synthetic(n: int, seed: int = 20200101, density: float = 0.05) -> IOTable:
    g = rng(seed)
    a = g.random((n, n)) * (g.random((n, n)) < density)
    np.fill_diagonal(a, g.random(n))  # every sector buys from itself: no empty column
    a *= g.uniform(0.2, 0.8, n) / a.sum(axis=0)
    f = g.uniform(1.0, 100.0, n)
    x = np.linalg.solve(np.eye(n) - a, f)
    z = a * x
    return IOTable.from_arrays(z, f, x - z.sum(axis=0), source=f"synthetic {n}")


def ours(table: IOTable, with_l: bool) -> dict[str, np.ndarray]:
    model = leontief(table, basis="total")
    if with_l:
        _ = model.L
    return {
        "output_multipliers": model.output_multipliers,
        "backward": model.backward_linkages,
        "forward": model.forward_linkages,
        "forward_ghosh": model.forward_linkages_ghosh,
    }


def pymrio_system(table: IOTable) -> Callable[[], dict[str, np.ndarray]]:
    idx = pd.Index(table.codes, name="sector")
    z = pd.DataFrame(table.Z, index=idx, columns=idx)
    y = pd.DataFrame({"net final demand": table.final_use - table.imports}, index=idx)

    def run() -> dict[str, np.ndarray]:
        io = pymrio.IOSystem(Z=z, Y=y)
        io.calc_all()
        lmat = io.L.to_numpy()
        x = io.x.to_numpy().ravel()
        g = pymrio.calc_G(None, L=lmat, x=x)
        col, row, grow = lmat.sum(axis=0), lmat.sum(axis=1), g.sum(axis=1)
        return {
            "output_multipliers": col,
            "backward": col / col.mean(),
            "forward": row / row.mean(),
            "forward_ghosh": grow / grow.mean(),
        }

    return run


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def compare(label: str, table: IOTable, repeat: int) -> None:
    t_ours, r_ours = best(lambda: ours(table, with_l=False), repeat)
    t_ours_l, _ = best(lambda: ours(table, with_l=True), repeat)
    t_pymrio, r_pymrio = best(pymrio_system(table), repeat)
    worst = max(
        float(np.max(np.abs(r_ours[k] - r_pymrio[k]) / np.abs(r_pymrio[k]))) for k in r_ours
    )
    if worst > 1e-8:
        raise SystemExit(f"{label}: pestle and pymrio disagree (max relative diff {worst:.2e})")
    print(
        f"{label:<22} pestle {t_ours * 1e3:9.1f} ms | pestle + full L {t_ours_l * 1e3:9.1f} ms"
        f" | pymrio calc_all {t_pymrio * 1e3:9.1f} ms | ratio pymrio/pestle "
        f"{t_pymrio / t_ours:5.1f}x (with L {t_pymrio / t_ours_l:4.1f}x) | "
        f"max rel diff {worst:.1e} | best of {repeat}"
    )


def main() -> None:
    compare("China 2020, 153", china_2020(153), repeat=20)
    start = time.perf_counter()
    big = synthetic(5000)
    print(
        f"(synthetic 5,000-sector table built and checked in {time.perf_counter() - start:.1f} s)"
    )
    compare("synthetic, 5,000", big, repeat=3)


if __name__ == "__main__":
    main()
