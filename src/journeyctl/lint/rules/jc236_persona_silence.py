"""A persona does not go without contact for long between their first and last touchpoint.

Why it matters: the TSIA guide calls them "holes in communications": an executive sponsor who
hears nothing between the kickoff and the renewal proposal has no reason to renew. A silence
is more than `silence_days` days (default 60; `cadence:` in .journeyctl.yaml) between one
touchpoint that reaches the persona and the next, across every map of the run that the persona
appears in; a window reaches the persona over all its days, a recurring touchpoint at each
occurrence. Touchpoints without a `when`, and those with `visibility: internal`, are not
contact. The finding is shown at the touchpoint that ends the silence.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    personas: [{id: sponsor, name: Sam}]
    phases:
      - id: land
        name: Land
        touchpoints:
          - {id: kickoff, name: Kickoff call, channel: video-call, owner: csm, personas: [sponsor], timing: Week 1, when: {day: 5}}
      - id: renew
        name: Renew
        touchpoints:
          - {id: proposal, name: Renewal proposal, channel: meeting, owner: csm, personas: [sponsor], timing: Four months before renewal, when: {before_renewal: 120}}

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    personas: [{id: sponsor, name: Sam}]
    phases:
      - id: land
        name: Land
        touchpoints:
          - {id: kickoff, name: Kickoff call, channel: video-call, owner: csm, personas: [sponsor], timing: Week 1, when: {day: 5}}
      - id: adopt
        name: Adopt
        touchpoints:
          - {id: qbr, name: Quarterly business review, channel: meeting, owner: csm, personas: [sponsor], timing: Every quarter from day 60, when: {every: 60, from: 60, to: 240}}
      - id: renew
        name: Renew
        touchpoints:
          - {id: proposal, name: Renewal proposal, channel: meeting, owner: csm, personas: [sponsor], timing: Four months before renewal, when: {before_renewal: 120}}
"""

from collections.abc import Iterator

from journeyctl.lint.rule import Rule, WorkspaceContext
from journeyctl.problems import Check, Problem, Severity, Span
from journeyctl.timeline import MAX_CONTACTS, by_persona, silences

CHECK = Check("JC236", "persona-silence", Severity.WARNING)


def check(context: WorkspaceContext) -> Iterator[Problem]:
    """While a map of the run cannot be read, its touchpoints are unknown: no silence is reported;
    nor in a run over the occurrence limit (JC235 reports that)."""
    if not context.every_map_read or len(context.contacts) > MAX_CONTACTS:  # JC235 says why, once
        return
    for (persona, _map), items in by_persona(context.contacts, context.cadence.across).items():
        for silence in silences(items, context.cadence):
            path, span, semantic_path = silence.until.where
            after = silence.after
            before = after.touchpoint_id if after.where[0] == path else f"{after.map_id}/{after.touchpoint_id}"
            yield Problem(
                path,
                Span(*span),
                CHECK,
                f"persona {persona!r} hears nothing for {silence.days} days (days {silence.first}\u2013{silence.last}, "
                f"more than {context.cadence.silence_days}) between {before} and {silence.until.touchpoint_id}: "
                "add a touchpoint in between",
                semantic_path,
                subject=f"{persona}:{after.map_id}/{after.touchpoint_id}",
            )


RULE = Rule(CHECK, "workspace", __doc__, check)
