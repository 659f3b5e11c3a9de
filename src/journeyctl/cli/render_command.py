"""`journeyctl render PATH...`: journey maps to Markdown, HTML and PDF, for one audience.

Only the options live here; the work is in journeyctl.render.run, imported when the command
runs, so that other commands (lint) do not pay for Jinja, Rich's progress bar or the templates.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer


class FormatChoice(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"


class AudienceChoice(str, Enum):
    internal = "internal"
    customer = "customer"


class PageSizeChoice(str, Enum):
    A4 = "A4"
    Letter = "Letter"


def render(
    paths: list[str] = typer.Argument(
        ..., metavar="PATH", help="Map files or folders; catalogs among them supply owners and personas."
    ),
    formats: list[FormatChoice] = typer.Option(
        [FormatChoice.html], "--format", "-f", help="md, html or pdf; repeat for several."
    ),
    audience: AudienceChoice = typer.Option(
        AudienceChoice.internal,
        "--audience",
        "-a",
        help="internal (everything) or customer (customer-facing fields only).",
    ),
    out: str = typer.Option(
        "build/journeys", "--out", "-o", help="Output folder, or '-' for standard output (one map, md or html)."
    ),
    templates: Path | None = typer.Option(
        None,
        "--templates",
        help="A folder of templates searched before the built-in ones (default: the config's `templates`).",
    ),
    page_size: PageSizeChoice | None = typer.Option(
        None, "--page-size", help="PDF page size (default: the config's, else A4)."
    ),
    config_file: Path | None = typer.Option(
        None, "--config", help="Configuration file (default: the nearest .journeyctl.yaml)."
    ),
    allow_lint_errors: bool = typer.Option(
        False,
        "--allow-lint-errors",
        help="Render for the customer even when lint finds errors in customer text (JC212).",
    ),
    account: str | None = typer.Option(
        None,
        "--account",
        metavar="FILE",
        help="An account file (kind: account): the map it follows, prepared for that customer, with dates and names.",
    ),
    date: str | None = typer.Option(
        None,
        "--date",
        metavar="YYYY-MM-DD",
        help="The render date in the footer (default: SOURCE_DATE_EPOCH, else today), for reproducible output.",
    ),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help="Worker processes for the PDFs of several maps (default: one per core)."
    ),
    watch: bool = typer.Option(
        False,
        "--watch",
        help="Render again on every save of a map, catalog, template or the configuration (Ctrl-C stops).",
    ),
    serve: bool = typer.Option(
        False,
        "--serve",
        help="Watch, and show the output folder on http://127.0.0.1 with pages that reload themselves.",
    ),
    port: int | None = typer.Option(
        None, "--port", min=0, max=65535, help="The port for --serve (default: a free one)."
    ),
    actuals: list[str] = typer.Option(
        [],
        "--actuals",
        help="Actuals files (as for `journeyctl measure`): each metric's latest value, status and trend on the map.",
    ),
) -> None:
    """Render journey maps to Markdown, a self-contained HTML page and a PDF, for the internal team or a customer."""
    from journeyctl.render.run import RenderRequest, run

    rendered_on = _date(date) if date is not None else None
    request = RenderRequest(
        paths=paths,
        formats=[fmt.value for fmt in formats],
        audience=audience.value,
        out=out,
        templates=templates,
        page_size=page_size.value if page_size else None,
        config_file=config_file,
        allow_lint_errors=allow_lint_errors,
        actuals=_actuals(actuals),
        date=rendered_on,
        account=account,
        jobs=jobs,
    )
    if watch or serve or port is not None:
        from journeyctl.render.watch import watch as watch_and_render

        return watch_and_render(request, lambda result: _print(result, audience.value), serve=serve, port=port)
    result = run(request)
    _print(result, audience.value)
    if result.exit_code:
        raise typer.Exit(result.exit_code)


def _actuals(files: list[str]):
    """What render --actuals calls with the loaded maps; None without actuals."""
    if not files:
        return None
    import functools

    from journeyctl.measure.on_map import actuals_on_map

    return functools.partial(actuals_on_map, files=files)


def _date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date such as 2027-01-15", param_hint="--date") from None


def _print(result, audience: str) -> None:
    """The problems on standard error as lint shows them, then why nothing was rendered, or the
    document itself (--out -), or what was written where."""
    import sys

    from rich.console import Console
    from rich.text import Text

    from journeyctl.paths import printable
    from journeyctl.wording import plural

    if print_problems(result):
        return
    if result.folder is None:
        sys.stdout.write(result.outputs[0].content)
        sys.stdout.flush()
        return
    # Text objects, not markup strings: a file name with [brackets] is printed as it is.
    console = Console(highlight=False, soft_wrap=True)
    console.print(
        Text(
            f"Wrote {plural(len(result.outputs), 'file')} for the {audience} audience to "
            f"{printable(str(result.folder))} in {result.seconds:.2f}s",
            style="bold",
        )
    )
    for output in result.outputs:
        size = len(output.content.encode("utf-8") if isinstance(output.content, str) else output.content)
        origin = f"from {printable(output.source)}" if output.source else "index of the maps"
        console.print(
            Text.assemble(f"  {printable(str(result.folder / output.name))}  ", (f"({_size(size)}, {origin})", "dim"))
        )


def print_problems(result) -> bool:
    """The problems of a render (or an export) on standard error as lint shows them, and why
    nothing was written when it stopped; True when it stopped."""
    import sys

    from journeyctl.report.text import report_text

    if result.problems:
        report_text(result.problems, sys.stderr, files=result.files, seconds=result.seconds)
    if result.stopped:
        typer.echo(f"journeyctl: {result.stopped}", err=True)
    return bool(result.stopped)


def _size(count: int) -> str:
    return f"{count} B" if count < 1024 else f"{count / 1024:.0f} KiB"
