"""Phase windows follow the order of the phases.

Why it matters: phases are written in the order a customer lives them. Windows may overlap
(adoption starts before the last onboarding session), but a phase whose window starts before
the previous phase's window starts, or ends before it ends, puts the map's story out of order:
Renew before Expand. Only phases with a `when` window are compared, each with the last phase
before it that has one.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    phases:
      - id: land
        name: Land
        when: {from: 0, to: 45}
        touchpoints:
          - {id: kickoff, name: Kickoff call, channel: video-call, owner: csm, timing: Week 1, when: {day: 5}}
      - id: adopt
        name: Adopt
        when: {from: 0, to: 30}
        touchpoints:
          - {id: training, name: Training, channel: webinar, owner: csm, timing: Week 2, when: {day: 10}}

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    phases:
      - id: land
        name: Land
        when: {from: 0, to: 45}
        touchpoints:
          - {id: kickoff, name: Kickoff call, channel: video-call, owner: csm, timing: Week 1, when: {day: 5}}
      - id: adopt
        name: Adopt
        when: {from: 30, to: 180}
        touchpoints:
          - {id: training, name: Training, channel: webinar, owner: csm, timing: Week 6, when: {day: 40}}
"""

from collections.abc import Iterator

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity
from journeyctl.timeline import place

CHECK = Check("JC233", "phase-windows-out-of-order", Severity.WARNING)


def check(context: MapContext) -> Iterator[Problem]:
    journey = context.journey
    previous = None
    for p, phase in enumerate(journey.phases):
        window = place(phase.when, journey.term_days) if phase.when is not None else None
        if window is None or window.shape != "window":
            continue
        if previous is not None:
            before, earlier = previous
            if window.first < earlier.first or window.last < earlier.last:
                yield context.problem(
                    CHECK,
                    f"phase {phase.id!r} (days {window.first}\u2013{window.last}) comes after phase {before.id!r} "
                    f"(days {earlier.first}\u2013{earlier.last}) but its window "
                    f"{'starts' if window.first < earlier.first else 'ends'} earlier: reorder the phases or fix "
                    "the windows",
                    ("phases", p, "when"),
                )
        previous = (phase, window)


RULE = Rule(CHECK, "map", __doc__, check)
