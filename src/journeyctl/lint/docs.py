"""Rule documentation, generated from the rule docstrings: `journeyctl rules CODE` and docs/rules.md."""

from __future__ import annotations

import re

from journeyctl.lint.registry import RULES


def rule_anchor(rule) -> str:
    """The id GitHub gives the rule's heading in docs/rules.md (`## JC101 unknown-reference`)."""
    return f"{rule.code}-{rule.name}".lower()


def rule_markdown(rule, heading_level: int = 2) -> str:
    """A rule's docstring as Markdown: its indented YAML examples become fenced blocks."""
    heading = "#" * heading_level
    lines = [f"{heading} {rule.code} {rule.name}", "", f"Default severity: **{rule.severity.value}**.", ""]
    body = rule.doc.strip()
    body = re.sub(
        r"^(Fails|Passes):\n\n((?:    .*\n?|\n)+)",
        lambda m: (
            f"{m.group(1)}:\n\n```{_language(m.group(2))}\n"
            + "\n".join(line[4:] for line in m.group(2).rstrip().splitlines())
            + "\n```\n"
        ),
        body + "\n",
        flags=re.M,
    )
    lines.append(body.strip())
    return "\n".join(lines) + "\n"


def _language(block: str) -> str:
    return "json" if block.lstrip().startswith("{") else "yaml"


def rules_page() -> str:
    """docs/rules.md: the index table, then every rule's documentation."""
    parts = [
        "# journeyctl rules",
        "",
        "Generated from the rule docstrings by `journeyctl rules --markdown`; do not edit by hand.",
        "Select, ignore or re-grade rules in `.journeyctl.yaml` by code, name or code prefix.",
        "",
        "| Code | Name | Default severity | What it checks |",
        "| --- | --- | --- | --- |",
    ]
    for rule in RULES.values():
        parts.append(f"| [{rule.code}](#{rule_anchor(rule)}) | {rule.name} | {rule.severity.value} | {rule.summary} |")
    parts.append("")
    for rule in RULES.values():
        parts.append(rule_markdown(rule))
    return "\n".join(parts).rstrip() + "\n"
