"""Geometry of the emotion curve: touchpoints as points across phase bands, in SVG user units.

Only numbers and labels are computed here; the markup lives in the overridable template
(templates/html/_curve.html), where autoescaping applies to every label.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeyctl.render.view import PhaseView

WIDTH = 1000
HEIGHT = 280
LEFT = 120  # room for the y-axis labels
RIGHT = 16
TOP = 44  # room for the phase names
BOTTOM = 36  # room for the touchpoint numbers
SCORES = (2, 1, 0, -1, -2)
EMOTION_LABELS = {-2: "very negative", -1: "negative", 0: "neutral", 1: "positive", 2: "very positive"}
LABEL_CHAR_WIDTH = 9.5  # user units per character of a bold band label at the default 16px (a wide average)


@dataclass(frozen=True, slots=True)
class Band:
    x: float
    width: float
    label: str
    number: int

    @property
    def label_fits(self) -> int:
        """Characters of the label that fit the band after its "N. " prefix, so labels never overlap."""
        return max(2, int((self.width - 16) / LABEL_CHAR_WIDTH) - len(f"{self.number}. "))


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    number: str
    name: str
    score: int
    label: str
    moment_that_matters: bool


@dataclass(frozen=True, slots=True)
class Tick:
    y: float
    score: int
    label: str


@dataclass(frozen=True, slots=True)
class Curve:
    width: int
    height: int
    left: int
    right: float
    top: int
    bottom: float
    bands: tuple[Band, ...]
    points: tuple[Point, ...]
    ticks: tuple[Tick, ...]
    path: str  # SVG path data through the points, "" when fewer than two

    @property
    def has_data(self) -> bool:
        return bool(self.points)


def _y(score: int) -> float:
    plot = HEIGHT - TOP - BOTTOM
    return round(TOP + (2 - score) / 4 * plot, 1)


def emotion_curve(phases: tuple[PhaseView, ...]) -> Curve:
    # Each touchpoint gets one slot; an empty phase still gets one, so its band is visible.
    slots = sum(max(1, len(phase.touchpoints)) for phase in phases) or 1
    slot = (WIDTH - LEFT - RIGHT) / slots
    bands, points = [], []
    x = float(LEFT)
    for phase in phases:
        width = slot * max(1, len(phase.touchpoints))
        bands.append(Band(round(x, 1), round(width, 1), phase.name, phase.number))
        for index, touchpoint in enumerate(phase.touchpoints):
            internal = touchpoint.internal
            emotion = internal.emotion if internal else None
            if internal and emotion is not None:
                points.append(
                    Point(
                        x=round(x + slot * (index + 0.5), 1),
                        y=_y(emotion.score),
                        number=touchpoint.number,
                        name=touchpoint.name,
                        score=emotion.score,
                        label=emotion.label,
                        moment_that_matters=internal.moment_that_matters,
                    )
                )
        x += width
    ticks = tuple(Tick(_y(score), score, EMOTION_LABELS[score]) for score in SCORES)
    return Curve(
        WIDTH,
        HEIGHT,
        LEFT,
        WIDTH - RIGHT,
        TOP,
        HEIGHT - BOTTOM,
        tuple(bands),
        tuple(points),
        ticks,
        _smooth_path(points),
    )


def _smooth_path(points: list[Point]) -> str:
    """Cubic segments with horizontal tangents: smooth, and never overshoots the -2..2 range."""
    if len(points) < 2:
        return ""
    parts = [f"M{points[0].x},{points[0].y}"]
    for before, after in itertools.pairwise(points):
        middle = round((before.x + after.x) / 2, 1)
        parts.append(f"C{middle},{before.y} {middle},{after.y} {after.x},{after.y}")
    return " ".join(parts)
