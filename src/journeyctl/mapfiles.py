"""What makes a file a journey map file, told without parsing it: its suffix and a top-level
`journeyctl:` key. Light on purpose (no YAML, no models), so the pre-commit hook can sort staged
files before it pays for the rest of journeyctl.
"""

from __future__ import annotations

import os
import re
import stat
from typing import Literal

MAP_SUFFIXES = (".yaml", ".yml")
MapKind = Literal["journey", "catalog", "account"]  # the `kind:` of a map file
# A top-level `journeyctl:` key, in block or flow style, as every map file has.
_MAP_KEY = re.compile(r"""^(?:\{\s*)?["']?journeyctl["']?\s*:""", re.M)
# A file this large is left to the loader to judge (and refuse) rather than read twice.
_PEEK_BYTES = 1 << 20


def looks_like_map(text: str) -> bool:
    return _MAP_KEY.search(text) is not None


def could_be_map(path: str) -> bool:
    """Whether a file on disk may hold a map: it has the key, or the loader must say why it cannot be read."""
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode) or status.st_size > _PEEK_BYTES:
            return True
        with open(path, encoding="utf-8", errors="replace") as handle:
            return looks_like_map(handle.read())
    except OSError:
        return True
