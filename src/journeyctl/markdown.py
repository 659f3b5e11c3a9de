"""Escaping map text for GitHub-flavoured Markdown, so that text stays text.

Markdown templates are rendered with `escape_markdown` as Jinja's `finalize`: every `{{ value }}`
is escaped unless a filter here already returned `MarkdownSafe`. A value is one line: newlines
become spaces, so no value can start a heading, a list or a table row.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from markupsafe import Markup


class MarkdownSafe(str):
    """Markdown that a filter built on purpose; not escaped again."""


# Backslash-escaping any ASCII punctuation is valid CommonMark; these are the characters that
# can start markup anywhere in a line (links, emphasis, code, HTML, tables, footnotes, math).
_INLINE = re.compile(r"([\\`*_\[\]<>|#~&$])")
# Characters that start a block only at the beginning of a line (lists, quotes, thematic breaks).
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))")
_WHITESPACE = re.compile(r"\s+")


def escape_markdown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (MarkdownSafe, Markup)):  # built on purpose, or marked `| safe` in a template
        return value
    text = _WHITESPACE.sub(" ", str(value)).strip()
    text = _INLINE.sub(r"\\\1", text)
    # "1." at the start must become "1\." (escape the dot); "-" becomes "\-".
    match = _LINE_START.match(text)
    if match:
        marker = match.group(2)
        if marker.isdigit():
            end = match.end()
            text = text[:end] + "\\" + text[end:]
        else:
            text = text[: match.start(2)] + "\\" + text[match.start(2) :]
    return MarkdownSafe(text)


def code_span(text: object) -> str:
    """An inline code span that holds any text (backticks included), on one line: its fence is a
    run of backticks longer than any inside, so no run in the text can close it."""
    text = " ".join(str(text).split())
    ticks = "`" * (longest_backtick_run(text) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{padding}{text}{padding}{ticks}"


def longest_backtick_run(text: str) -> int:
    return max((len(run) for run in re.findall(r"`+", text)), default=0)


def markdown_link(title: object, url: str | None) -> MarkdownSafe:
    """`[title](url)` for an http(s) URL the view model accepted; plain escaped text otherwise."""
    if not url:
        return MarkdownSafe(escape_markdown(title))
    # Percent-encode everything that could end the link destination or start markup.
    safe_url = quote(url, safe=":/?&=%#@+,;~.-_!*'")
    safe_url = safe_url.replace("(", "%28").replace(")", "%29").replace("*", "%2A").replace("_", "%5F")
    return MarkdownSafe(f"[{escape_markdown(title)}]({safe_url})")


# Mermaid's journey syntax: "Task name: score: Actor, Actor". A colon ends the task name, a comma
# separates actors, ';' and '#' start statements and entity codes; a newline ends the line and a
# backtick could close the code fence. Keep letters, digits and harmless punctuation only.
_MERMAID_UNSAFE = re.compile(r"[^\w \-.'/()&+?]", re.UNICODE)


def mermaid_text(value: object) -> MarkdownSafe:
    text = _WHITESPACE.sub(" ", "" if value is None else str(value))
    text = _MERMAID_UNSAFE.sub(" ", text)
    return MarkdownSafe(_WHITESPACE.sub(" ", text).strip() or "untitled")
