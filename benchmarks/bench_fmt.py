"""How long `journeyctl fmt --check` takes, and how much memory, on large maps and on many small ones.

Maps of about 1, 5 and 10 MB (the loader's size limit) are generated with a comment every ten
touchpoints, as people write them; each is measured in a fresh process (its CPU time and peak
memory). Then 500 small maps (4 KB, already canonical) in one run, per map.

    python benchmarks/bench_fmt.py
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate_corpus import journey


def commented_map(touchpoints: int, seed: int = 7) -> str:
    lines = []
    for line in journey(1, touchpoints, random.Random(seed)).split("\n"):
        if line.startswith("      - id:") and line.endswith("0"):
            lines.append("      # reviewed with the CSM team")
            line += "  # renamed in Q3"
        lines.append(line)
    return "\n".join(lines)


def measure(path: str) -> str:
    from journeyctl.fmt.run import Mode, format_paths

    start = time.process_time()
    run = format_paths([path], Mode.CHECK)
    assert not run.problems, run.problems
    files = len(run.changed) + len(run.unchanged)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return (
        f"{time.process_time() - start:.2f} s CPU ({(time.process_time() - start) / files * 1000:.1f} ms a map), "
        f"peak {peak} MB"
    )


def main() -> None:
    per_touchpoint = len(commented_map(400)) / 400
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in (1, 5, 10):
            path = Path(folder) / f"map-{megabytes}mb.yaml"
            path.write_text(commented_map(int(megabytes * 1_000_000 / per_touchpoint) // 4 * 4), encoding="utf-8")
            result = subprocess.run(
                [sys.executable, __file__, "--one", str(path)], capture_output=True, text=True, check=True
            )
            print(f"one map of {path.stat().st_size / 1e6:.1f} MB: {result.stdout.strip()}")
        small = Path(folder) / "small"
        small.mkdir()
        for number in range(500):
            (small / f"m{number:03d}.yaml").write_text(journey(number, 4, random.Random(number)), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "journeyctl", "fmt", "--", str(small)], capture_output=True, check=True)
        result = subprocess.run(
            [sys.executable, __file__, "--one", str(small)], capture_output=True, text=True, check=True
        )
        print(f"500 small canonical maps (4 KB): {result.stdout.strip()}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(measure(sys.argv[2]))
    else:
        main()
