"""Geometry of the emotion curve: touchpoints as points across phase columns, one line per persona.

Only numbers and labels are computed here; the markup lives in the overridable template
(templates/html/_curve.html), where autoescaping applies to every label.

The phase columns are those of the grid below the curve: the template lays the curve out as a
table with the grid's columns (a row-head column, then one equal column per phase), and the
plot spans the phase columns. So x is a percentage of the plot's width (phase p of n covers
p/n to (p+1)/n whatever the page's width), and y is in pixels of a plot of fixed height, which the
y-axis labels beside it share.

`emotion` is one number for everyone at a touchpoint, or one per persona (docs/format.md,
"Emotion per persona"). When any touchpoint gives it per persona, the curve has one line per
persona (at most MAX_LINES, with a legend); a single number then counts for each persona of its
touchpoint (for every line if the touchpoint names none). A touchpoint without an emotion keeps
its place on the axis and breaks every line there: a gap, not a point left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeyctl.render.view import PersonaView, PhaseView, TouchpointView

EMOTION_LABELS = {-2: "very negative", -1: "negative", 0: "neutral", 1: "positive", 2: "very positive"}
SCORES = (2, 1, 0, -1, -2)
MAX_LINES = 5  # personas drawn; more lines than this cannot be told apart
PLOT_HEIGHT = 200  # px: the plot and the y-axis labels beside it
PLOT_MARGIN = 16  # px above +2 and below -2, room for a marker
SHORT_NAME = 30  # characters of a touchpoint's name on the x axis (the whole name is its tooltip)
AXIS_CHAR_WIDTH = 0.58  # a wide average character width, in ems, for the room the x-axis labels need
AXIS_GAP = 8  # px between the plot and the x-axis labels
SERIES_SPREAD = 5  # px between the lines' markers at one touchpoint, so equal scores stay visible
# Marker shapes as SVG path data around (0, 0): one per line, so lines differ by more than colour.
MARKERS = (
    "M-6,0a6,6 0 1,0 12,0a6,6 0 1,0 -12,0",  # circle
    "M-5.5,-5.5h11v11h-11z",  # square
    "M0,-7.5L7,5H-7z",  # triangle
    "M0,7.5L7,-5H-7z",  # triangle pointing down
    "M-2.5,-7h5v4.5h4.5v5h-4.5v4.5h-5v-4.5h-4.5v-5h4.5z",  # plus
)
DIAMOND = "M0,-11L11,0L0,11L-11,0z"  # a moment that matters
# Colour (Okabe-Ito: told apart with most colour-vision deficiencies) and dashes of each line. The
# curve is styled by SVG attributes, not the page's CSS: WeasyPrint applies none inside an SVG.
LINE_STYLES = (("#0072b2", ""), ("#d55e00", "9 4"), ("#009e73", "2 4"), ("#cc79a7", "12 4 2 4"), ("#6b5800", "5 2"))
# A label is at most 12px, smaller on a crowded axis: about this many pixels of plot for all slots.
AXIS_FONT_MAX, AXIS_FONT_MIN, CROWDED_PLOT_WIDTH = 12, 7, 700


@dataclass(frozen=True, slots=True)
class Slot:
    """One touchpoint's place on the x axis."""

    x: float  # percent of the plot's width
    number: str
    name: str
    short_name: str
    has_emotion: bool
    moment_that_matters: bool

    @property
    def label(self) -> str:
        return f"{self.number} {self.short_name}"


@dataclass(frozen=True, slots=True)
class Band:
    """One phase: a column of the grid."""

    x: float  # percent
    width: float  # percent
    label: str
    number: int
    slots: tuple[Slot, ...]


@dataclass(frozen=True, slots=True)
class Point:
    x: float  # percent
    y: float  # px
    number: str
    name: str
    score: int
    label: str
    moment_that_matters: bool


@dataclass(frozen=True, slots=True)
class Segment:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True, slots=True)
class Series:
    """One line: a persona's, or (`name` None) the customer's when emotion is one number everywhere."""

    index: int  # its style: colour, dashes and marker (series0 .. series4 in the stylesheet)
    name: str | None
    offset: float  # px, to the side, so that lines with equal scores do not hide each other
    points: tuple[Point, ...]
    segments: tuple[Segment, ...]

    @property
    def marker(self) -> str:
        return MARKERS[self.index % len(MARKERS)]

    @property
    def colour(self) -> str:
        return LINE_STYLES[self.index % len(LINE_STYLES)][0]

    @property
    def dashes(self) -> str:
        return LINE_STYLES[self.index % len(LINE_STYLES)][1]


@dataclass(frozen=True, slots=True)
class Tick:
    y: float
    score: int
    label: str

    @property
    def text(self) -> str:
        return f"{self.score:+d} {self.label}" if self.score else f"0 {self.label}"


