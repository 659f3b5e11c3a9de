"""What reaches standard output and standard error: every line printable, and under GitHub Actions
no line that the runner would take for a workflow command unless journeyctl meant one.

File names and map text can hold anything: a newline followed by `::add-mask::x` or `::error::`,
an ESC, bytes that are not UTF-8. Call sites show names with `printable()` (one line each); this
guard, around every command (`guarded_output()`), makes the rest true of whole lines, for every
print, echo and console at once. Our own workflow commands go through `workflow_command()`.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from collections.abc import Iterator
from typing import TextIO

from journeyctl.paths import printable

# Rich's styling on a terminal (Select Graphic Rendition): the only escape sequence journeyctl
# itself sends; map text has had its own ESC shown as \x1b by printable() before it is styled.
_STYLE = re.compile(r"(\x1b\[[0-9;]*m)")


def defuse_workflow_commands(line: str) -> str:
    """The runner reads `::name ...::` after leading blanks, and `##[name` anywhere in a line: a
    space between the two characters keeps the text readable and valid in every format (JSON too)."""
    stripped = line.lstrip()
    if stripped.startswith("::"):
        line = line[: len(line) - len(stripped)] + ": :" + stripped[2:]
    return line.replace("##[", "## [")


class PrintableLines(io.TextIOBase):
    """A text stream that writes whole lines made printable to the stream it wraps."""

    def __init__(self, stream: TextIO, *, under_actions: bool):
        self._stream = stream
        self._under_actions = under_actions
        self._pending = ""  # the start of a line not yet ended
        self._mid_line = False  # part of this line has been written (a flush before its end)

    def write(self, text: str) -> int:
        *lines, self._pending = (self._pending + text).split("\n")
        for line in lines:
            self._stream.write(self._clean(line) + "\n")
            self._mid_line = False
        return len(text)

    def workflow_command(self, line: str) -> None:
        """One of our own commands, its data escaped by the caller (report.github)."""
        self.flush()
        self._stream.write(line.rstrip("\n") + "\n")

    def _clean(self, line: str) -> str:
        if self._stream_styles():
            line = "".join(part if _STYLE.fullmatch(part) else printable(part) for part in _STYLE.split(line))
        else:
            line = printable(line)
        if self._under_actions and not self._mid_line:
            line = defuse_workflow_commands(line)
        return line

    def _stream_styles(self) -> bool:
        return not os.environ.get("NO_COLOR") and self.isatty()

    def flush(self) -> None:
        if self._pending:
            self._stream.write(self._clean(self._pending))
            self._mid_line = self._mid_line or bool(self._pending.strip())
            self._pending = ""
        self._stream.flush()

    # What Rich, click and print ask of a stream; no `buffer`, so nothing writes around this one.
    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    def writable(self) -> bool:
        return True

    # typeshed declares these two writable attributes of TextIOBase; in io they are read-only properties
    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str:  # type: ignore[override]
        return "replace"


def workflow_command(stream: TextIO, line: str) -> None:
    """Write one of our own workflow commands: past the guard, which would defuse it."""
    if isinstance(stream, PrintableLines):
        stream.workflow_command(line)
    else:
        stream.write(line.rstrip("\n") + "\n")


@contextlib.contextmanager
def guarded_output() -> Iterator[None]:
    """sys.stdout and sys.stderr as PrintableLines while a command runs."""
    under_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    saved = sys.stdout, sys.stderr
    if saved[0] is not None:  # None: no console at all (pythonw)
        sys.stdout = PrintableLines(saved[0], under_actions=under_actions)
    if saved[1] is not None:
        sys.stderr = PrintableLines(saved[1], under_actions=under_actions)
    try:
        yield
    finally:
        for guard in (sys.stdout, sys.stderr):
            if isinstance(guard, PrintableLines):
                with contextlib.suppress(Exception):  # a closed pipe: nothing more can be said
                    guard.flush()
        sys.stdout, sys.stderr = saved
