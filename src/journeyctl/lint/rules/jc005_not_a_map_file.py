"""A map file is a mapping that starts with `journeyctl: 1` and a `kind:`.

Why it matters: an empty file, a top-level list or a file without the version key is
not a map. Named on the command line it is reported; found in a folder, a YAML file
without `journeyctl:` is skipped with a note (JC006).

Fails:

    - journeyctl: 1
    - kind: catalog

Passes:

    journeyctl: 1
    kind: catalog
"""

from journeyctl.lint.rule import Rule
from journeyctl.problems import Check

CHECK = Check("JC005", "not-a-map-file")

RULE = Rule(CHECK, "loader", __doc__)
