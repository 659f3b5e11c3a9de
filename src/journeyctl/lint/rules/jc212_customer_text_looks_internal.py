"""Customer-facing text does not look internal: no email address, internal host or denied word.

Why it matters: the customer render is a security boundary. Structure keeps internal
fields out of it, but a person can still paste an internal note into `customer_view`.
The rule reads every customer-facing text of the customer-visible parts of a map (title,
summary, segment, phase names, goals and criteria, touchpoint names, views and timing,
customer metrics, owner names, persona names and roles, in maps and in catalogs) for an email address, a host
from `internal_hosts`, or a word from `deny_words` (default: internal, confidential,
do not share), all set in `.journeyctl.yaml`.

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

from journeyctl.lint.rule import Rule
from journeyctl.problems import Check, Severity
from journeyctl.schema import Catalog, Visibility

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


def customer_texts(journey):
    """(loc, text) of every customer-facing text in the customer-visible parts of a journey or catalog."""
    if isinstance(journey, Catalog):  # its owners' and personas' names reach every map that uses them
        yield from _people_texts(journey)
        return
    for field in ("title", "summary", "segment"):
        yield (field,), getattr(journey, field)
    yield from _people_texts(journey)
    for p, phase in enumerate(journey.phases):
        if phase.visibility is not Visibility.customer:
            continue
        base = ("phases", p)
        yield base + ("name",), phase.name
        yield base + ("customer_goal",), phase.customer_goal
        for field in ("entry_criteria", "exit_criteria"):
            for i, text in enumerate(getattr(phase, field)):
                yield base + (field, i), text
        for m, metric in enumerate(phase.metrics):
            if metric.visibility is Visibility.customer:
                for field in ("name", "target", "source"):
                    yield base + ("metrics", m, field), getattr(metric, field)
        for t, touchpoint in enumerate(phase.touchpoints):
            if touchpoint.visibility is Visibility.customer:
                for field in ("name", "customer_view", "timing"):
                    yield base + ("touchpoints", t, field), getattr(touchpoint, field)


def _people_texts(model):
    for kind in ("owners", "personas"):
        for i, item in enumerate(getattr(model, kind)):
            yield (kind, i, "name"), item.name
            if kind == "personas":
                yield (kind, i, "role"), item.role


def check(context):
    settings = context.settings
    patterns = _patterns(settings.deny_words, settings.internal_hosts)
    for loc, text in customer_texts(context.journey):
        if not isinstance(text, str):
            continue
        pattern, meanings = patterns["@" in text]
        match = pattern.search(text) if pattern else None
        if match:
            what = meanings[match.lastindex - 1]
            field = loc[-1] if isinstance(loc[-1], str) else loc[-2]
            yield context.problem(CHECK, f"customer-facing {field} contains {what} ({match.group(0)!r}); "
                                  "customers will see it", loc)


RULE = Rule(CHECK, "map", __doc__, check, kinds=("journey", "catalog"))
