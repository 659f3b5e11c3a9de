"""Customer-facing text does not look internal: no email address, internal host or denied word.

Why it matters: the customer render is a security boundary. Structure keeps internal
fields out of it, but a person can still paste an internal note into `customer_view`.
The rule reads every text the format marks customer-facing ("What the customer sees" in
docs/format.md), in the customer-visible parts of a map or a catalog (title, summary,
segment, phase names, goals and criteria, touchpoint names, views and timing, customer
metrics, owner names, persona names and roles), for an email address, a host from
`internal_hosts`, or a word from `deny_words` (default: internal, confidential, do not
share), all set in `.journeyctl.yaml`.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    phases:
      - id: land
        name: Land
        customer_goal: Confidential - ask jo@example.com before sharing.

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    phases:
      - id: land
        name: Land
        customer_goal: Your team is set up and knows its first outcome.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from pydantic import BaseModel

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity
from journeyctl.schema.audience import Audience, fields_of, is_reference, shown_to_customer

CHECK = Check("JC212", "customer-text-looks-internal", Severity.ERROR)
# Starts only where a run of address characters starts, and never gives back what it matched
# (possessive): so a long run of letters costs one pass, not one pass per letter.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+")


@functools.lru_cache(maxsize=8)
def _patterns(deny_words: tuple[str, ...], hosts: tuple[str, ...]) -> dict[bool, tuple[re.Pattern | None, list[str]]]:
    """One regex with a group per thing to find (one search per text), and what each group means:
    with the email part for texts that hold an `@`, without it (a third faster) for the rest."""
    parts, meanings = [], []
    for host in hosts:
        parts.append(rf"((?<![\w.-]){re.escape(host)}(?![\w-]))")
        meanings.append(f"the internal host {host!r}")
    for word in deny_words:
        words = r"\s+".join(re.escape(part) for part in word.split())
        parts.append(rf"((?<!\w){words}(?!\w))")
        meanings.append(f"the word {word!r}")
    with_email = re.compile("|".join([f"({_EMAIL.pattern})", *parts]), re.I)
    without = re.compile("|".join(parts), re.I) if parts else None
    return {True: (with_email, ["an email address", *meanings]), False: (without, meanings)}


def customer_texts(model: BaseModel) -> list[tuple[tuple, str]]:
    """(loc, text) of every customer-facing text in the customer-visible parts of a journey or
    catalog, as the models declare it (schema/audience.py). A reference (an owner id, a channel) is
    not read: the customer reads what it names, which is read where it is defined. An enum's
    value is the format's own word, not text (`type(...) is str` leaves enums out)."""
    found: list[tuple[tuple, str]] = []
    _collect(model, (), found)
    return found


def _collect(model: BaseModel, loc: tuple, found: list) -> None:
    for name in _text_fields(type(model)):
        value, here = getattr(model, name), (*loc, name)
        if type(value) is str:
            found.append((here, value))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if type(item) is str:
                    found.append(((*here, i), item))
                elif isinstance(item, BaseModel) and shown_to_customer(item):
                    _collect(item, (*here, i), found)
        elif isinstance(value, BaseModel) and shown_to_customer(value):
            _collect(value, here, found)


@functools.cache
def _text_fields(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(name for name in fields_of(model, Audience.customer) if not is_reference(model, name))


def check(context: MapContext) -> Iterator[Problem]:
    settings = context.settings
    patterns = _patterns(settings.deny_words, settings.internal_hosts)
    for loc, text in customer_texts(context.model):
        pattern, meanings = patterns["@" in text]
        match = pattern.search(text) if pattern else None
        if match:
            assert match.lastindex is not None  # each alternative of the pattern is a group
            what = meanings[match.lastindex - 1]
            field = loc[-1] if isinstance(loc[-1], str) else loc[-2]
            yield context.problem(
                CHECK, f"customer-facing {field} contains {what} ({match.group(0)!r}); customers will see it", loc
            )


RULE = Rule(CHECK, "map", __doc__, check, kinds=("journey", "catalog"))
