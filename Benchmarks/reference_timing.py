#!/usr/bin/env python3
"""Times the numpy reference implementation (coin_reference.py) on the same workloads as the Swift benchmarks.

Usage (from /work/main):  python3 Benchmarks/reference_timing.py [--quick]
The reference is imported by path from ../shared/reference (override with KEMBAR_REFERENCE_DIR).
Workloads whose full run would take minutes are timed on a stated fraction and scaled up linearly; the output says
which figures are scaled.  Only computation is timed, not reading CSV files, as in the Swift benchmarks.
"""
import csv
import os
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REF = Path(os.environ.get("KEMBAR_REFERENCE_DIR", HERE.parent.parent / "shared" / "reference"))
sys.path.insert(0, str(REF))
import coin_reference as cr  # noqa: E402

ASEM = HERE.parent / "Tests" / "KembarIndexTests" / "Fixtures" / "asem"


def load_asem():
    with open(ASEM / "asem_idata.csv") as f:
        rows = list(csv.DictReader(f))
    with open(ASEM / "asem_imeta.csv") as f:
        meta = list(csv.DictReader(f))
    units = [r["uCode"] for r in rows]
    framework, denoms = [], {}
    for m in meta:
        if m["Type"] not in ("Indicator", "Aggregate"):
            continue
        parent = None if m["Parent"] == "NA" else m["Parent"]
        framework.append(cr.Node(m["iCode"], int(m["Level"]), parent, float(m["Weight"]),
                                 int(m["Direction"]) if m["Direction"] != "NA" else 1))
        if m["Type"] == "Indicator" and m["Denominator"] not in ("NA", ""):
            denoms[m["iCode"]] = m["Denominator"]

    def num(v):
        return float("nan") if v in ("NA", "") else float(v)

    inds = [n.code for n in framework if n.level == 1]
    data = {c: np.array([num(r[c]) for r in rows]) for c in inds}
    dvars = {d: np.array([num(r[d]) for r in rows]) for d in set(denoms.values())}
    groups = np.array([r["GDP_group"] for r in rows])
    return units, framework, data, denoms, dvars, groups


def asem_pipeline(framework, data, denoms, dvars, groups):
    dirs = {n.code: n.direction for n in framework if n.level == 1}
    out = {}
    for code, x in data.items():
        x = x / dvars[denoms[code]] if code in denoms else x.copy()
        for g in np.unique(groups):  # group-mean imputation (COINr i_mean_grp)
            m = groups == g
            vals = x[m]
            if np.isnan(vals).any():
                vals[np.isnan(vals)] = np.nanmean(vals)
                x[m] = vals
        x = cr.treat(x)["x"]
        out[code] = cr.normalise(x, dirs[code], "minmax", l_u=(0, 100))
    return cr.aggregate(out, framework, "amean")


def synthetic(units, indicators, groups, periods, seed):
    rng = np.random.default_rng(seed)
    framework = []
    for i in range(indicators):
        framework.append(cr.Node(f"I{i}", 1, f"G{i * groups // indicators}", 1.0, -1 if i % 7 == 0 else 1))
    for g in range(groups):
        framework.append(cr.Node(f"G{g}", 2, "P0" if g < groups // 2 else "P1", 1.0))
    framework += [cr.Node("P0", 3, "Index", 1.0), cr.Node("P1", 3, "Index", 1.0), cr.Node("Index", 4, None, 1.0)]
    data = []
    for p in range(periods):
        d = {}
        for i in range(indicators):
            x = rng.random(units)
            v = np.exp(6 * x * x) if i % 5 == 0 else 10 + 80 * x + p
            v[rng.random(units) < 0.05] = np.nan
            d[f"I{i}"] = v
        data.append(d)
    return framework, data


def panel_pipeline(framework, data):
    """Treat per period, normalise pooled over periods (COINr purse defaults), aggregate per period."""
    dirs = {n.code: n.direction for n in framework if n.level == 1}
    treated = [{c: cr.treat(x)["x"] for c, x in d.items()} for d in data]
    norm = [dict() for _ in data]
    for c in dirs:
        pooled = cr.normalise_panel({p: treated[p][c] for p in range(len(data))}, dirs[c], "minmax")
        for p in range(len(data)):
            norm[p][c] = pooled[p]
    return [cr.aggregate(n, framework, "amean") for n in norm]


def timed(f, *args, repeat=1):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        f(*args)
        best = min(best, time.perf_counter() - t0)
    return best


def main():
    quick = "--quick" in sys.argv
    print(f"coin_reference.py from {REF}; numpy {np.__version__}; python {sys.version.split()[0]}")
    units, framework, data, denoms, dvars, groups = load_asem()

    t_a = timed(asem_pipeline, framework, data, denoms, dvars, groups, repeat=5)
    print(f"a  ASEM default pipeline: {t_a * 1000:.1f} ms (best of 5)")

    fw_b, data_b = synthetic(10_000, 100, 10, 10, 11)
    periods_b = 1 if quick else 10
    t_b = timed(panel_pipeline, fw_b, data_b[:periods_b])
    scale_b = 10 / periods_b
    print(f"b  10000 x 100 x 10 pipeline: {t_b * scale_b:.1f} s"
          + (f" (scaled from {periods_b} period(s): {t_b:.1f} s)" if scale_b != 1 else ""))

    norm = {}
    dirs = {n.code: n.direction for n in framework if n.level == 1}
    agg = asem_pipeline(framework, data, denoms, dvars, groups)
    norm = {c: agg[c] for c in dirs}
    reps_c1 = 100 if quick else 1000
    t_c1 = timed(lambda: cr.uncertainty_analysis(norm, framework, units, "Index", ((2, 0.25), (3, 0.25)),
                                                 n_rep=reps_c1, seed=20240601, mode="direct"))
    print(f"c1 MC 1000 reps ASEM: {t_c1 * 1000 / reps_c1:.1f} s"
          + (f" (scaled from {reps_c1} reps: {t_c1:.1f} s)" if reps_c1 != 1000 else ""))

    fw_c, data_c = synthetic(1_000, 60, 6, 1, 12)
    norm_c = {c: cr.normalise(cr.treat(x)["x"], n.direction, "minmax")
              for n in fw_c if n.level == 1 for c, x in [(n.code, data_c[0][n.code])]}
    units_c = [f"U{i}" for i in range(1000)]
    reps_c2 = 10 if quick else 50
    t_c2 = timed(lambda: cr.uncertainty_analysis(norm_c, fw_c, units_c, "Index", ((2, 0.25), (3, 0.25)),
                                                 n_rep=reps_c2, seed=20240601, mode="direct"))
    print(f"c2 MC 1000 reps 1000 x 60: {t_c2 * 1000 / reps_c2:.1f} s (scaled from {reps_c2} reps: {t_c2:.1f} s)")


if __name__ == "__main__":
    main()
