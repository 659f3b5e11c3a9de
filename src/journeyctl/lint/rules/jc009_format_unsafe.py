"""`journeyctl fmt` rewrites a map file only when the result is sure to mean the same.

Why it matters: fmt checks what it would write before writing it: the same model, every
comment kept, every `# journeyctl: disable` ... `enable` range covering the same keys. A
file it cannot rewrite safely is left as it is and reported here (lint still checks it):
a value with an explicit tag that neither of fmt's readers models (`!!int abc`), a
reordering that would move keys into or out of a disable range (suppress with
`disable-line` instead), or a file over fmt's 4 MiB limit (split it into several maps).

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: !!int abc

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: abc
"""

from journeyctl.lint.rule import Rule
from journeyctl.problems import Check

CHECK = Check("JC009", "format-unsafe")

RULE = Rule(CHECK, "fmt", __doc__)
