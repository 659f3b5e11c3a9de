"""Paths as CI tools want them: relative to the working directory, with forward slashes."""

from __future__ import annotations

import os
from pathlib import Path


def relative_posix(path: str) -> str:
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    return Path(absolute if relative.startswith("..") else relative).as_posix()
