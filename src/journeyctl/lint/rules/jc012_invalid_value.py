"""Every value has the right type and is allowed: enums, channels, ranges, dates, ids.

Why it matters: `emotion` runs from -2 to 2, `engagement` is human, digital or hybrid,
channels come from a known list (a repository adds its own under `channels:` in
`.journeyctl.yaml`), map ids are lowercase with dashes. Unknown enum values come with a
did-you-mean.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    engagement: hybird

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    engagement: hybrid
"""

from journeyctl.lint.rule import Rule
from journeyctl.problems import Check

CHECK = Check("JC012", "invalid-value")

RULE = Rule(CHECK, "loader", __doc__)
