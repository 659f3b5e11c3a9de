"""Baselines: accept today's findings, report only new ones; keyed by the finding's identity (rule,
path from the repository root, semantic path, subject: journeyctl.identity), so a baseline
holds from any working directory and through edits that move lines."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from journeyctl.fileio import write_output
from journeyctl.identity import Identity, identity, repository_root
from journeyctl.lint.rules.jc302_stale_baseline_entry import CHECK as STALE_BASELINE_ENTRY
from journeyctl.loading.source import read_text
from journeyctl.paths import printable
from journeyctl.problems import Problem, Span, UsageError

VERSION = 1


def _entry(key: Identity, message: str) -> str:
    """The message is there for the reader only; `subject` only where the finding has one."""
    fields = {
        "path": key.path,
        "code": key.code,
        "semantic_path": key.semantic_path,
        **({"subject": key.subject} if key.subject else {}),
        "message": message,
    }
    return json.dumps(fields, ensure_ascii=False)


def write_baseline(path: str | Path, problems: Sequence[Problem], config_source: Path | None = None) -> None:
    """One finding a line, so the file diffs well and a stale entry can be named by its line."""
    root = repository_root(config_source)
    keys = [identity(problem, root) for problem in problems]
    messages = {key: printable(problem.message) for key, problem in zip(keys, problems, strict=True)}
    lines = [_entry(key, messages[key]) for key in sorted(keys)]  # equal keys repeat: each counts once
    body = ",\n    ".join(lines)
    text = (
        f'{{\n  "version": {VERSION},\n  "findings": [\n    {body}\n  ]\n}}\n'
        if lines
        else f'{{\n  "version": {VERSION},\n  "findings": []\n}}\n'
    )
    write_output(path, text)


MAX_BASELINE_BYTES = 100 * 1024 * 1024


def read_baseline(path: str | Path) -> list[tuple[Identity, int]]:
    """(key, line) of every entry; a missing or malformed file is a usage error."""
    if not os.path.exists(path):
        raise UsageError(f"baseline file not found: {path} (create it with --write-baseline)")
    text = read_text(str(path), MAX_BASELINE_BYTES)  # a regular file of bounded size, as UTF-8
    if isinstance(text, Problem):
        raise UsageError(f"cannot read baseline {path}: {text.message}")
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:  # RecursionError: nesting thousands deep
        raise UsageError(f"cannot read baseline {path}: {type(error).__name__}: {str(error)[:200]}") from None
    if (
        not isinstance(document, dict)
        or document.get("version") != VERSION
        or not isinstance(document.get("findings"), list)
    ):
        raise UsageError(f"{path} is not a journeyctl baseline (version {VERSION})")
    # Entries are shown at their line: the n-th entry at the n-th line naming a code, as --write-baseline writes them.
    code_lines = [number for number, line in enumerate(text.splitlines(), 1) if '"code":' in line]
    found = []
    for number, entry in enumerate(document["findings"]):
        if (
            not isinstance(entry, dict)
            or not all(_is_text(entry.get(k)) for k in ("path", "code", "semantic_path"))
            or not _is_text(entry.get("subject", ""))
        ):
            raise UsageError(f"{path}: every finding needs path, code and semantic_path as text (and subject, if any)")
        key = Identity(entry["path"], entry["code"], entry["semantic_path"], entry.get("subject", ""))
        found.append((key, code_lines[number] if number < len(code_lines) else 1))
    return found


def _is_text(value) -> bool:
    """A string that can be printed: JSON can spell a lone surrogate (\\ud800), UTF-8 cannot."""
    return isinstance(value, str) and not any(0xD800 <= ord(c) <= 0xDFFF for c in value)


def apply_baseline(
    problems: list[Problem], baseline_path: str | Path, config_source: Path | None = None
) -> list[Problem]:
    """Drop the findings the baseline accepts; report its entries that no longer match (JC302)."""
    entries = read_baseline(baseline_path)
    root = repository_root(config_source)
    remaining = Counter(key for key, _line in entries)
    kept = []
    for problem in problems:
        key = identity(problem, root)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            kept.append(problem)
    for key, line in entries:
        if remaining[key] > 0:
            remaining[key] -= 1
            path, code, semantic_path, subject = key
            kept.append(
                Problem(
                    str(baseline_path),
                    Span(line, 5, line, 5),
                    STALE_BASELINE_ENTRY,
                    f"baseline entry {code} at {path} {semantic_path or '(file)'} no longer occurs; "
                    "refresh the baseline with --write-baseline",
                    semantic_path,
                    subject=" ".join(filter(None, (path, code, subject))),
                )
            )
    return kept
