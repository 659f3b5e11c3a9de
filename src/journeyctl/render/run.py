"""Running a render: load the maps, check them, render every document, then write them.

Kept apart from the command line (cli/render_command.py), so that `journeyctl lint` never
imports any of this, and the core runs without the CLI: run() returns a RenderResult, which the
command prints and turns into the exit status.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from journeyctl.config import Config, load_config
from journeyctl.fileio import write_output
from journeyctl.lint.rules.jc101_unknown_reference import CHECK as UNKNOWN_REFERENCE
from journeyctl.loading import JourneyFile, MapFile, load_named
from journeyctl.paths import printable
from journeyctl.problems import Problem, Severity, UsageError, did_you_mean
from journeyctl.render.documents import INDEX_STEM, Format, Job, Output, Renderer, journey_views, plan
from journeyctl.render.html import PageSize, branding_view, render_date
from journeyctl.render.limits import check_limits
from journeyctl.render.view import Actuals, Audience
from journeyctl.schema import Account

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
    # render --actuals: by map id, each metric's latest value (journeyctl.measure.on_map, given by the
    # command line, so that render never imports measure)
    actuals: Callable[[Sequence[JourneyFile], Config], Mapping[str, Actuals]] | None = None
    date: date | None = None  # the render date in the footer (None: SOURCE_DATE_EPOCH, else today)
    account: str | None = None  # an account file: the map personalised for that customer
    jobs: int | None = None  # worker processes for the PDFs (None: one per core)


@dataclass
class RenderResult:
    """What a render did: the documents written to `folder` (or the one for standard output, when
    `folder` is None), or, when `stopped` says why, nothing. `problems` are shown as lint shows
    them: the errors that stopped it, or the warnings it rendered despite."""

    outputs: list[Output] = field(default_factory=list)
    folder: Path | None = None
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)
    files: int = 0  # the files read, for the problems' summary line
    stopped: str = ""

    @property
    def exit_code(self) -> int:
        return 1 if self.stopped else 0


def run(request: RenderRequest) -> RenderResult:
    """Render and write (nothing for standard output: the caller prints it). Raises UsageError
    (exit 2); map errors, or customer-text errors in a customer render, stop it with nothing written."""
    started = time.perf_counter()
    formats = list(dict.fromkeys(request.formats))
    to_stdout = request.out == STDOUT
    if to_stdout and (len(formats) != 1 or formats[0] == "pdf"):
        raise UsageError("--out - writes one Markdown or HTML document; use --out DIR for PDF or several formats")

    config = load_config(request.config_file)
    paths = [*request.paths, request.account] if request.account else list(request.paths)
    journeys, maps, loaded = load_maps(paths, config)
    if loaded.stopped:
        return loaded
    account = None
    if request.account:
        account, journeys, refused = _for_account(request.account, journeys, maps)
        if refused is not None:
            refused.problems[:0] = loaded.problems
            refused.files = loaded.files
            return refused
    check_limits(journeys, formats)
    if request.audience == "customer" and not request.allow_lint_errors:
        refused = customer_text_errors(request.paths, config)
        if refused.stopped:
            refused.problems[:0] = loaded.problems  # the maps' warnings, as a render that goes on shows them
            return refused
    if to_stdout and len(journeys) != 1:
        raise UsageError(f"--out - writes a single map, but {len(journeys)} were found; use --out DIR")
    with_index = not to_stdout and any(Path(path).is_dir() for path in request.paths)
    if with_index and any(item.model.id == INDEX_STEM for item in journeys):
        raise UsageError(f"a map with id {INDEX_STEM!r} would be overwritten by the index; rename the map")

    user_templates = request.templates or (config.resolve(config.templates) if config.templates else None)
    logo = config.resolve(config.branding.logo) if config.branding.logo else None
    branding = branding_view(config.branding, logo, request.page_size, render_date(request.date))
    actuals = request.actuals(journeys, config) if request.actuals else None
    views = journey_views(maps, request.audience, config.cadence.thresholds(), actuals, config.channel_labels, account)
    renderer = Renderer(request.audience, views, journeys, branding, user_templates)
    outputs = _render_all(renderer, plan(journeys, formats, with_index), request.jobs)

    folder = None if to_stdout else Path(request.out)
    if folder is not None:
        _check_targets(folder, outputs)
        _make_folder(folder)
        for output in outputs:
            write_output(folder / output.name, output.content)
    return RenderResult(outputs, folder, time.perf_counter() - started, loaded.problems, loaded.files)


def load_maps(
    paths: Sequence[str], config: Config, done: str = "rendered"
) -> tuple[list[JourneyFile], list[MapFile], RenderResult]:
    """The journeys to render (or export: `done` names what is not done), every map loaded (with
    the config's catalogs for owners and personas), and the problems found: stopped when one is an error."""
    started = time.perf_counter()
    workspace, journeys = load_named(
        paths, config.catalog_paths, channels=config.all_channels, max_bytes=config.max_file_bytes
    )
    problems = workspace.problems
    loaded = RenderResult(seconds=time.perf_counter() - started, problems=problems, files=workspace.files_read)
    if any(problem.severity is Severity.ERROR for problem in problems):
        loaded.stopped = f"nothing {done}: fix the errors above first"
        return [], workspace.maps, loaded
    if not journeys:
        raise UsageError(f"no journey maps found in {' '.join(paths)} (catalogs alone are not {done})")
    return journeys, workspace.maps, loaded


def _for_account(
    path: str, journeys: list[JourneyFile], maps: list[MapFile]
) -> tuple[Account | None, list[JourneyFile], RenderResult | None]:
    """The account named by --account and the one journey it follows among those named; or why not
    (a located problem, exit 1), with nothing rendered."""
    real = os.path.realpath(path)
    found = next((item for item in maps if os.path.realpath(item.path) == real), None)
    if found is None or found.kind != "account":
        raise UsageError(f"--account {printable(path)}: not an account file (one with 'kind: account')")
    account = found.model
    followed = [item for item in journeys if item.model.id == account.journey]
    if followed:
        return account, followed, None
    named = ", ".join(sorted(repr(item.model.id) for item in journeys))
    problem = Problem(
        found.path,
        found.locate(("journey",)),
        UNKNOWN_REFERENCE,
        f"this account follows journey {account.journey!r}, which is not among the maps rendered ({named})"
        + did_you_mean(account.journey, [item.model.id for item in journeys]),
        "journey",
    )
    stopped = RenderResult(problems=[problem], stopped="nothing rendered: the account is for another journey")
    return None, [], stopped


def customer_text_errors(paths: Sequence[str], config: Config, done: str = "rendered") -> RenderResult:
    """Stopped, with the findings as lint prints them, when lint finds errors in customer text.

    Through the lint engine with the configuration's policy (severities, overrides, suppressions),
    so render and lint never disagree on what a finding is. The configuration's catalogs are
    checked as if named: their owner and persona names reach the customer too.
    """
    from journeyctl.lint.engine import make_settings, run_lint  # only customer renders pay for lint

    result = run_lint([*paths, *config.catalog_paths], make_settings(config, select=list(CUSTOMER_GUARD_RULES)))
    errors = [
        problem
        for problem in result.problems
        if problem.code in CUSTOMER_GUARD_RULES and problem.severity is Severity.ERROR
    ]
    stopped = f"nothing {done} for the customer: fix the errors above first (or pass --allow-lint-errors)"
    return RenderResult(seconds=result.seconds, problems=errors, files=result.files, stopped=stopped if errors else "")


# The renderer a forked worker inherits (set just before the pool starts): a job is sent as its
# index, so no map (with its node tree) is pickled; only the PDF's bytes come back.
_WORKER_RENDERER: tuple[Renderer, list[Job]] | None = None


def _render_in_worker(number: int) -> Output:
    assert _WORKER_RENDERER is not None
    renderer, jobs = _WORKER_RENDERER
    return renderer.render(jobs[number])


def _render_all(renderer: Renderer, jobs: list[Job], workers: int | None = None) -> list[Output]:
    """Every document, in the order of `jobs`. Several PDFs are spread over the cores: WeasyPrint
    is pure Python, one core per PDF; Markdown and HTML take milliseconds and stay in this process."""
    pdfs = [number for number, job in enumerate(jobs) if job.format == "pdf"]
    workers = min(workers or os.cpu_count() or 1, len(pdfs))
    done: dict[int, Output] = {}
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        global _WORKER_RENDERER
        _WORKER_RENDERER = (renderer, jobs)
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                done = dict(zip(pdfs, pool.map(_render_in_worker, pdfs, chunksize=1), strict=True))
        finally:
            _WORKER_RENDERER = None
    console = Console(stderr=True)
    columns = (
        TextColumn("rendering"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}", markup=False),
    )
    with Progress(*columns, console=console, transient=True, disable=len(jobs) <= PROGRESS_ABOVE) as progress:
        task = progress.add_task("", total=len(jobs))
        outputs = []
        for number, job in enumerate(jobs):
            progress.update(task, description=job.label)
            outputs.append(done[number] if number in done else renderer.render(job))
            progress.advance(task)
    return outputs


def _check_targets(folder: Path, outputs: list[Output]) -> None:
    """Everything that would stop a write, found before the first one (and before the folder is
    made), so that a run never leaves some documents new and others old."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--out {printable(str(folder))}: not a folder")
    for output in outputs:
        if len(output.name.encode()) > MAX_NAME_BYTES:
            raise UsageError(
                f"cannot write {output.name[:40]}…: a file name (the map id) longer than "
                f"{MAX_NAME_BYTES} bytes; shorten the id"
            )
        target = folder / output.name
        if target.is_symlink():  # a committed link would make the rename write wherever it points
            raise UsageError(
                f"cannot write {printable(str(target))}: it is a symbolic link; remove it "
                "(render writes only real files inside the output folder)"
            )
        if target.is_dir():
            raise UsageError(f"cannot write {printable(str(target))}: a folder has that name")


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(
            f"--out {printable(str(folder))}: cannot create the folder: {error.strerror or error}"
        ) from None
