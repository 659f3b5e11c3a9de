"""`journeyctl fmt` rewrites a map file only when the result is sure to mean the same.

Why it matters: fmt reads a file with a second YAML library (ruamel.yaml, which keeps
comments) and checks its result before writing it: the same model, every comment kept,
every `# journeyctl: disable` ... `enable` range covering the same keys. A file that
ruamel.yaml reads otherwise than the loader (an impossible date such as 2026-02-30, a tab
after a colon, a `!!int` tag on text), or whose rewrite would fail that check, is left as
it is and reported here; lint still checks it. Quote the value, or keep the order asked
for, and fmt can rewrite it.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: 2026-02-30

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: "2026-02-30"
"""

from journeyctl.lint.rule import Rule
from journeyctl.problems import Check

CHECK = Check("JC009", "format-unsafe")

RULE = Rule(CHECK, "fmt", __doc__)
