"""From loaded maps to output documents (names and contents); writing them is the CLI's job.

Everything is rendered before anything is written, so a broken template leaves no output.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from journeyctl.loading import JourneyFile, MapFile
from journeyctl.render.environment import make_environment, render_template, search_path
from journeyctl.render.html import BrandingView, render_journey_html
from journeyctl.render.view import Actuals, Audience, JourneyView, People, build_view
from journeyctl.schema import Account
from journeyctl.timeline import DEFAULT_THRESHOLDS, Thresholds

Format = Literal["md", "html", "pdf"]
FORMATS: tuple[Format, ...] = ("md", "html", "pdf")
INDEX_FORMATS: tuple[Format, ...] = ("md", "html")  # a PDF index would be an empty page of links
INDEX_STEM = "index"


@dataclass(frozen=True, slots=True)
class Output:
    name: str  # file name inside the output folder
    content: str | bytes
    source: str | None  # the map file it was made from; None for an index


@dataclass(frozen=True, slots=True)
class IndexEntry:
    view: JourneyView
    href: str


@dataclass(frozen=True, slots=True)
class Job:
    """One document to make: a map in one format, or the index in one format."""

    format: Format
    map_file: JourneyFile | None  # None: the index

    @property
    def label(self) -> str:
        return f"{self.map_file.path if self.map_file else INDEX_STEM} ({self.format})"


def journey_views(
    maps: Sequence[MapFile],
    audience: Audience,
    cadence: Thresholds = DEFAULT_THRESHOLDS,
    actuals: Mapping[str, Actuals] | None = None,
    channel_labels: dict[str, str] | None = None,
    account: Account | None = None,
) -> dict[str, JourneyView]:
    """Views by map file path. Catalogs found in the same run are shared by every journey.
    `actuals`: by map id, the latest values of its metrics (render --actuals); an account
    personalises the journey it follows."""
    catalogs = [item.model for item in maps if item.kind == "catalog"]
    return {
        item.path: build_view(
            item.model,
            People.for_journey(item.model, catalogs),
            audience,
            cadence,
            (actuals or {}).get(item.model.id),
            channel_labels,
            account if account and account.journey == item.model.id else None,
        )
        for item in maps
        if item.kind == "journey"
    }


def plan(journeys: Sequence[JourneyFile], formats: Iterable[Format], with_index: bool) -> list[Job]:
    formats = [fmt for fmt in FORMATS if fmt in set(formats)]
    jobs = [Job(fmt, map_file) for map_file in journeys for fmt in formats]
    if with_index:
        jobs += [Job(fmt, None) for fmt in formats if fmt in INDEX_FORMATS]
    return jobs


class Renderer:
    """Renders jobs for one audience with one branding; environments are made on first use."""

    def __init__(
        self,
        audience: Audience,
        views: dict[str, JourneyView],
        journeys: Sequence[JourneyFile],
        branding: BrandingView,
        user_templates: Path | None = None,
    ):
        self.audience = audience
        self.views = views
        self.journeys = journeys
        self.branding = branding
        self.user_templates = user_templates

    @cached_property
    def _md(self):
        return make_environment("md", self.user_templates)

    @cached_property
    def _html(self):
        return make_environment("html", self.user_templates)

    def render(self, job: Job) -> Output:
        if job.map_file is None:
            return Output(f"{INDEX_STEM}.{job.format}", self._index(job.format), None)
        view = self.views[job.map_file.path]
        name = f"{job.map_file.model.id}.{job.format}"
        return Output(name, self.document(view, job.format), job.map_file.path)

    def document(self, view: JourneyView, fmt: Format) -> str | bytes:
        if fmt == "md":
            return render_template(self._md, "md/journey.md", view=view)
        if fmt == "html":
            return render_journey_html(self._html, view, self.branding, "screen")
        from journeyctl.render.pdf import html_to_pdf  # WeasyPrint only when a PDF is asked for

        html = render_journey_html(self._html, view, self.branding, "pdf")
        return html_to_pdf(html, search_path(self.user_templates))

    def _index(self, fmt: Format) -> str:
        entries = [IndexEntry(self.views[item.path], f"{item.model.id}.{fmt}") for item in self.journeys]
        environment = self._md if fmt == "md" else self._html
        return render_template(
            environment, f"{fmt}/index.{fmt}", entries=entries, audience=self.audience, branding=self.branding
        )
