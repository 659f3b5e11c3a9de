"""The one Problem type that every stage (loading, references, rules) reports."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, NamedTuple


class UsageError(Exception):
    """A mistake in how journeyctl was called or configured (exit status 2), not in a map."""


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Span(NamedTuple):
    """A 1-based region of a file; end is exclusive, as YAML marks are."""

    line: int
    column: int
    end_line: int
    end_column: int


FILE_START = Span(1, 1, 1, 1)


class Check(NamedTuple):
    """The identity of a kind of problem: stable code, readable name, default severity."""

    code: str
    name: str
    severity: Severity = Severity.ERROR


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    span: Span
    check: Check
    message: str
    semantic_path: str = ""
    severity: Severity = field(default=None)  # type: ignore[assignment]  # defaults to the check's
    # What tells this finding from others of its rule at the same semantic path (a persona id, a
    # directive): part of its identity across runs (journeyctl.identity), so never a date,
    # a count or a line.
    subject: str = ""

    def __post_init__(self) -> None:
        if self.severity is None:
            object.__setattr__(self, "severity", self.check.severity)

    @property
    def code(self) -> str:
        return self.check.code

    @property
    def name(self) -> str:
        return self.check.name

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self) -> tuple:
        return (self.path, self.span.line, self.span.column, self.check.code, self.message)


def did_you_mean(word: Any, candidates: Sequence[str]) -> str:
    """` (did you mean 'x'?)` for the closest candidate, or nothing: every message with a typo uses it."""
    if not isinstance(word, str):
        return ""
    match = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean {match[0]!r}?)" if match else ""
