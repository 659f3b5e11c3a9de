"""`--format json`: a list of change objects, one per change, for scripts and CI."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from journeyctl.diff.model import Change
from journeyctl.problems import Problem


def write_json(changes: Sequence[Change], stream: TextIO, problems: Sequence[Problem] = ()) -> None:
    """A list of changes, as documented; problems go to standard error, and the exit status is 1."""
    json.dump([change.to_json() for change in changes], stream, indent=2, ensure_ascii=False)
    stream.write("\n")