@dataclass(frozen=True, slots=True)
class Curve:
    plot_height: int
    axis_height: int  # px below the plot for the x-axis labels
    axis_font: int  # px
    bands: tuple[Band, ...]
    ticks: tuple[Tick, ...]
    series: tuple[Series, ...]
    gaps: tuple[Slot, ...]  # touchpoints without an emotion
    not_drawn: tuple[str, ...]  # personas past MAX_LINES

    diamond: str = DIAMOND
    max_lines: int = MAX_LINES

    @property
    def height(self) -> int:
        return self.plot_height + self.axis_height

    @property
    def has_data(self) -> bool:
        return any(series.points for series in self.series)

    @property
    def legend(self) -> bool:
        return any(series.name is not None for series in self.series)

    @property
    def slots(self) -> tuple[Slot, ...]:
        return tuple(slot for band in self.bands for slot in band.slots)


def y_of(score: int) -> float:
    plot = PLOT_HEIGHT - 2 * PLOT_MARGIN
    return round(PLOT_MARGIN + (2 - score) / 4 * plot, 1)


def short_name(name: str, limit: int = SHORT_NAME) -> str:
    """The name cut at a word to at most `limit` characters, with an ellipsis when cut."""
    name = " ".join(name.split())
    if len(name) <= limit:
        return name
    cut = name[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-") + "…"


def emotion_curve(phases: tuple[PhaseView, ...]) -> Curve:
    count = len(phases) or 1
    bands = []
    placed: list[tuple[Slot, TouchpointView]] = []
    for p, phase in enumerate(phases):
        left, width = 100 * p / count, 100 / count
        slots = []
        for t, touchpoint in enumerate(phase.touchpoints):
            internal = touchpoint.internal
            slot = Slot(
                x=round(left + width * (t + 0.5) / len(phase.touchpoints), 3),
                number=touchpoint.number,
                name=touchpoint.name,
                short_name=short_name(touchpoint.name),
                has_emotion=bool(internal and (internal.emotion or internal.persona_emotions)),
                moment_that_matters=bool(internal and internal.moment_that_matters),
            )
            slots.append(slot)
            placed.append((slot, touchpoint))
        bands.append(Band(round(left, 3), round(width, 3), phase.name, phase.number, tuple(slots)))
    personas = _personas(placed)
    drawn = personas[:MAX_LINES]
    series = (
        [_series(0, None, placed, None, 1)]
        if not personas
        else [_series(k, persona.name, placed, persona, len(drawn)) for k, persona in enumerate(drawn)]
    )
    slot_count = max(1, len(placed))
    font = max(AXIS_FONT_MIN, min(AXIS_FONT_MAX, CROWDED_PLOT_WIDTH // slot_count))
    longest = max((len(slot.label) for slot, _ in placed), default=1)
    return Curve(
        plot_height=PLOT_HEIGHT,
        axis_height=AXIS_GAP + round(longest * font * AXIS_CHAR_WIDTH) + 4,
        axis_font=font,
        bands=tuple(bands),
        ticks=tuple(Tick(y_of(score), score, EMOTION_LABELS[score]) for score in SCORES),
        series=tuple(series),
        gaps=tuple(slot for slot, _ in placed if not slot.has_emotion),
        not_drawn=tuple(persona.name for persona in personas[MAX_LINES:]),
    )


def _personas(placed: list[tuple[Slot, TouchpointView]]) -> list[PersonaView]:
    """The personas that get a line: none when no touchpoint gives emotion per persona; else those
    with a point, the most points first (in map order between equals)."""
    if not any(tp.internal and tp.internal.persona_emotions for _, tp in placed):
        return []
    counts: dict[PersonaView, int] = {}
    for _, touchpoint in placed:
        for persona in _scores(touchpoint, None):
            counts[persona] = counts.get(persona, 0) + 1
    order = list(counts)
    return sorted(order, key=lambda persona: (-counts[persona], order.index(persona)))


def _scores(touchpoint: TouchpointView, every: list[PersonaView] | None) -> dict[PersonaView, int]:
    """Each persona's score at `touchpoint`: its own, or the touchpoint's one number for each of its
    personas (for `every` persona when it names none; None: only those it names)."""
    internal = touchpoint.internal
    if internal is None:
        return {}
    if internal.persona_emotions:
        return {item.persona: item.emotion.score for item in internal.persona_emotions}
    if internal.emotion is None:
        return {}
    shared = touchpoint.personas or (every or [])
    return dict.fromkeys(shared, internal.emotion.score)


def _series(
    index: int, name: str | None, placed: list[tuple[Slot, TouchpointView]], persona: PersonaView | None, lines: int
) -> Series:
    every = [persona] if persona is not None else None
    points: list[Point] = []
    segments: list[Segment] = []
    before: Point | None = None
    for slot, touchpoint in placed:
        if not slot.has_emotion:
            before = None  # a gap: the line stops here and starts again after it
            continue
        internal = touchpoint.internal
        assert internal is not None  # has_emotion
        if persona is None:
            score = internal.emotion.score if internal.emotion else None
        else:
            score = _scores(touchpoint, every).get(persona)
        if score is None:
            continue  # this persona has no emotion here; its line runs on to its next point
        point = Point(
            slot.x, y_of(score), slot.number, slot.name, score, EMOTION_LABELS[score], slot.moment_that_matters
        )
        if before is not None:
            segments.append(Segment(before.x, before.y, point.x, point.y))
        points.append(point)
        before = point
    offset = round((index - (lines - 1) / 2) * SERIES_SPREAD, 1)
    return Series(index, name, offset, tuple(points), tuple(segments))
