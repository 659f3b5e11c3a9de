"""The scorecard as text (a table), JSON (one object per metric), Markdown and HTML.

Every string from a map or an actuals file passes through `printable`; Markdown escapes it,
HTML escapes it. Account ids appear only when --accounts asked for them (measure is internal).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import IO

from journeyctl.markdown import escape_markdown
from journeyctl.measure.scorecard import Result, Scorecard
from journeyctl.paths import printable
from journeyctl.schema.models import Goal
from journeyctl.wording import number, quantity

SYMBOL = {"met": "✔", "at-risk": "!", "missed": "✘", "no-data": "·", "no-goal": "·"}
COLOUR = {"met": "green", "at-risk": "yellow", "missed": "red", "no-data": "dim", "no-goal": "dim"}


def goal_text(goal: Goal | None) -> str:
    if goal is None:
        return ""
    sign = "<=" if goal.max is not None else ">="
    risk = f" (at risk to {number(goal.at_risk)})" if goal.at_risk is not None else ""
    return f"{sign} {quantity(goal.bound, goal.unit)}{risk}"


def value_text(result: Result) -> str:
    if result.value is None:
        return ""
    goal = result.goal
    if goal is not None and goal.aggregate.value == "share" and goal.unit is None:
        return f"{number(result.value)}%"
    return quantity(result.value, goal.unit if goal else None)


def trend_text(result: Result) -> str:
    return " → ".join(number(value) for _, value in result.trend)


def where_text(result: Result) -> str:
    where = result.where
    return printable(where.phase + (f" / {where.touchpoint}" if where.touchpoint else ""))


def summary(card: Scorecard) -> str:
    counts = {status: 0 for status in SYMBOL}
    for result in card.results:
        counts[result.status] += 1
    parts = [f"{count} {status}" for status, count in counts.items() if count]
    return f"{len(card.results)} metrics: {', '.join(parts) or 'none'} ({card.rows:,} rows of actuals)"


def write_text(card: Scorecard, stream: IO[str], colour: bool) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for header in ("map", "where", "metric", "goal", "period", "value", "status", "trend"):
        table.add_column(header)
    for result in card.results:
        table.add_row(
            printable(result.where.map_id),
            where_text(result),
            printable(result.where.id or result.where.metric.name),
            goal_text(result.goal),
            printable(result.period or ""),
            value_text(result),
            Text(f"{SYMBOL[result.status]} {result.status}", style=COLOUR[result.status] if colour else ""),
            trend_text(result),
        )
    console = Console(file=stream, force_terminal=colour, no_color=not colour, highlight=False, width=1000)
    console.print(table)
    for result in card.results:
        if result.accounts:
            console.print(
                Text(f"{printable(result.where.map_id)} {printable(result.where.id)}: accounts furthest from the goal")
            )
            for account in result.accounts:
                console.print(Text(f"  {printable(account.account)}  {number(account.value)}"))
    console.print(Text(summary(card)))


def as_json(result: Result) -> dict:
    goal = result.goal
    item = {
        "map": result.where.map_id,
        "metric": result.where.id or None,
        "name": result.where.metric.name,
        "phase": result.where.phase,
        "touchpoint": result.where.touchpoint,
        "visibility": result.where.metric.visibility.value,
        "period": result.period,
        "value": result.value,
        "status": result.status,
        "goal": goal.model_dump(mode="json", exclude_none=True) if goal else None,
        "trend": [{"period": period, "value": value} for period, value in result.trend],
    }
    if result.accounts:
        item["accounts"] = [{"account": a.account, "value": a.value} for a in result.accounts]
    return item


def write_json(card: Scorecard, stream: IO[str], colour: bool) -> None:
    json.dump([as_json(result) for result in card.results], stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def write_markdown(card: Scorecard, stream: IO[str], colour: bool) -> None:
    md = lambda text: escape_markdown(printable(text))  # noqa: E731 (short and local)
    stream.write("## Journey scorecard\n\n")
    stream.write(md(summary(card)) + "\n\n")
    stream.write("| map | where | metric | goal | period | value | status | trend |\n")
    stream.write("| --- | --- | --- | --- | --- | --- | --- | --- |\n")
    for r in card.results:
        cells = [
            r.where.map_id,
            where_text(r),
            r.where.metric.name,
            goal_text(r.goal),
            r.period or "",
            value_text(r),
            f"{SYMBOL[r.status]} {r.status}",
            trend_text(r),
        ]
        stream.write("| " + " | ".join(md(cell) for cell in cells) + " |\n")
    for r in card.results:
        if r.accounts:
            stream.write(f"\n**{md(r.where.map_id)} / {md(r.where.metric.name)}**: accounts furthest from the goal\n\n")
            for account in r.accounts:
                stream.write(f"- {md(account.account)}: {md(number(account.value))}\n")


def write_html(card: Scorecard, stream: IO[str], colour: bool) -> None:
    from journeyctl.trendline import sparkline_svg

    e = lambda text: html.escape(printable(str(text)))  # noqa: E731 (short and local)
    stream.write(
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Journey scorecard</title>'
        "<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}"
        "td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:left}"
        ".met{color:#1a7f37}.at-risk{color:#9a6700}.missed{color:#cf222e}.no-data,.no-goal{color:#666}</style>"
        "</head><body>\n<h1>Journey scorecard</h1>\n"
    )
    stream.write(f"<p>{e(summary(card))}</p>\n<table>\n<tr>")
    stream.write(
        "".join(f"<th>{h}</th>" for h in ("map", "where", "metric", "goal", "period", "value", "status", "trend"))
    )
    stream.write("</tr>\n")
    for r in card.results:
        stream.write(
            f"<tr><td>{e(r.where.map_id)}</td><td>{e(where_text(r))}</td><td>{e(r.where.metric.name)}</td>"
            f"<td>{e(goal_text(r.goal))}</td><td>{e(r.period or '')}</td><td>{e(value_text(r))}</td>"
            f'<td class="{r.status}">{e(SYMBOL[r.status])} {e(r.status)}</td>'
            f"<td>{sparkline_svg([v for _, v in r.trend], r.status)}</td></tr>\n"
        )
    stream.write("</table>\n")
    for r in card.results:
        if r.accounts:
            stream.write(
                f"<h2>{e(r.where.map_id)} / {e(r.where.metric.name)}: accounts furthest from the goal</h2><ul>"
            )
            stream.write("".join(f"<li>{e(a.account)}: {e(number(a.value))}</li>" for a in r.accounts))
            stream.write("</ul>\n")
    stream.write("</body></html>\n")


WRITERS: dict[str, Callable[[Scorecard, IO[str], bool], None]] = {
    "text": write_text,
    "json": write_json,
    "markdown": write_markdown,
    "html": write_html,
}
