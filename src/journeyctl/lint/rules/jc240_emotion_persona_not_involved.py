"""Emotion per persona names only personas of its touchpoint.

Why it matters: `emotion: {champion: 1, admin: -1}` says how each person at the touchpoint
feels, and the emotion curve draws one line per persona from it. A persona the touchpoint does
not list (or a misspelt one) puts a point on a line for someone who is not there, and the
person who is there gets none. Add the persona to `personas`, or correct or remove the key.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    personas:
      - {id: champion, name: Dana, role: Champion}
      - {id: admin, name: Sam, role: Admin}
      - {id: exec-sponsor, name: Marcus, role: Executive sponsor}
    phases:
      - id: land
        name: Land
        exit_criteria: [Success plan agreed]
        touchpoints:
          - id: kickoff
            name: Kickoff call
            customer_view: A call to agree your goals.
            channel: video-call
            owner: csm
            personas: [champion, admin]
            emotion:
              champion: 1
              exec-sponsor: -1

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    personas:
      - {id: champion, name: Dana, role: Champion}
      - {id: admin, name: Sam, role: Admin}
    phases:
      - id: land
        name: Land
        exit_criteria: [Success plan agreed]
        touchpoints:
          - id: kickoff
            name: Kickoff call
            customer_view: A call to agree your goals.
            channel: video-call
            owner: csm
            personas: [champion, admin]
            emotion:
              champion: 1
              admin: -1
"""

from collections.abc import Iterator

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity, did_you_mean

CHECK = Check("JC240", "emotion-persona-not-involved", Severity.ERROR)
# Each problem's position is a walk of the touchpoint's emotion keys: past this many strays in one
# touchpoint, the rest are counted in one problem (50,000 stray keys took minutes to locate).
MAX_LOCATED = 20


def check(context: MapContext) -> Iterator[Problem]:
    for p, t, _, touchpoint in context.touchpoints():
        if not isinstance(touchpoint.emotion, dict):
            continue
        strays = [persona for persona in touchpoint.emotion if persona not in touchpoint.personas]
        involved = f"its personas are {', '.join(touchpoint.personas)}" if touchpoint.personas else "it has none"
        loc = ("phases", p, "touchpoints", t, "emotion")
        for persona in strays[:MAX_LOCATED]:
            yield context.problem(
                CHECK,
                f"emotion for persona {persona!r}, who is not a persona of touchpoint {touchpoint.id!r} ({involved})"
                + did_you_mean(persona, touchpoint.personas)
                + "; add the persona to personas, or correct or remove the key",
                (*loc, persona),
                subject=persona,
            )
        if len(strays) > MAX_LOCATED:
            yield context.problem(
                CHECK,
                f"{len(strays) - MAX_LOCATED:,} more personas in the emotion of touchpoint {touchpoint.id!r} are not "
                f"its personas ({involved}); fix the ones above and lint again",
                loc,
                subject="more",
            )


RULE = Rule(CHECK, "map", __doc__, check)
