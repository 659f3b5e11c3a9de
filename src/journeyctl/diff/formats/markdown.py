"""`--format markdown`: a pull-request comment a reviewer reads in ten seconds.

A hidden marker line first (a CI job finds its own comment by it and edits it instead of
adding another), then a one-line summary, the customer-facing changes, and everything else
folded into <details>. GitHub refuses comments over 65,536 characters, so items are added in
order of importance until the budget is spent, and the comment says what it left out.

Map text comes from contributors: it is only ever put inside code spans or fenced blocks,
where Markdown, HTML and @mentions are inert.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from typing import TextIO

from journeyctl.diff.formats.words import headline, long_lines, summary
from journeyctl.diff.model import Change
from journeyctl.markdown import code_span as code
from journeyctl.markdown import longest_backtick_run
from journeyctl.problems import Problem
from journeyctl.wording import plural

MARKER = "<!-- journeyctl-diff -->"
BUDGET = 60_000  # characters, leaving room under GitHub's 65,536 for the notes about cuts
_ICON = {"added": "➕", "removed": "➖", "changed": "✏️", "moved": "↪️", "renamed": "🏷️"}
_DETAIL_LIMIT = 1_500  # characters of one old or new value shown in a detail block


_UNREADABLE_SHOWN = 10  # problems listed by name; more are counted


def write_markdown(changes: Sequence[Change], stream: TextIO, problems: Sequence[Problem] = ()) -> None:
    stream.write(render_markdown(list(changes), problems=problems))


def render_markdown(changes: list[Change], budget: int = BUDGET, problems: Sequence[Problem] = ()) -> str:
    head = [MARKER, "### Journey map changes", "", *_unreadable(problems)]
    if not changes:
        nothing = "No changes to the maps that could be read." if problems else "No changes to journey maps."
        return "\n".join(head + [nothing]) + "\n"
    facing = [change for change in changes if change.customer_facing]
    internal = [change for change in changes if not change.customer_facing]
    head.append(f"**{summary(changes)}**")
    moments = sum(change.moment_that_matters for change in changes)
    if moments:
        head.append("")
        head.append(f"⭐ {plural(moments, 'change')} on a moment that matters: review the owner and playbook too.")
    head.append("")

    # Spend the budget in order of importance; what does not fit is counted, not shown.
    spent = sum(len(line) + 1 for line in head) + 400  # 400: the section headers and cut notes
    chosen: set[tuple[str, int]] = set()
    for section, items in (
        ("facing", facing),
        ("internal", internal),
        ("facing-detail", facing),
        ("internal-detail", internal),
    ):
        for index, change in enumerate(items):
            if section.endswith("detail") and change.kind in ("moved", "renamed"):
                continue  # the bullet says all there is to say
            size = len(_detail(change) if section.endswith("detail") else _bullet(change)) + 1
            if spent + size <= budget:
                spent += size
                chosen.add((section, index))

    body = list(head)
    if facing:
        body += [f"#### Customer-facing ({len(facing)})", ""]
        body += _shown(facing, "facing", chosen, _bullet)
        body += _folded("Details of the customer-facing changes", facing, "facing-detail", chosen)
    if internal:
        body += ["", "<details>", f"<summary>Internal changes ({len(internal)})</summary>", ""]
        body += _shown(internal, "internal", chosen, _bullet)
        body += _folded("Details of the internal changes", internal, "internal-detail", chosen)
        body += ["</details>"]
    body += ["", "<sub>journeyctl diff: matched by id; reformatting is not a change.</sub>"]
    return "\n".join(body) + "\n"


def _unreadable(problems: Sequence[Problem]) -> list[str]:
    """A comment must not say "no changes" about maps it could not read."""
    if not problems:
        return []
    files = len({problem.path for problem in problems})
    lines = [
        (
            f"⚠️ **{plural(files, 'file')} could not be compared**: fix these problems and "
            "push again; their changes are not shown."
        ),
        "",
    ]
    # each cut short, so that ten of them stay far inside the comment's size budget
    lines += [
        f"- {code(_short(f'{p.path}:{p.line}:{p.column}'))} {code(_short(p.message))}"
        for p in problems[:_UNREADABLE_SHOWN]
    ]
    if len(problems) > _UNREADABLE_SHOWN:
        lines.append(f"- … and {len(problems) - _UNREADABLE_SHOWN} more")
    return lines + [""]


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _shown(changes: list[Change], section: str, chosen: set, render) -> list[str]:
    lines = [render(change) for index, change in enumerate(changes) if (section, index) in chosen]
    wanted = [change for change in changes if not (section.endswith("detail") and change.kind in ("moved", "renamed"))]
    left_out = len(wanted) - len(lines)
    if left_out:
        lines.append(f"- … and {left_out} more (the comment size limit); run `journeyctl diff` to see all")
    return lines


def _folded(title: str, changes: list[Change], section: str, chosen: set) -> list[str]:
    blocks = _shown(changes, section, chosen, _detail)
    if not any((section, index) in chosen for index in range(len(changes))):
        return []
    return ["", "<details>", f"<summary>{title}</summary>", "", *blocks, "", "</details>"]


def _bullet(change: Change) -> str:
    where = f"**{code(change.map)}**" + (f" › {code(change.phase)}" if change.phase else "")
    star = " ⭐" if change.moment_that_matters else ""
    return f"- {_ICON[change.kind]} {where} › {headline(change, code)}{star}"


def _detail(change: Change) -> str:
    where = f"{change.file}" + (f" line {change.line}" if change.line else "")
    lines = [f"**{code(change.map)}** {headline(change, code)} — {code(where)}", ""]
    if change.kind == "changed":
        diff_lines = _line_diff(_cut(long_lines(change.old)), _cut(long_lines(change.new)))
        if not diff_lines:  # only whitespace inside the text changed, which wrapping hides
            diff_lines = [f"- {json.dumps(change.old)}", f"+ {json.dumps(change.new)}"]
    elif change.kind == "added":
        diff_lines = [f"+ {line}" for line in _cut(long_lines(change.new))]
    else:
        diff_lines = [f"- {line}" for line in _cut(long_lines(change.old))]
    fence = "`" * max(3, longest_backtick_run("\n".join(diff_lines)) + 1)
    return "\n".join(lines + [f"{fence}diff", *diff_lines, fence, ""])


def _line_diff(old: list[str], new: list[str]) -> list[str]:
    """Changed lines with a line of context, like `git diff`, without the @@ headers."""
    lines = list(difflib.unified_diff(old, new, lineterm="", n=1))[2:]
    return [("  …" if line.startswith("@@") else f"{line[0]} {line[1:]}") for line in lines][1:] if lines else []


def _cut(lines: list[str]) -> list[str]:
    kept: list[str] = []
    size = 0
    for line in lines:
        size += len(line) + 1
        if size > _DETAIL_LIMIT:
            return kept + ["… (cut)"]
        kept.append(line)
    return kept
