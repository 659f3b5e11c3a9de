"""The Change record: one thing that changed in one map, in a shape every format can print."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from journeyctl.mapfiles import MapKind

Kind = Literal["added", "removed", "changed", "moved", "renamed"]
_NOUNS = {"phases": "phase", "touchpoints": "touchpoint", "owners": "owner", "personas": "persona", "metrics": "metric"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    """`path` is id-based (`phases/land/touchpoints/kickoff/owner`), never positional.

    `old`/`new` are plain JSON values. `line` is where the change sits in the new file (None
    for a removal). `file` is the file shown to the reader: the new one, or the old one for a removal.
    """

    map: str
    kind: Kind
    path: str
    old: Any = None
    new: Any = None
    customer_facing: bool = False
    moment_that_matters: bool = False
    line: int | None = None
    file: str | None = None
    map_kind: MapKind = "journey"  # a catalog's `map` is its file: it has no id

    @property
    def phase(self) -> str | None:
        """The phase the change belongs to, for grouping; None for map-level changes."""
        parts = self.path.split("/")
        return parts[1] if len(parts) >= 2 and parts[0] == "phases" else None

    @property
    def subject_parts(self) -> tuple[str, str | None]:
        """What changed: ("touchpoint", "kickoff"), ("phase", "land"), ("owner", "csm") or ("map", None)."""
        return self._split()[:2]

    @property
    def subject(self) -> str:
        noun, item = self.subject_parts
        return f"{noun} {item}" if item is not None else noun

    @property
    def field(self) -> str | None:
        """The field of the subject that changed (`owner`, `review/every_days`), if any."""
        return self._split()[2]

    def _split(self) -> tuple[str, str | None, str | None]:
        """The path as (noun, item id, field): the last `nouns/id` pair names the subject."""
        parts = self.path.split("/")
        noun: str = "catalog" if self.map_kind == "catalog" else "map"
        item: str | None = None
        index = 0
        while index + 1 < len(parts) and parts[index] in _NOUNS:
            noun, item = _NOUNS[parts[index]], parts[index + 1]
            index += 2
        return noun, item, "/".join(parts[index:]) or None

    def to_json(self) -> dict[str, Any]:
        return {
            "map": self.map,
            "kind": self.kind,
            "path": self.path,
            "old": self.old,
            "new": self.new,
            "customer_facing": self.customer_facing,
            "moment_that_matters": self.moment_that_matters,
            "line": self.line,
            "file": self.file,
        }
