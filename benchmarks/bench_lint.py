"""Lint speed against the bare C parse of the same files, measured in one run on this machine.

    python benchmarks/bench_lint.py [--repeat 5]

1. Large repository: the generated corpus (benchmarks/generate_corpus.py, 200 maps of 100
   touchpoints) linted by `journeyctl lint` (parse, validate, all rules, positions), against
   a process that only parses the same files with PyYAML's C loader
   (`yaml.load(text, Loader=yaml.CSafeLoader)`). Both are whole processes, best of N.
2. Pre-commit: `journeyctl lint` of one small map against `python -c pass`.

Prints the times and the ratios; it asserts nothing (speed is reported, not tested).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate_corpus import generate  # noqa: E402

BARE_PARSE = """
import pathlib, sys, yaml
for path in sorted(pathlib.Path(sys.argv[1]).glob('*.yaml')):
    yaml.load(path.read_text('utf-8'), Loader=yaml.CSafeLoader)
"""


def best_of(repeat: int, command: list[str]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    journeyctl = shutil.which("journeyctl", path=str(Path(sys.executable).parent)) or "journeyctl"
    corpus = HERE / "corpus"
    size = generate(corpus)
    files = len(list(corpus.glob("*.yaml")))
    print(f"corpus: {files} files, {size / 1e6:.1f} MB; {os.cpu_count()} cores; best of {arguments.repeat}")

    bare = best_of(arguments.repeat, [sys.executable, "-c", BARE_PARSE, str(corpus)])
    lint_all = best_of(arguments.repeat, [journeyctl, "lint", str(corpus), "--today", "2026-11-25"])
    lint_one_core = best_of(arguments.repeat, [journeyctl, "lint", str(corpus), "--today", "2026-11-25", "--jobs", "1"])
    print(f"bare C parse (PyYAML CSafeLoader)   {bare:6.2f} s   1.00x")
    print(f"journeyctl lint, all cores          {lint_all:6.2f} s   {lint_all / bare:.2f}x   (target 1.5x)")
    print(f"journeyctl lint --jobs 1            {lint_one_core:6.2f} s   {lint_one_core / bare:.2f}x")

    small = ROOT / "maps" / "enterprise-laer.yaml"
    python_pass = best_of(arguments.repeat * 2, [sys.executable, "-c", "pass"])
    lint_small = best_of(arguments.repeat * 2, [journeyctl, "lint", str(small), "--today", "2026-11-25"])
    print(f"python -c pass                      {python_pass:6.3f} s   1.00x")
    print(f"journeyctl lint (one map)           {lint_small:6.3f} s   {lint_small / python_pass:.1f}x   (target < 0.3 s)")


if __name__ == "__main__":
    main()
