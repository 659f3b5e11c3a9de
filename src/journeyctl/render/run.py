"""Running a render: load the maps, check them, render every document, then write them.

Kept apart from the command-line parsing (cli/render_command.py), so that `journeyctl lint`
never imports any of this, and the core runs without the CLI.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from journeyctl.config import Config, load_config
from journeyctl.fileio import write_output
from journeyctl.loading import MapFile, discover_with_catalogs, load_workspace
from journeyctl.paths import printable
from journeyctl.problems import Severity, UsageError
from journeyctl.render.documents import INDEX_STEM, Format, Job, Output, Renderer, journey_views, plan
from journeyctl.render.html import PageSize, branding_view
from journeyctl.render.limits import check_limits
from journeyctl.render.view import Audience
from journeyctl.report.text import report_text
from journeyctl.wording import plural

STDOUT = "-"
PROGRESS_ABOVE = 3  # a progress bar only when there is something to wait for
MAX_NAME_BYTES = 255  # a file name, on every common file system
# Lint rules whose errors mean a map's customer text is not fit to send (docs/render.md, "Before
# a customer render"). The integrity errors that render relies on (JC101 unknown reference, JC102
# duplicate id) need no lint run: the loader refuses them in every render, see _load().
CUSTOMER_GUARD_RULES = ("JC212",)


@dataclass(frozen=True, slots=True)
class RenderRequest:
    paths: Sequence[str]
    formats: Sequence[Format]
    audience: Audience = "internal"
    out: str = "build/journeys"
    templates: Path | None = None
    page_size: PageSize | None = None
    config_file: Path | None = None
    allow_lint_errors: bool = False


def run(request: RenderRequest) -> list[Output]:
    """Render and write; returns what was written. Raises UsageError (exit 2) or typer.Exit(1) on map errors."""
    started = time.perf_counter()
    formats = list(dict.fromkeys(request.formats))
    to_stdout = request.out == STDOUT
    if to_stdout and (len(formats) != 1 or formats[0] == "pdf"):
        raise UsageError("--out - writes one Markdown or HTML document; use --out DIR for PDF or several formats")

    config = load_config(request.config_file)
    journeys, maps = _load(request.paths, config)
    check_limits(journeys, formats)
    if request.audience == "customer" and not request.allow_lint_errors:
        _refuse_customer_text_errors(request.paths, config)
    if to_stdout and len(journeys) != 1:
        raise UsageError(f"--out - writes a single map, but {len(journeys)} were found; use --out DIR")
    with_index = not to_stdout and any(Path(path).is_dir() for path in request.paths)
    if with_index and any(item.model.id == INDEX_STEM for item in journeys):
        raise UsageError(f"a map with id {INDEX_STEM!r} would be overwritten by the index; rename the map")

    user_templates = request.templates or (config.resolve(config.templates) if config.templates else None)
    logo = config.resolve(config.branding.logo) if config.branding.logo else None
    branding = branding_view(config.branding, logo, request.page_size)
    renderer = Renderer(request.audience, journey_views(maps, request.audience), journeys, branding, user_templates)
    outputs = _render_all(renderer, plan(journeys, formats, with_index))

    if to_stdout:
        sys.stdout.write(outputs[0].content)
        sys.stdout.flush()
        return outputs
    folder = Path(request.out)
    _check_targets(folder, outputs)
    _make_folder(folder)
    for output in outputs:
        write_output(folder / output.name, output.content)
    _summary(outputs, folder, request.audience, time.perf_counter() - started)
    return outputs


def _load(paths: Sequence[str], config: Config) -> tuple[list[MapFile], list[MapFile]]:
    """The journeys to render, and every map loaded (with the config's catalogs for owners and personas)."""
    named_files, catalogs = discover_with_catalogs(paths, config.catalog_paths)
    named = {os.path.realpath(path) for path, _ in named_files}
    workspace = load_workspace([*paths, *catalogs], channels=config.all_channels, max_bytes=config.max_file_bytes)
    if workspace.problems:
        problems = sorted(workspace.problems, key=lambda problem: problem.sort_key())
        report_text(problems, sys.stderr, files=workspace.files_read, seconds=0.0)
        if any(problem.severity is Severity.ERROR for problem in problems):
            typer.echo("journeyctl: nothing rendered: fix the errors above first", err=True)
            raise typer.Exit(1)
    journeys = [item for item in workspace.journeys if os.path.realpath(item.path) in named]
    if not journeys:
        raise UsageError(f"no journey maps found in {' '.join(paths)} (catalogs alone are not rendered)")
    return journeys, workspace.maps


def _refuse_customer_text_errors(paths: Sequence[str], config: Config) -> None:
    """Exit 1, with the findings as lint prints them, when lint finds errors in customer text.

    Through the lint engine with the configuration's policy (severities, overrides, suppressions),
    so render and lint never disagree on what a finding is. The configuration's catalogs are
    checked as if named: their owner and persona names reach the customer too.
    """
    from journeyctl.lint.engine import make_settings, run_lint  # only customer renders pay for lint

    result = run_lint([*paths, *config.catalog_paths], make_settings(config, select=list(CUSTOMER_GUARD_RULES)))
    errors = [problem for problem in result.problems
              if problem.code in CUSTOMER_GUARD_RULES and problem.severity is Severity.ERROR]
    if errors:
        report_text(errors, sys.stderr, files=result.files, seconds=result.seconds)
        typer.echo("journeyctl: nothing rendered for the customer: fix the errors above first "
                   "(or pass --allow-lint-errors)", err=True)
        raise typer.Exit(1)


def _render_all(renderer: Renderer, jobs: list[Job]) -> list[Output]:
    console = Console(stderr=True)
    columns = (TextColumn("rendering"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.description}", markup=False))
    with Progress(*columns, console=console, transient=True, disable=len(jobs) <= PROGRESS_ABOVE) as progress:
        task = progress.add_task("", total=len(jobs))
        outputs = []
        for job in jobs:
            progress.update(task, description=job.label)
            outputs.append(renderer.render(job))
            progress.advance(task)
    return outputs


def _check_targets(folder: Path, outputs: list[Output]) -> None:
    """Everything that would stop a write, found before the first one (and before the folder is
    made), so that a run never leaves some documents new and others old."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--out {printable(str(folder))}: not a folder")
    for output in outputs:
        if len(output.name.encode()) > MAX_NAME_BYTES:
            raise UsageError(f"cannot write {output.name[:40]}…: a file name (the map id) longer than "
                             f"{MAX_NAME_BYTES} bytes; shorten the id")
        target = folder / output.name
        if target.is_symlink():  # a committed link would make the rename write wherever it points
            raise UsageError(f"cannot write {printable(str(target))}: it is a symbolic link; remove it "
                             "(render writes only real files inside the output folder)")
        if target.is_dir():
            raise UsageError(f"cannot write {printable(str(target))}: a folder has that name")


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"--out {printable(str(folder))}: cannot create the folder: {error.strerror or error}") from None


def _summary(outputs: list[Output], folder: Path, audience: str, seconds: float) -> None:
    # Text objects, not markup strings: a file name with [brackets] is printed as it is.
    console = Console(highlight=False, soft_wrap=True)
    console.print(Text(f"Wrote {plural(len(outputs), 'file')} for the {audience} audience to {printable(str(folder))} "
                       f"in {seconds:.2f}s", style="bold"))
    for output in outputs:
        size = len(output.content.encode("utf-8") if isinstance(output.content, str) else output.content)
        origin = f"from {printable(output.source)}" if output.source else "index of the maps"
        console.print(Text.assemble(f"  {printable(str(folder / output.name))}  ", (f"({_size(size)}, {origin})", "dim")))


def _size(count: int) -> str:
    return f"{count} B" if count < 1024 else f"{count / 1024:.0f} KiB"

