"""A change in words, shared by the text and markdown formats."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from typing import Any

from journeyctl.diff.model import Change
from journeyctl.wording import plural


def headline(change: Change, ident: Callable[[str], str] = str) -> str:
    """`touchpoint kickoff: owner changed`; `ident` marks up the names that come from the map."""
    noun, item = change.subject_parts
    subject = f"{noun} {ident(item)}" if item is not None else noun
    if change.kind == "changed":
        return f"{subject}: {ident(change.field or '')} changed"
    if change.kind == "moved":
        if isinstance(change.old, int):
            return f"{subject} moved from position {change.old} to {change.new}"
        return f"{subject} moved from phase {ident(str(change.old))} to {ident(str(change.new))}"
    if change.kind == "renamed":
        return f"{subject} renamed from {ident(str(change.old))}"
    label = name_of(change.new if change.kind == "added" else change.old)
    return f"{subject} {change.kind}" + (f" ({ident(label)})" if label else "")


def name_of(value: Any) -> str:
    if isinstance(value, dict):
        for key in ("name", "title"):
            if isinstance(value.get(key), str):
                return value[key]
    return ""


def short(value: Any, limit: int = 80) -> str:
    """One line for a value: strings quoted, lists comma-separated, long text cut with an ellipsis."""
    if value is None:
        text = "(none)"
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        text = "[" + ", ".join(value) + "]"
    else:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def changed_pair(old: Any, new: Any, limit: int = 80) -> tuple[str, str]:
    """Two long texts that differ in a few words: cut the words they share, so the change is what shows."""
    if not (isinstance(old, str) and isinstance(new, str)) or max(len(old), len(new)) <= limit:
        return short(old, limit), short(new, limit)
    old_words, new_words = old.split(), new.split()
    start = 0
    while start < min(len(old_words), len(new_words)) and old_words[start] == new_words[start]:
        start += 1
    end = 0
    while (
        end < min(len(old_words), len(new_words)) - start
        and old_words[len(old_words) - 1 - end] == new_words[len(new_words) - 1 - end]
    ):
        end += 1
    context = 2  # words kept on each side of the change

    def excerpt(words: list[str]) -> str:
        first, last = max(0, start - context), len(words) - max(0, end - context)
        text = " ".join(words[first:last])
        return ("…" if first > 0 else "") + text + ("…" if last < len(words) else "")

    return short(excerpt(old_words), limit), short(excerpt(new_words), limit)


def long_lines(value: Any, width: int = 90) -> list[str]:
    """A value as lines for a -/+ view; prose is wrapped so a one-word change is a one-line change."""
    if value is None:
        return ["(none)"]
    if isinstance(value, str):
        return [line for paragraph in value.splitlines() for line in (textwrap.wrap(paragraph, width) or [""])] or [""]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [f"- {item}" for item in value] or ["[]"]
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True).splitlines()


def summary(changes: list[Change]) -> str:
    maps = len({change.map for change in changes})
    facing = sum(change.customer_facing for change in changes)
    moments = sum(change.moment_that_matters for change in changes)
    text = (
        f"{plural(len(changes), 'change')} in {plural(maps, 'map')}: "
        f"{facing} customer-facing, {len(changes) - facing} internal"
    )
    if moments:
        text += f"; {moments} on a moment that matters"
    return text
