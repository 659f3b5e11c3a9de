"""A YAML file in a linted folder is not a map, so it was skipped.

Why it matters: it tells you which files were not checked, so a map that lost its
`journeyctl: 1` line by mistake does not silently escape linting. Reported only for
files found in a folder; a file named directly without the key is an error (JC005).

Fails:

    # .github/workflows/ci.yaml, found by `journeyctl lint .`
    name: ci
    on: [push]

Passes:

    journeyctl: 1
    kind: catalog
"""

from journeyctl.lint.rule import Rule
from journeyctl.problems import Check, Severity

CHECK = Check("JC006", "skipped-file", Severity.INFO)

RULE = Rule(CHECK, "loader", __doc__)
