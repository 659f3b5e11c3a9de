"""A persona is not reached by many touchpoints from several teams in a few days.

Why it matters: the TSIA guide warns about "duplicative contact": three emails and two calls
from four teams in the first week read to the customer as a supplier that does not talk to
itself. Crowded means `crowded_touchpoints` touchpoint occurrences or more (default 3) reach
one persona within `crowded_days` days (default 7), from two owners or more, across every map
of the run that the persona appears in (`across: map` under `cadence:` looks at one map at a
time, for a repository whose maps are different customers' journeys); set both under `cadence:` in .journeyctl.yaml. A
recurring touchpoint counts at each occurrence; a window counts on its first day; touchpoints
without a `when`, and those with `visibility: internal` (the team's own work), are not
contact. The finding is shown at the first touchpoint of the crowded days and names every
touchpoint involved. A run of more than 500,000 occurrences is not judged, and is reported so
(once, here; JC236 then says nothing).

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners:
      - {id: csm, name: Customer Success Manager}
      - {id: marketing, name: Lifecycle Marketing}
    personas: [{id: champion, name: Dana}]
    phases:
      - id: land
        name: Land
        touchpoints:
          - {id: welcome, name: Welcome email, channel: email, owner: marketing, personas: [champion], timing: Day 0, when: {day: 0}}
          - {id: kickoff, name: Kickoff call, channel: video-call, owner: csm, personas: [champion], timing: Day 2, when: {day: 2}}
          - {id: survey, name: Setup survey, channel: email, owner: marketing, personas: [champion], timing: Day 4, when: {day: 4}}

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners:
      - {id: csm, name: Customer Success Manager}
      - {id: marketing, name: Lifecycle Marketing}
    personas: [{id: champion, name: Dana}]
    phases:
      - id: land
        name: Land
        touchpoints:
          - {id: welcome, name: Welcome email, channel: email, owner: marketing, personas: [champion], timing: Day 0, when: {day: 0}}
          - {id: kickoff, name: Kickoff call, channel: video-call, owner: csm, personas: [champion], timing: Day 2, when: {day: 2}}
          - {id: survey, name: Setup survey, channel: email, owner: marketing, personas: [champion], timing: Day 14, when: {day: 14}}
"""

from collections.abc import Iterator

from journeyctl.lint.rule import Rule, WorkspaceContext
from journeyctl.problems import Check, Problem, Severity, Span
from journeyctl.timeline import MAX_CONTACTS, Contact, by_persona, crowded

CHECK = Check("JC235", "crowded-contact", Severity.WARNING)


def check(context: WorkspaceContext) -> Iterator[Problem]:
    if len(context.contacts) > MAX_CONTACTS:
        path, span, semantic_path = context.contacts[0].where
        yield Problem(
            path,
            Span(*span),
            CHECK,
            f"cadence not checked: the run has more than {MAX_CONTACTS:,} touchpoint occurrences "
            "(a recurring touchpoint counts at each, for each persona); lint fewer maps at a time, "
            "or give recurring touchpoints a longer `every`",
            semantic_path,
            subject="too-many-occurrences",
        )
        return
    for (persona, _map), items in by_persona(context.contacts, context.cadence.across).items():
        for stretch in crowded(items, context.cadence):
            first = stretch.contacts[0]
            path, span, semantic_path = first.where
            involved = ", ".join(dict.fromkeys(_named(contact, path) for contact in stretch.contacts))
            days = f"days {stretch.first}\u2013{stretch.last}"
            if stretch.first == stretch.last:
                days = f"on day {stretch.first}"
            else:
                days = f"in {days}"
            yield Problem(
                path,
                Span(*span),
                CHECK,
                f"persona {persona!r} is reached {len(stretch.contacts)} times by {len(stretch.owners)} owners "
                f"({', '.join(stretch.owners)}) {days}, within {context.cadence.crowded_days} days: "
                f"{involved}; spread them out or merge them",
                semantic_path,
                subject=persona + ":" + "+".join(sorted({f"{c.map_id}/{c.touchpoint_id}" for c in stretch.contacts})),
            )


def _named(contact: Contact, path: str) -> str:
    """A touchpoint as the message names it: its id, with its map's id when in another map."""
    return contact.touchpoint_id if contact.where[0] == path else f"{contact.map_id}/{contact.touchpoint_id}"


RULE = Rule(CHECK, "workspace", __doc__, check)
