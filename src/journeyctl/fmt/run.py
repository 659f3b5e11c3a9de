"""`fmt` over files and folders: format each map file, then write it, or only say or show what would change."""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TextIO

from journeyctl.fileio import Snapshot, write_atomic
from journeyctl.fmt.formatter import FORMAT_UNSAFE, format_text
from journeyctl.lint.engine import paused_gc
from journeyctl.lint.rules.jc001_unreadable_file import CHECK as UNREADABLE_FILE
from journeyctl.loading import discover
from journeyctl.loading.source import DEFAULT_MAX_BYTES, read_text
from journeyctl.problems import FILE_START, Problem
from journeyctl.schema import DEFAULT_CHANNELS

# fmt keeps every comment, so it builds more per value than lint: about 1.5 s of CPU and 150 MB
# a megabyte (benchmarks/bench_fmt.py). Above this a file is refused before any work, so that
# fmt answers in seconds; lint, diff and render read files up to max_file_bytes (10 MB).
FMT_MAX_BYTES = 4 * 1024 * 1024


class Mode(str, Enum):
    WRITE = "write"  # rewrite files in place
    CHECK = "check"  # only list the files that would change
    DIFF = "diff"  # only show the change as a unified diff


@dataclass
class FmtRun:
    changed: list[str] = field(default_factory=list)  # reformatted, or would be
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # files that were not touched, and why

    @property
    def failed(self) -> bool:
        return any(problem.severity.rank >= 3 for problem in self.problems)


def format_paths(
    paths: Sequence[str],
    mode: Mode,
    *,
    diff_stream: TextIO | None = None,
    channels: Sequence[str] = DEFAULT_CHANNELS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> FmtRun:
    run = FmtRun()
    for path, named_directly in discover(paths):
        try:  # before reading: a save made while the file is formatted must not be overwritten
            status = os.stat(path)
        except OSError:
            status = None  # read_text says why
        if status is not None and FMT_MAX_BYTES < status.st_size <= max_bytes:
            run.problems.append(
                Problem(
                    path,
                    FILE_START,
                    FORMAT_UNSAFE,
                    (
                        f"not formatted: the file is {status.st_size:,} bytes, over fmt's limit of {FMT_MAX_BYTES:,} (fmt "
                        "would take too long and too much memory on it); split it into several maps, or leave it as it is"
                    ),
                )
            )
            continue
        text = read_text(path, max_bytes)
        if isinstance(text, Problem):
            run.problems.append(text)
            continue
        snapshot = Snapshot.of(status, text) if status is not None and mode is Mode.WRITE else None
        with paused_gc():  # as in lint: the trees hold no cycles, and the collector would rescan them (half the time)
            result = format_text(path, text, named_directly=named_directly, channels=channels)
        if result.skipped:
            run.skipped.append(path)
        elif result.text is None:  # not result.ok
            run.problems.extend(result.problems)
        elif result.text == text:
            run.unchanged.append(path)
        else:
            _apply(run, path, text, result.text, mode, diff_stream, snapshot)
    return run


def _apply(
    run: FmtRun, path: str, text: str, formatted: str, mode: Mode, diff_stream: TextIO | None, snapshot: Snapshot | None
) -> None:
    if mode is Mode.DIFF and diff_stream is not None:
        diff_stream.writelines(
            difflib.unified_diff(
                text.splitlines(keepends=True), formatted.splitlines(keepends=True), f"{path}", f"{path} (formatted)"
            )
        )
    if mode is Mode.WRITE:
        try:
            # Through a symlink to the file itself, so the link stays a link; write_atomic keeps the
            # mode and owner, and refuses a read-only or hard-linked file and one changed meanwhile.
            write_atomic(os.path.realpath(path), formatted, unchanged=snapshot)
        except OSError as error:
            run.problems.append(
                Problem(path, FILE_START, UNREADABLE_FILE, f"cannot write file: {error.strerror or error}")
            )
            return
    run.changed.append(path)


__all__ = ["FMT_MAX_BYTES", "FORMAT_UNSAFE", "FmtRun", "Mode", "format_paths"]
