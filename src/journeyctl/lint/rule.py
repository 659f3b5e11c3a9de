"""What a rule is, and what a per-map rule sees."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from journeyctl.mapfiles import MapKind
from journeyctl.problems import Check, Problem, Severity
from journeyctl.timeline import Contact, Thresholds

if TYPE_CHECKING:  # the loader imports its checks from the rule modules: they stay light to import
    from journeyctl.loading import MapFile
    from journeyctl.loading.references import FileIndex
    from journeyctl.schema import Account, Catalog, Journey, Phase, Touchpoint

# loader: reported while reading a file; references: needs every file of the run (both reported
# by journeyctl.loading, which imports the rule module's CHECK); map: one journey at a time
# (check(MapContext)); workspace: every file's index at once (check(WorkspaceContext));
# engine: about the lint run itself (suppressions, baselines); fmt: reported by `journeyctl fmt`.
Scope = Literal["loader", "references", "map", "workspace", "engine", "fmt"]


@dataclass(frozen=True)
class Rule:
    check_id: Check
    scope: Scope
    doc: str  # the rule module's docstring: the user documentation
    check: Callable[..., Iterable[Problem]] | None = None  # map and workspace rules: check(context)
    kinds: tuple[MapKind, ...] = ("journey",)  # map rules: the kinds of map file they check

    @property
    def code(self) -> str:
        return self.check_id.code

    @property
    def name(self) -> str:
        return self.check_id.name

    @property
    def severity(self) -> Severity:
        return self.check_id.severity

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0]

    def examples(self) -> dict[str, str]:
        """The YAML blocks after 'Fails:' and 'Passes:' in the docs."""
        found = {}
        for label in ("Fails", "Passes"):
            match = re.search(rf"^{label}:\n\n((?:    .*\n|\n)+)", self.doc, re.M)
            if match:
                found[label.lower()] = "\n".join(line[4:] for line in match.group(1).splitlines()).strip() + "\n"
        return found


@dataclass(frozen=True)
class RuleSettings:
    """What rules may be configured with."""

    today: date
    deny_words: tuple[str, ...]
    internal_hosts: tuple[str, ...]
    cadence: Thresholds = Thresholds()


@dataclass
class MapContext:
    """One map file (a journey; a catalog too for rules whose kinds include it) and the
    settings, as a map rule sees them."""

    map_file: MapFile
    settings: RuleSettings

    @property
    def model(self) -> Journey | Catalog | Account:
        """The file's model, for a rule whose kinds include "catalog"."""
        return self.map_file.model

    @property
    def journey(self) -> Journey:
        """The journey, for a rule of kind "journey" (the engine gives it no other file)."""
        if self.map_file.kind != "journey":
            raise TypeError(f"{self.map_file.path} is a {self.map_file.kind}, not a journey")
        return self.map_file.model

    def problem(
        self,
        check: Check,
        message: str,
        loc: tuple[str | int, ...] = (),
        *,
        point: str | None = None,
        subject: str = "",
    ) -> Problem:
        """A finding about the thing at `loc` (its semantic path), shown at its `point` key if given;
        `subject` tells it from the rule's other findings there (Problem.subject)."""
        span = self.map_file.locate(loc + (point,) if point else loc)
        return Problem(self.map_file.path, span, check, message, self.map_file.semantic_path(loc), subject=subject)

    def touchpoints(self) -> Iterator[tuple[int, int, Phase, Touchpoint]]:
        """(phase index, touchpoint index, phase, touchpoint) for every touchpoint, in map order."""
        for p, phase in enumerate(self.journey.phases):
            for t, touchpoint in enumerate(phase.touchpoints):
                yield p, t, phase, touchpoint


@dataclass(frozen=True)
class WorkspaceContext:
    """Every file of the run as a workspace rule sees it: each file's index of ids, and how often
    each definition is used ((path, noun, id) -> count)."""

    indexes: Sequence[FileIndex]
    uses: Mapping[tuple[str, str, str], int]
    every_map_read: bool  # False while a map of the run could not be read (its uses are unknown)
    # every touchpoint occurrence that reaches a persona, in every map of the run (timeline.contacts);
    # `where` is (path, span, semantic path) of the touchpoint's id
    contacts: Sequence[Contact] = ()
    cadence: Thresholds = Thresholds()
