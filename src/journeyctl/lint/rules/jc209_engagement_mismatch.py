"""The touchpoints match the map's engagement model.

Why it matters: an `engagement: digital` map whose touchpoints are mostly human does not
scale the way the segment's economics need; an `engagement: human` map that is mostly
digital leaves high-value customers without a person. The rule counts touchpoints with
a `mode` and warns when more than half go against the engagement (hybrid maps are exempt).

Fails:

    journeyctl: 1
    kind: journey
    id: smb
    title: SMB onboarding
    engagement: digital
    owners: [{id: csm, name: Customer Success Manager}]
    phases:
      - id: land
        name: Land
        touchpoints:
          - {id: kickoff, name: Kickoff, channel: video-call, owner: csm, mode: human}
          - {id: training, name: Training, channel: meeting, owner: csm, mode: human}
          - {id: tour, name: Product tour, channel: in-app, owner: csm, mode: digital}

Passes:

    journeyctl: 1
    kind: journey
    id: smb
    title: SMB onboarding
    engagement: digital
    owners: [{id: csm, name: Customer Success Manager}]
    phases:
      - id: land
        name: Land
        touchpoints:
          - {id: welcome, name: Welcome email, channel: email, owner: csm, mode: digital}
          - {id: tour, name: Product tour, channel: in-app, owner: csm, mode: digital}
          - {id: office-hours, name: Office hours, channel: webinar, owner: csm, mode: human}
"""

from collections.abc import Iterator

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity
from journeyctl.schema import Engagement, Mode
from journeyctl.wording import plural

CHECK = Check("JC209", "engagement-mismatch", Severity.WARNING)
_OPPOSITE = {Engagement.digital: Mode.human, Engagement.human: Mode.digital}


def check(context: MapContext) -> Iterator[Problem]:
    engagement = context.journey.engagement
    opposite = _OPPOSITE.get(engagement) if engagement is not None else None
    if engagement is None or opposite is None:
        return
    modes = [touchpoint.mode for _p, _t, _phase, touchpoint in context.touchpoints() if touchpoint.mode]
    against = sum(mode is opposite for mode in modes)
    if modes and against * 2 > len(modes):
        yield context.problem(
            CHECK,
            f"engagement is {engagement.value} but {against} of {plural(len(modes), 'touchpoint')} "
            f"{'is' if against == 1 else 'are'} {opposite.value}",
            ("engagement",),
        )


RULE = Rule(CHECK, "map", __doc__, check)
