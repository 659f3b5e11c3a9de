"""A `# journeyctl: disable...` comment suppresses something.

Why it matters: a suppression that no longer suppresses anything hides the next real
problem on that line. Remove it. The comments are:
`# journeyctl: disable-line JC203` (on the line, or alone on the line above it),
`# journeyctl: disable JC203` ... `# journeyctl: enable`, and
`# journeyctl: disable-file`; codes or names, separated by commas or spaces, or none for
every rule. A misspelt directive (`disabel-line`) is reported here too: it suppresses nothing.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding  # journeyctl: disable-line JC203

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    phases:
      - id: land  # journeyctl: disable-line JC201
        name: Land
"""

from journeyctl.lint.rule import Rule
from journeyctl.problems import Check, Severity

CHECK = Check("JC301", "unused-suppression", Severity.INFO)

RULE = Rule(CHECK, "engine", __doc__)
