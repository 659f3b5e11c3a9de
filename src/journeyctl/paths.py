"""Paths and names as people and CI tools read them: printable, relative, with forward slashes."""

from __future__ import annotations

import os
import re
from pathlib import Path

# Control characters (an ESC starts a terminal escape sequence, a CR rewrites the line, a line
# break starts a new line that GitHub's runner may read as a workflow command) are shown as \xNN,
# never sent: they come from map text and file names, which anyone can write. A tab stays; line
# breaks stay only in multi-line documents (keep_lines).
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_CONTROL_KEEPING_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A surrogate is a byte of a file name that is not UTF-8 (Python keeps it as U+DC80-U+DCFF) or
# half of a character (JSON and YAML can spell "\ud800"): neither can be encoded.
_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str, *, keep_lines: bool = False) -> str:
    """Text safe to print and to encode: surrogates (bytes of a file name that are not UTF-8)
    become U+FFFD, control characters \\xNN (line breaks too, unless keep_lines)."""
    text = _SURROGATE.sub("\ufffd", text)
    control = _CONTROL_KEEPING_LINES if keep_lines else _CONTROL
    return control.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def relative_posix(path: str, root: str | Path | None = None) -> str:
    """`path` relative to `root` (default: the current directory) with '/', printable; absolute if outside it."""
    return printable(relative_to(path, root))


def relative_to(path: str, root: str | Path | None = None) -> str:
    """The same, not yet printable: for URIs, which percent-encode the real bytes."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, os.path.abspath(root) if root is not None else None)
    outside = relative == os.pardir or relative.startswith(os.pardir + os.sep)
    return Path(absolute if outside else relative).as_posix()
