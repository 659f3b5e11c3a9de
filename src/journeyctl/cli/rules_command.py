"""`journeyctl rules [CODE]`: list the rules, or print one rule's documentation."""

from __future__ import annotations

import typer

from journeyctl.problems import UsageError, did_you_mean


def rules(
    rule: str | None = typer.Argument(
        None, metavar="RULE", help="A rule code (JC203) or name (missing-customer-view)."
    ),
    markdown: bool = typer.Option(False, "--markdown", help="Print the whole rules page (docs/rules.md)."),
) -> None:
    """List every rule, or show the documentation of one."""
    from journeyctl.lint.docs import rule_markdown, rules_page
    from journeyctl.lint.registry import RULES, RULES_BY_NAME, find_rule

    if markdown:
        typer.echo(rules_page(), nl=False)
        return
    if rule is None:
        width = max(len(item.name) for item in RULES.values())
        for item in RULES.values():
            typer.echo(f"{item.code}  {item.name:<{width}}  {item.severity.value:<7}  {item.summary}")
        return
    found = find_rule(rule)
    if found is None:
        # codes are JC and digits: a letter O typed for a zero is the likeliest slip (JC2O3)
        code = rule.upper()
        code = code[:2] + code[2:].replace("O", "0")
        hint = did_you_mean(rule.lower(), list(RULES_BY_NAME)) or did_you_mean(code, list(RULES))
        raise UsageError(f"no rule {rule!r}{hint}; `journeyctl rules` lists them")
    typer.echo(rule_markdown(found), nl=False)
