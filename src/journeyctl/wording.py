"""Small rules of English that every message, report and render follows the same way."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """A count with its noun in agreement: `1 file`, `2 files`, `1 moment that matters`,
    `2 moments that matter` (give the plural when it is not the singular plus s)."""
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


def mid_sentence(text: str) -> str:
    """Text that continues a sentence ("when ..."): its first letter in lower case, but only when
    the second letter is lower case too, so that an acronym or a name in capitals (SSO, CSM) stays."""
    if len(text) >= 2 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def listing(items: list[str] | tuple[str, ...]) -> str:
    """Names read as a list: "A, B and C"; with semicolons when a name has a comma of its own
    ("Dana, the champion; Marcus, the executive sponsor; Sam, the admin"), so the names stay apart."""
    items = list(items)
    if any("," in item for item in items):
        return "; ".join(items)
    if len(items) <= 2:
        return " and ".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def number(value: float | None) -> str:
    """A measured value as a reader reads it: `45`, `87.5`, `1,234.56` (two decimals at most);
    empty for no value."""
    return "" if value is None else f"{value:,.2f}".rstrip("0").rstrip(".")


def quantity(value: float | None, unit: str | None) -> str:
    """A number with its unit: `45 days`, `87.5%` (a percent sign stands against the number)."""
    return number(value) + ("%" if unit == "%" else f" {unit}" if unit else "")
