"""Render time against a list's length: maps with N exit criteria in one phase, or N touchpoints.

    python benchmarks/bench_render_lists.py [--sizes 500,1000,2000,4000] [--kinds criteria,touchpoints]
                                            [--formats md,html,pdf] [--timeout 300]

Each render is a whole `journeyctl render` process (what a user waits for), customer audience.
Prints one line per kind, size and format: seconds, or "> timeout".
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAD = """journeyctl: 1
kind: journey
id: bench
title: A long journey
owner: csm
owners:
  - id: csm
    name: Customer Success Manager
personas:
  - id: admin
    name: Sam, the admin
    role: Runs the tool
phases:
"""


def journey(kind: str, count: int) -> str:
    lines = [HEAD, "  - id: p1\n    name: Onboarding\n    customer_goal: Get going\n"]
    if kind == "criteria":
        lines.append("    exit_criteria:\n")
        lines += [f"      - Criterion number {i} is met by the team\n" for i in range(count)]
        lines.append(
            "    touchpoints:\n      - id: t0\n        name: Kickoff\n        channel: email\n"
            "        owner: csm\n        personas: [admin]\n        customer_view: We meet.\n"
        )
    else:
        lines.append("    touchpoints:\n")
        lines += [
            f"      - id: t{i}\n        name: Step {i}\n        channel: email\n        owner: csm\n"
            f"        personas: [admin]\n        timing: day {i}\n        customer_view: Step {i} happens.\n"
            for i in range(count)
        ]
    return "".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="500,1000,2000,4000")
    parser.add_argument("--kinds", default="criteria,touchpoints")
    parser.add_argument("--formats", default="md,html,pdf")
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        for kind in args.kinds.split(","):
            for size in map(int, args.sizes.split(",")):
                path = Path(scratch, f"{kind}-{size}.yaml")
                path.write_text(journey(kind, size), encoding="utf-8")
                for fmt in args.formats.split(","):
                    started = time.perf_counter()
                    try:
                        done = subprocess.run(
                            [
                                sys.executable,
                                "-m",
                                "journeyctl",
                                "render",
                                str(path),
                                "-f",
                                fmt,
                                "-a",
                                "customer",
                                "-o",
                                str(Path(scratch, "out")),
                            ],
                            capture_output=True,
                            cwd=scratch,
                            timeout=args.timeout,
                            text=True,
                        )
                        took = f"{time.perf_counter() - started:6.2f} s" + (
                            ""
                            if done.returncode == 0
                            else f" (exit {done.returncode}: {done.stderr.strip().splitlines()[-1][:120]})"
                        )
                    except subprocess.TimeoutExpired:
                        took = f"> {args.timeout:.0f} s"
                    print(f"{kind:12} N={size:<6} {fmt:5} {took}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
