"""Every metric of a journey, where it is: a phase's, or a touchpoint's (docs/format.md)."""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.schema.models import Journey, Metric, Phase, Touchpoint


def every_metric(journey: Journey) -> Iterator[tuple[tuple[str | int, ...], Phase, Touchpoint | None, Metric]]:
    """(loc in the data, phase, touchpoint or None, metric), in map order."""
    for p, phase in enumerate(journey.phases):
        for m, metric in enumerate(phase.metrics):
            yield ("phases", p, "metrics", m), phase, None, metric
        for t, touchpoint in enumerate(phase.touchpoints):
            for m, metric in enumerate(touchpoint.metrics):
                yield ("phases", p, "touchpoints", t, "metrics", m), phase, touchpoint, metric
