"""A Report in one of the formats of `journeyctl report`: text, markdown, html or json.

Text and Markdown are written here, JSON is the view's own data; HTML is render's
(render/report_page.py: the sandboxed, autoescaping templates, whose cadence chart the internal
map render shows too). Every format starts with the internal notice.
"""

from __future__ import annotations

import json
from typing import Literal

from journeyctl.markdown import escape_markdown
from journeyctl.paths import printable
from journeyctl.views.report import INTERNAL_NOTICE, Report, Table

Format = Literal["text", "markdown", "html", "json"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "html", "json")


def write(report: Report, fmt: Format) -> str:
    """The report as text, markdown or json (html: render.report_page.report_html)."""
    if fmt == "json":
        # one line: json's C encoder (indent= would take the pure-Python one, 20 times slower on a large run)
        return json.dumps(report.data, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return _markdown(report)
    if fmt == "html":
        raise ValueError("HTML reports are written by journeyctl.render.report_page")
    return _text(report)


def _text(report: Report) -> str:
    out = [printable(report.title), "=" * len(report.title), INTERNAL_NOTICE, ""]
    for section in report.sections:
        out += [printable(section.heading), "-" * len(section.heading)]
        out += [printable(line) for line in section.lines]
        for table in section.tables:
            out += ["", *_text_table(table)]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _text_table(table: Table) -> list[str]:
    rows = [tuple(printable(cell) for cell in row) for row in (table.headers, *table.rows)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(table.headers))]

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()

    found = [printable(table.caption)] if table.caption else []
    found += [line(rows[0]), "  ".join("-" * width for width in widths)]
    return found + [line(row) for row in rows[1:]]


def _markdown(report: Report) -> str:
    out = [f"# {escape_markdown(report.title)}", "", f"> {escape_markdown(INTERNAL_NOTICE)}", ""]
    for section in report.sections:
        out += [f"## {escape_markdown(section.heading)}", ""]
        out += [escape_markdown(line) + "\n" for line in section.lines]
        for table in section.tables:
            if table.caption:
                out += [f"*{escape_markdown(table.caption)}*", ""]
            out.append("| " + " | ".join(escape_markdown(cell) for cell in table.headers) + " |")
            out.append("|" + "|".join(" --- " for _ in table.headers) + "|")
            out += ["| " + " | ".join(escape_markdown(cell) for cell in row) + " |" for row in table.rows]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
