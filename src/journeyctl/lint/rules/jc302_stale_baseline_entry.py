"""Every entry of the `--baseline` file still matches a finding.

Why it matters: a baseline records the findings a team accepted on the day it adopted a
rule, keyed by rule and semantic path (not line numbers, so edits elsewhere do not
break it). When an entry no longer matches, the problem was fixed: refresh the baseline
with `--write-baseline` so it cannot come back unnoticed.

Fails:

    {"version": 1, "findings": [
      {"path": "maps/gone.yaml", "code": "JC203", "semantic_path": "phases[land].touchpoints[kickoff]"}
    ]}

Passes:

    {"version": 1, "findings": []}
"""

from journeyctl.lint.rule import Rule
from journeyctl.problems import Check, Severity

CHECK = Check("JC302", "stale-baseline-entry", Severity.INFO)

RULE = Rule(CHECK, "engine", __doc__)
