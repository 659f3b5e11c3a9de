"""A small trend line as inline SVG: the values of the last periods, the latest one marked."""

from __future__ import annotations

from collections.abc import Sequence

WIDTH, HEIGHT, PAD = 80, 20, 2
STROKE = {"met": "#1a7f37", "at-risk": "#9a6700", "missed": "#cf222e"}


def _points(values: Sequence[float]) -> list[tuple[float, float]]:
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    step = (WIDTH - 2 * PAD) / max(len(values) - 1, 1)
    return [
        (PAD + i * step, HEIGHT - PAD - (value - low) / span * (HEIGHT - 2 * PAD)) for i, value in enumerate(values)
    ]


def polyline_points(values: Sequence[float]) -> str:
    """`x,y x,y ...` in a WIDTH x HEIGHT box; one point is drawn as a short flat line."""
    if not values:
        return ""
    points = _points(values if len(values) > 1 else [values[0], values[0]])
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def sparkline_svg(values: Sequence[float], status: str) -> str:
    """Numbers only reach the SVG, as coordinates: nothing in it comes from text of a file."""
    if not values:
        return ""
    points = _points(values)
    path = polyline_points(values)
    colour = STROKE.get(status, "#666666")
    last_x, last_y = points[-1]
    return (
        f'<svg class="trend" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="trend over {len(values)} periods">'
        f'<polyline fill="none" stroke="{colour}" stroke-width="1.5" points="{path}"/>'
        f'<circle cx="{last_x:.1f}" cy="{last_y:.1f}" r="2" fill="{colour}"/></svg>'
    )
