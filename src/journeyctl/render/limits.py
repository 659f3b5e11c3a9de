"""How long a list may be in a map that render makes documents of (docs/render.md, "Limits").

Render time is linear in a map's size, but a PDF costs about 30 ms a touchpoint card and 2 ms a
list item on a busy 2-core machine: past these lengths a render would take minutes (and a
million-item map gigabytes), so it is refused before any work, naming the list.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import BaseModel

from journeyctl.loading import JourneyFile, MapFile
from journeyctl.problems import UsageError

MAX_LIST_ITEMS = 5_000  # any list (criteria, touchpoints of a phase, pain points ...); a PDF: about 9 s
MAX_PDF_TOUCHPOINTS = 300  # touchpoints of the whole map, in a PDF: a card each, about 9 s
MAX_TOUCHPOINTS = 10_000  # touchpoints of the whole map, in any format: HTML about 4 s and 10 MB


def check_limits(journeys: Iterable[JourneyFile], formats: Iterable[str]) -> None:
    """Raise a UsageError naming the first list longer than the formats allow."""
    pdf = "pdf" in set(formats)
    for map_file in journeys:
        for loc, count in _lists(map_file.model, ()):
            if count > MAX_LIST_ITEMS:
                _refuse(
                    map_file,
                    loc,
                    f"{count:,} items, more than the {MAX_LIST_ITEMS:,} a list may have in a "
                    "rendered map; split the list or the map",
                )
        touchpoints = sum(len(phase.touchpoints) for phase in map_file.model.phases)
        # many phases of few touchpoints pass the list limit, and would run into the template's time bound
        if touchpoints > MAX_TOUCHPOINTS:
            _refuse(
                map_file,
                ("phases",),
                f"{touchpoints:,} touchpoints, more than the {MAX_TOUCHPOINTS:,} "
                "a rendered map may have; split the map",
            )
        if pdf and touchpoints > MAX_PDF_TOUCHPOINTS:
            _refuse(
                map_file,
                ("phases",),
                f"{touchpoints:,} touchpoints, more than the {MAX_PDF_TOUCHPOINTS:,} "
                "a map may have in a PDF; render HTML, or split the map",
            )


def _refuse(map_file: MapFile, loc: tuple, why: str) -> None:
    span = map_file.locate(loc)
    raise UsageError(
        f'{map_file.path}:{span.line}:{span.column}: {map_file.semantic_path(loc)}: {why} (docs/render.md, "Limits")'
    )


def _lists(value, loc: tuple) -> Iterator[tuple[tuple, int]]:
    """(location, length) of every list in a model, depth first."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _lists(getattr(value, name), (*loc, name))
    elif isinstance(value, (list, tuple)):
        yield loc, len(value)
        for index, item in enumerate(value):
            yield from _lists(item, (*loc, index))
