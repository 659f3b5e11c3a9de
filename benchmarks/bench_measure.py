"""Measure speed against a bare Python csv.reader pass over the same actuals, in one run.

    python benchmarks/bench_measure.py [--rows 1000000] [--repeat 3]

Generates a per-account actuals file for the example maps (maps/): every metric with an id, a
few thousand accounts, weekly periods, RANDOM values (seeded), `--rows` rows in all. Then times
two whole processes, taking turns, best of N (wall time; CPU time beside it):

- `journeyctl measure maps/ --actuals FILE --format json` (start-up, the maps, DuckDB reading
  the CSV in parallel, the checks, the joins and the aggregation, the report);
- `python -c` a bare `for row in csv.reader(file): pass` over the same file: the floor of any
  tool that looks at the rows in Python.

Prints the times and the ratio; it asserts nothing (speed is reported, not tested).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE_CSV = "import csv, sys\nwith open(sys.argv[1], newline='') as f:\n    for row in csv.reader(f):\n        pass\n"
ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def metric_ids() -> list[tuple[str, str, str]]:
    """(map id, metric id, aggregate) of every metric of maps/ that can be measured."""
    sys.path.insert(0, str(ROOT / "src"))
    from journeyctl.loading import load_workspace
    from journeyctl.schema.metrics import every_metric

    found = []
    for item in load_workspace([str(ROOT / "maps")]).journeys:
        for _, _, _, metric in every_metric(item.model):
            if metric.id and metric.goal:
                found.append((item.model.id, metric.id, metric.goal.aggregate.value))
    return found


def generate(path: Path, rows: int) -> None:
    metrics = metric_ids()
    accounts = 4000
    weeks = max(1, rows // (len(metrics) * accounts) + 1)
    rng = random.Random(11)
    written = 0
    with open(path, "w", newline="") as out:
        out.write("map,metric,period,account,value\n")
        for week in range(weeks):
            period = f"{2025 + (week // 52)}-W{week % 52 + 1:02d}"
            for map_id, metric, aggregate in metrics:
                for account in range(accounts):
                    if written == rows:
                        return
                    value = rng.random() < 0.8 if aggregate == "share" else round(rng.uniform(0, 120), 1)
                    out.write(f"{map_id},{metric},{period},acct-{account:05d},{str(value).lower()}\n")
                    written += 1


def seconds(command: list[str]) -> tuple[float, float]:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=ENVIRONMENT)
    _, status, usage = os.wait4(process.pid, 0)
    if status:
        raise SystemExit(f"{' '.join(command)} failed with status {status >> 8}")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    journeyctl = str(Path(sys.executable).with_name("journeyctl"))
    with tempfile.TemporaryDirectory() as folder:
        actuals = Path(folder) / "actuals.csv"
        generate(actuals, args.rows)
        size = actuals.stat().st_size
        commands = {
            "journeyctl measure": [journeyctl, "measure", "maps/", "--actuals", str(actuals), "--format", "json"],
            "csv.reader pass": [sys.executable, "-c", BARE_CSV, str(actuals)],
        }
        for command in commands.values():
            seconds(command)  # once untimed: bytecode caches, the file in the page cache
        best = {name: (float("inf"), float("inf")) for name in commands}
        for _ in range(args.repeat):
            for name, command in commands.items():
                wall, cpu = seconds(command)
                best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    print(f"measure, {args.rows:,} per-account rows ({size / 2**20:.0f} MB CSV), best of {args.repeat}:")
    for name, (wall, cpu) in best.items():
        print(f"  {name:<20} {wall:6.2f} s wall  {cpu:6.2f} s CPU")
    ratio = best["journeyctl measure"][0] / best["csv.reader pass"][0]
    print(f"  ratio: {ratio:.2f}x the bare csv.reader pass (target <= 1.0x)")


if __name__ == "__main__":
    main()
