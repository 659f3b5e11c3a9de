"""Running `journeyctl measure` as a user does: a real process, its streams and its exit status."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CASES = Path(__file__).parent / "cases"


def journeyctl(*args: str, cwd: Path = CASES, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    env.pop("JOURNEYCTL_CONFIG", None)
    done = subprocess.run(
        [sys.executable, "-m", "journeyctl", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    )
