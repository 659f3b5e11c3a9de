"""A JSON list, one object per problem, for scripts."""

from __future__ import annotations

import json
from typing import Sequence, TextIO

from journeyctl.problems import Problem
from journeyctl.report.paths import printable


def as_dict(problem: Problem) -> dict:
    return {
        "path": printable(problem.path),
        "line": problem.span.line,
        "column": problem.span.column,
        "end_line": problem.span.end_line,
        "end_column": problem.span.end_column,
        "severity": problem.severity.value,
        "code": problem.code,
        "name": problem.name,
        "message": problem.message,
        "semantic_path": problem.semantic_path,
    }


def report_json(problems: Sequence[Problem], stream: TextIO, *, files: int, seconds: float) -> None:
    json.dump([as_dict(problem) for problem in problems], stream, indent=2, ensure_ascii=False)
    stream.write("\n")
