"""Paths and names as people and CI tools read them: printable, relative, with forward slashes."""

from __future__ import annotations

import os
import re
from pathlib import Path

# Control characters (an ESC starts a terminal escape sequence; XML forbids most of them) are
# shown as \xNN, never sent: they come from map text and file names, which anyone can write.
# Tab and line ends stay: each format has its own way with them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text safe to print and to encode: bytes of a file name that are not UTF-8 (which Python
    keeps as surrogates) become U+FFFD, control characters \\xNN."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def relative_posix(path: str) -> str:
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    return printable(Path(absolute if relative.startswith("..") else relative).as_posix())
