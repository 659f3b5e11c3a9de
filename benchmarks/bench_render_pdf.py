"""The customer PDF of a 100-touchpoint map against the customer HTML of the same map, in one run.

    python benchmarks/bench_render_pdf.py [--repeat 3] [--maps 4]

1. One map: `journeyctl render MAP --audience customer -f html` and `... -f pdf` of one generated
   map (benchmarks/generate_corpus.py, 4 phases of 25 touchpoints, with its catalog), as whole
   processes taking turns, best of N in wall and CPU time (user + system, with the children's).
   The target is a PDF at most 3x the HTML.
2. Several maps: the PDFs of `--maps` such maps in one run, which spreads them over the cores
   (worker processes), against rendering them one after the other (`--jobs 1`).

Prints the times and the ratios; it asserts nothing (speed is reported, not tested).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_lint import best_of  # noqa: E402 (found through the sys.path line above)
from generate_corpus import generate  # noqa: E402


def render(paths: list[Path], fmt: str, out: Path, *more: str) -> list[str]:
    config = out.parent / "journeyctl.yaml"  # not the repository's, whose catalog would clash
    config.write_text("{}\n")
    return [
        sys.executable,
        "-m",
        "journeyctl",
        "render",
        *map(str, paths),
        "-f",
        fmt,
        "-a",
        "customer",
        "--date",
        "2027-01-15",
        "--config",
        str(config),
        "-o",
        str(out),
        *more,
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--maps", type=int, default=2)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch, "corpus")
        generate(corpus, maps=max(1, arguments.maps), touchpoints=100)
        catalog, first = corpus / "catalog.yaml", corpus / "bench-0000.yaml"
        out = Path(scratch, "out")
        load = os.getloadavg()[0]
        print(
            f"one map of 100 touchpoints; best of {arguments.repeat}, taking turns; {os.cpu_count()} cores, load {load:.1f}"
        )
        commands = [render([first, catalog], "html", out), render([first, catalog], "pdf", out)]
        for command in commands:  # a render that fails would be timed as a fast one
            subprocess.run(command, check=True, capture_output=True)
        (html, html_cpu), (pdf, pdf_cpu) = best_of(arguments.repeat, *commands)
        print(f"customer HTML                     {html:6.2f} s   1.00x   ({html_cpu:.2f} s CPU)")
        print(
            f"customer PDF                      {pdf:6.2f} s   {pdf / html:.2f}x   ({pdf_cpu:.2f} s CPU, "
            f"{pdf_cpu / html_cpu:.2f}x)   (target 3x)"
        )
        if arguments.maps > 1:
            every = sorted(corpus.glob("bench-*.yaml"))
            (serial, _), (parallel, _) = best_of(
                1, render([*every, catalog], "pdf", out, "--jobs", "1"), render([*every, catalog], "pdf", out)
            )
            print(f"{len(every)} PDFs, one after the other       {serial:6.2f} s   1.00x")
            print(f"{len(every)} PDFs over the cores             {parallel:6.2f} s   {parallel / serial:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
