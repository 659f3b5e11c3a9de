"""What a view builds, whatever the format: a titled document of sections holding tables (for
text, Markdown and HTML) and the view's own data (for JSON). Every report is internal."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from journeyctl.schema.models import Catalog, Journey

if TYPE_CHECKING:  # render shows two of these views in the internal map: views never import it
    from journeyctl.loading import MapFile
    from journeyctl.render.view import People

# The header of every report, in every format: these views show internal fields by design.
INTERNAL_NOTICE = (
    "Internal view: it shows internal fields (owners, playbooks, internal touchpoints); do not share it with customers."
)
EMPTY = "\u2014"  # an empty cell, marked so it is not mistaken for a missing column


@dataclass(frozen=True, slots=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    lines: tuple[str, ...] = ()  # short paragraphs before the tables
    tables: tuple[Table, ...] = ()
    chart: Any = None  # a cadence Chart, drawn as SVG in HTML


@dataclass(frozen=True, slots=True)
class Report:
    view: str
    title: str
    sections: tuple[Section, ...]
    data: dict[str, Any] = field(default_factory=dict)  # the JSON output, with `view` and `internal`


@dataclass(frozen=True, slots=True)
class Run:
    """The maps of one report run: the journeys in path order, and who is who across them."""

    journeys: tuple[Journey, ...]
    catalogs: tuple[Catalog, ...]
    paths: dict[str, str]  # journey id -> its file, as given
    people_of: Mapping[str, People]  # journey id -> its owners and personas (render/view.People)

    @classmethod
    def of(cls, maps: Sequence[MapFile], people: Callable[[Journey, Sequence[Catalog]], People]) -> Run:
        """The run of these loaded maps; `people` is render.view.People.for_journey."""
        journeys = tuple(item.model for item in maps if item.kind == "journey")
        catalogs = tuple(item.model for item in maps if item.kind == "catalog")
        paths = {item.model.id: item.path for item in maps if item.kind == "journey"}
        return cls(journeys, catalogs, paths, {journey.id: people(journey, catalogs) for journey in journeys})

    def people(self, journey: Journey) -> People:
        return self.people_of[journey.id]

    def owner_ids(self) -> list[str]:
        """Every owner defined in the run, catalogs first, each once."""
        found: dict[str, None] = {}
        sources: list[Catalog | Journey] = [*self.catalogs, *self.journeys]
        for source in sources:
            found.update(dict.fromkeys(owner.id for owner in source.owners))
        return list(found)
