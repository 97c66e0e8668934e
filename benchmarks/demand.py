"""Benchmark of the composite-demand model (issue: performance).

Goals on the 2-core reference machine:
- 1,000,000 Monte Carlo samples of the full model (the embedded case's default scenario,
  observed: the capacity history projected, all segments with repowering, end-of-life waste
  from 2023, regional production, mean/p5/p50/p95 of every output) in < 1 s;
- >= 50x a straightforward per-sample Python implementation
  (`pestle.analysis.demand.loop`), measured in the same run on 20,000 samples and
  scaled linearly to 1,000,000 (it is linear in the number of samples: one loop per sample);
- peak memory of the 1,000,000-sample run < 1 GB (tracemalloc, which numpy reports its
  array allocations to, measured in a separate run so it does not slow the timed one);
- Sobol' indices of total demand with 2^13 base samples in < 10 s.

Run: .venv/bin/python benchmarks/demand.py  (exit 1 only if the two implementations
disagree; missed timing goals are reported, not fatal).
"""

from __future__ import annotations

import os
import resource
import sys
import time
import tracemalloc

import numpy as np

from pestle.analysis.demand import demand_sensitivity, evaluate, load_demand_inputs, simulate
from pestle.analysis.demand.loop import evaluate_loop
from pestle.analysis.demand.model import draw, uncertain_names

SAMPLES = 1_000_000
LOOP_SAMPLES = 20_000
SOBOL_N = 2**13
SEED = 1


def _goal(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> int:
    inputs = load_demand_inputs()
    scenario = inputs.scenarios[0]  # the headline scenario every surface shows by default
    params = inputs.parameters.apply(scenario)
    bo = inputs.build_out
    print(f"demand benchmark: {os.cpu_count()} CPUs, numpy {np.__version__}")
    print(f"scenario {scenario.name}: {len(uncertain_names(params))} uncertain parameters")

    simulate(bo, params, samples=10_000, seed=SEED)  # warm-up (imports, thread pool)
    times, cpu = [], []
    for _ in range(3):
        t0, c0 = time.perf_counter(), time.process_time()
        result = simulate(bo, params, samples=SAMPLES, seed=SEED)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    vec = min(times)
    total = result.get("cumulative_demand_t", "total")
    print(
        f"vectorised: {SAMPLES:,} samples in {vec:.3f} s (best of 3; runs "
        f"{', '.join(f'{t:.3f}' for t in times)} s; first run includes page faults)  "
        f"goal < 1 s: {_goal(vec < 1.0)}"
    )
    print(
        f"  CPU time of the best run: {cpu[times.index(vec)]:.3f} s over 2 threads "
        "(wall time depends on what else the machine runs)"
    )
    print(
        f"  total demand {result.years[0]}-{result.years[-1]}: mean {total['mean']:,.0f} t, "
        f"p5-p95 {total['p5']:,.0f}-{total['p95']:,.0f} t"
    )

    # per-sample loop on the same kind of draws, scaled to SAMPLES
    names = uncertain_names(params)
    u = np.random.default_rng(SEED).random((len(names), LOOP_SAMPLES))
    t0 = time.perf_counter()
    demand, waste = evaluate_loop(bo, params, u)
    cumulative = demand.sum(axis=1)
    np.percentile(
        np.vstack([demand.reshape(-1, LOOP_SAMPLES), cumulative, waste]), [5, 50, 95], axis=1
    )
    loop = time.perf_counter() - t0
    loop_scaled = loop * SAMPLES / LOOP_SAMPLES
    ratio = loop_scaled / vec
    print(
        f"per-sample loop: {LOOP_SAMPLES:,} samples in {loop:.2f} s -> {loop_scaled:.0f} s for "
        f"{SAMPLES:,} (scaled linearly)"
    )
    print(f"  ratio loop / vectorised: {ratio:.0f}x  goal >= 50x: {_goal(ratio >= 50)}")
    ev = evaluate(bo, params, draw(params, u))
    diff = max(
        float(np.max(np.abs(ev.demand_t - demand))), float(np.max(np.abs(ev.waste_t - waste)))
    )
    print(f"  same draws, largest difference loop vs vectorised: {diff:.2e} t")

    tracemalloc.start()
    simulate(bo, params, samples=SAMPLES, seed=SEED)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB on Linux
    print(
        f"peak memory of a {SAMPLES:,}-sample run: {peak / 2**20:.0f} MiB (tracemalloc); "
        f"process max RSS {rss:.0f} MiB  goal < 1 GB: {_goal(peak < 2**30)}"
    )

    t0 = time.perf_counter()
    sens = demand_sensitivity(bo, params, base_samples=SOBOL_N, seed=SEED)
    sobol = time.perf_counter() - t0
    print(
        f"Sobol: N = 2^13 = {SOBOL_N}, {sens.evaluations:,} model runs in {sobol:.2f} s  "
        f"goal < 10 s: {_goal(sobol < 10.0)}"
    )
    top = sens.top(3)
    print(
        "  top drivers (ST): "
        + ", ".join(f"{r.parameter} {r.ST:.2f}" for r in top.itertuples(index=False))
    )
    if diff > 1e-6:
        print("FAIL: the vectorised model and the per-sample loop disagree", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
