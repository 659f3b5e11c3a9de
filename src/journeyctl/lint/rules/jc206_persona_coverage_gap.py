"""Every persona of a map takes part in at least one touchpoint of every phase.

Why it matters: a persona who disappears for a whole phase is a coverage gap: the
executive sponsor who signs the contract and is not seen again until renewal is a
classic churn risk. The personas of a map are those it defines and those its
touchpoints name. Phases without touchpoints are left to JC204.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    personas: [{id: champion, name: Dana}, {id: sponsor, name: Sam}]
    phases:
      - id: land
        name: Land
        touchpoints:
          - {id: kickoff, name: Kickoff, channel: video-call, owner: csm, personas: [champion, sponsor]}
      - id: adopt
        name: Adopt
        touchpoints:
          - {id: training, name: Training, channel: webinar, owner: csm, personas: [champion]}

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    personas: [{id: champion, name: Dana}, {id: sponsor, name: Sam}]
    phases:
      - id: land
        name: Land
        touchpoints:
          - {id: kickoff, name: Kickoff, channel: video-call, owner: csm, personas: [champion, sponsor]}
      - id: adopt
        name: Adopt
        touchpoints:
          - {id: training, name: Training, channel: webinar, owner: csm, personas: [champion]}
          - {id: check-in, name: Sponsor check-in, channel: meeting, owner: csm, personas: [sponsor]}
"""

from collections.abc import Iterator

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity

CHECK = Check("JC206", "persona-coverage-gap", Severity.WARNING)


def check(context: MapContext) -> Iterator[Problem]:
    journey = context.journey
    personas = {persona.id: None for persona in journey.personas}
    for _p, _t, _phase, touchpoint in context.touchpoints():
        personas.update(dict.fromkeys(touchpoint.personas))
    for p, phase in enumerate(journey.phases):
        if not phase.touchpoints:
            continue
        present = {persona for touchpoint in phase.touchpoints for persona in touchpoint.personas}
        for persona in personas:
            if persona not in present:
                yield context.problem(
                    CHECK,
                    f"persona {persona!r} takes part in no touchpoint of phase {phase.id!r}",
                    ("phases", p),
                    point="id",
                    subject=persona,
                )


RULE = Rule(CHECK, "map", __doc__, check)
