"""Baselines: accept today's findings, report only new ones; keyed by rule and semantic path."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Sequence

from journeyctl.fileio import write_output
from journeyctl.lint.rules.jc302_stale_baseline_entry import CHECK as STALE_BASELINE_ENTRY
from journeyctl.problems import Problem, Span, UsageError

VERSION = 1


def _key_path(path: str) -> str:
    return Path(os.path.relpath(os.path.abspath(path))).as_posix()


def _key(problem: Problem) -> tuple[str, str, str]:
    return (_key_path(problem.path), problem.code, problem.semantic_path)


def write_baseline(path: str | Path, problems: Sequence[Problem]) -> None:
    """One finding a line, so the file diffs well and a stale entry can be named by its line."""
    entries = sorted({_key(problem): problem.message for problem in problems}.items())
    lines = [json.dumps({"path": p, "code": c, "semantic_path": s, "message": m}, ensure_ascii=False)
             for (p, c, s), m in entries]
    body = ",\n    ".join(lines)
    text = f'{{\n  "version": {VERSION},\n  "findings": [\n    {body}\n  ]\n}}\n' if lines else \
        f'{{\n  "version": {VERSION},\n  "findings": []\n}}\n'
    write_output(path, text)


def read_baseline(path: str | Path) -> list[tuple[tuple[str, str, str], int]]:
    """(key, line) of every entry; a missing or malformed file is a usage error."""
    try:
        text = Path(path).read_text("utf-8")
        document = json.loads(text)
    except FileNotFoundError:
        raise UsageError(f"baseline file not found: {path} (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UsageError(f"cannot read baseline {path}: {error}") from None
    if not isinstance(document, dict) or document.get("version") != VERSION or not isinstance(document.get("findings"), list):
        raise UsageError(f"{path} is not a journeyctl baseline (version {VERSION})")
    lines = text.splitlines()
    found = []
    search_from = 0
    for entry in document["findings"]:
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("path", "code", "semantic_path")):
            raise UsageError(f"{path}: every finding needs path, code and semantic_path")
        key = (entry["path"], entry["code"], entry["semantic_path"])
        line = next((n for n in range(search_from, len(lines)) if f'"code": "{entry["code"]}"' in lines[n]), search_from)
        search_from = line + 1
        found.append((key, line + 1))
    return found


def apply_baseline(problems: list[Problem], baseline_path: str | Path) -> list[Problem]:
    """Drop the findings the baseline accepts; report its entries that no longer match (JC302)."""
    entries = read_baseline(baseline_path)
    remaining = Counter(key for key, _line in entries)
    kept = []
    for problem in problems:
        key = _key(problem)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            kept.append(problem)
    for key, line in entries:
        if remaining[key] > 0:
            remaining[key] -= 1
            path, code, semantic_path = key
            kept.append(Problem(str(baseline_path), Span(line, 5, line, 5), STALE_BASELINE_ENTRY,
                                f"baseline entry {code} at {path} {semantic_path or '(file)'} no longer occurs; "
                                "refresh the baseline with --write-baseline", semantic_path))
    return kept
