"""Lint speed against the bare C parse of the same files, measured in one run on this machine.

    python benchmarks/bench_lint.py [--repeat 5] [--one-map]

1. Large repository: the generated corpus (benchmarks/generate_corpus.py, 200 maps of 100
   touchpoints) linted by `journeyctl lint` (parse, validate, all rules, positions), against
   a process that only parses the same files with PyYAML's C loader
   (`yaml.load(text, Loader=yaml.CSafeLoader)`). Both are whole processes, best of N.
2. Pre-commit: `journeyctl lint` of one map, as the hook runs it on every commit, against
   `yamllint -d relaxed` on the same map (a YAML linter that validates far less: the target is
   at most its time) and against `python -c pass`. The three take turns, so a busy moment of
   the machine slows all of them alike; each figure is the best of 4N, in wall time and in CPU
   time (user + system, steadier on a busy machine). `--one-map` runs only this part.

Every command runs once untimed first, and may write its bytecode caches (__pycache__), as an
installed journeyctl or yamllint has them: PYTHONDONTWRITEBYTECODE, if set, would make every
run of journeyctl's source checkout compile it again.

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

from generate_corpus import generate  # noqa: E402 (found through the sys.path line above)

BARE_PARSE = """
import pathlib, sys, yaml
for path in sorted(pathlib.Path(sys.argv[1]).glob('*.yaml')):
    yaml.load(path.read_text('utf-8'), Loader=yaml.CSafeLoader)
"""
ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def seconds(command: list[str]) -> tuple[float, float]:
    """The wall time and the CPU time (user + system) of one whole-process run, output discarded."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=ENVIRONMENT)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def best_of(repeat: int, *commands: list[str]) -> list[tuple[float, float]]:
    """The best wall and CPU times of `repeat` runs of each command, the commands taking turns,
    after one untimed run each."""
    for command in commands:
        seconds(command)
    best = [(float("inf"), float("inf"))] * len(commands)
    for _ in range(repeat):
        for number, command in enumerate(commands):
            wall, cpu = seconds(command)
            best[number] = (min(best[number][0], wall), min(best[number][1], cpu))
    return best


def tool(name: str) -> str:
    """A script of the environment this benchmark runs in (the project's .venv), else from PATH."""
    return shutil.which(name, path=str(Path(sys.executable).parent)) or name


def large_repository(repeat: int) -> None:
    corpus = HERE / "corpus"
    size = generate(corpus)
    files = len(list(corpus.glob("*.yaml")))
    print(f"corpus: {files} files, {size / 1e6:.1f} MB; {os.cpu_count()} cores; best of {repeat}")
    lint = [tool("journeyctl"), "lint", str(corpus), "--today", "2026-11-25"]
    bare, lint_all, lint_one_core = (
        wall
        for wall, _ in best_of(repeat, [sys.executable, "-c", BARE_PARSE, str(corpus)], lint, [*lint, "--jobs", "1"])
    )
    print(f"bare C parse (PyYAML CSafeLoader)   {bare:6.2f} s   1.00x")
    print(f"journeyctl lint, all cores          {lint_all:6.2f} s   {lint_all / bare:.2f}x   (target 1.5x)")
    print(f"journeyctl lint --jobs 1            {lint_one_core:6.2f} s   {lint_one_core / bare:.2f}x")


def one_map(repeat: int) -> None:
    small = ROOT / "maps" / "enterprise-laer.yaml"
    (yamllint, yamllint_cpu), (lint, lint_cpu), (python_pass, python_pass_cpu) = best_of(
        repeat,
        [tool("yamllint"), "-d", "relaxed", str(small)],
        [tool("journeyctl"), "lint", str(small), "--today", "2026-11-25"],
        [sys.executable, "-c", "pass"],
    )
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"one map: {small.relative_to(ROOT)}; best of {repeat}, taking turns; load average {load}")
    print("  (CPU time, user + system, in brackets: steadier than wall time on a busy machine)")
    print(f"yamllint -d relaxed (one map)       {yamllint:6.3f} s   1.00x   ({yamllint_cpu:.3f} s  1.00x)")
    print(
        f"journeyctl lint (one map)           {lint:6.3f} s   {lint / yamllint:.2f}x   "
        f"({lint_cpu:.3f} s  {lint_cpu / yamllint_cpu:.2f}x)   (target 1.0x)"
    )
    print(
        f"python -c pass                      {python_pass:6.3f} s   {python_pass / yamllint:.2f}x   "
        f"({python_pass_cpu:.3f} s  {python_pass_cpu / yamllint_cpu:.2f}x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--one-map", action="store_true", help="Only the pre-commit figures (one map).")
    arguments = parser.parse_args()
    if not arguments.one_map:
        large_repository(arguments.repeat)
    one_map(arguments.repeat * 4)


if __name__ == "__main__":
    main()
