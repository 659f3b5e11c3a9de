"""A map file must be readable UTF-8 text within the size limit.

Why it matters: a map is reviewed in pull requests and rendered for customers; a file
in another encoding, a binary file committed by mistake, a control character or a
file larger than `max_file_bytes` (default 10 MB) cannot be read safely, so nothing
else in it is checked.

Fails:

    # saved as Latin-1: "Café" is the byte 0xe9, not UTF-8
    journeyctl: 1
    kind: catalog

Passes:

    # saved as UTF-8
    journeyctl: 1
    kind: catalog
"""

from journeyctl.lint.rule import Rule
from journeyctl.problems import Check

CHECK = Check("JC001", "unreadable-file")

RULE = Rule(CHECK, "loader", __doc__)
