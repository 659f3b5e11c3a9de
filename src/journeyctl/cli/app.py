"""The journeyctl command line: every command is registered here, explicitly."""

from __future__ import annotations

import functools
import os
import sys
import traceback

import typer
from typer.exceptions import TyperException

from journeyctl import __version__
from journeyctl.cli import (
    diff_command,
    export_command,
    fmt_command,
    import_command,
    init_command,
    lint_command,
    measure_command,
    render_command,
    rules_command,
    schema_command,
)
from journeyctl.paths import printable
from journeyctl.problems import UsageError
from journeyctl.report.streams import guarded_output

app = typer.Typer(
    name="journeyctl",
    help="Customer journey maps as code: lint, diff and render YAML journey maps.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"journeyctl {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Customer journey maps as code: lint, diff and render YAML journey maps."""


def _usage_errors_exit_2(command):
    """A mistake in the call (a missing path, a bad value) is one line on stderr and exit status 2."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except UsageError as error:
            typer.echo(f"journeyctl: error: {printable(str(error))}", err=True)
            raise typer.Exit(2) from None

    return run


app.command("lint")(_usage_errors_exit_2(lint_command.lint))
app.command("rules")(_usage_errors_exit_2(rules_command.rules))
app.command("schema")(_usage_errors_exit_2(schema_command.schema))
app.command("init")(_usage_errors_exit_2(init_command.init))
app.command("diff", cls=diff_command.DiffCommand)(_usage_errors_exit_2(diff_command.diff))
app.command("render")(_usage_errors_exit_2(render_command.render))
app.command("fmt")(_usage_errors_exit_2(fmt_command.fmt))
app.command("export")(_usage_errors_exit_2(export_command.export))
app.command("import")(_usage_errors_exit_2(import_command.import_sheet))
app.command("measure")(_usage_errors_exit_2(measure_command.measure))


def main() -> None:
    """Console entry point: every line it prints printable (report.streams); a bad flag is one line
    and exit 2; a bug exits 2 too, asking for a report."""
    with guarded_output():
        _run()


def _run() -> None:
    command = typer.main.get_command(app)
    try:
        status = command.main(sys.argv[1:], prog_name="journeyctl", standalone_mode=False)
    except TyperException as error:  # Typer's usage errors: unknown option, missing argument, bad value
        if type(error).__name__ == "NoArgsIsHelpError":
            typer.echo(error.format_message())
        else:
            context = getattr(error, "ctx", None)
            command_path = context.command_path if context else "journeyctl"
            typer.echo(
                f"journeyctl: error: {printable(error.format_message())} (see '{command_path} --help')", err=True
            )
        sys.exit(2)
    except typer.Abort:
        sys.exit(130)
    except OSError as error:  # the machine said no (a name too long, a disk full): not a bug in journeyctl
        if os.environ.get("JOURNEYCTL_DEBUG"):
            traceback.print_exc()
        where = f"{printable(os.fsdecode(error.filename))}: " if error.filename else ""
        print(f"journeyctl: error: {where}{error.strerror or error}", file=sys.stderr)
        sys.exit(2)
    except Exception as error:  # a bug, not the user's fault: keep it short, but let it be reported
        if os.environ.get("JOURNEYCTL_DEBUG"):
            traceback.print_exc()
        print(
            f"journeyctl: internal error: {type(error).__name__}: {printable(str(error))} "
            "(set JOURNEYCTL_DEBUG=1 for the traceback, and please report it)",
            file=sys.stderr,
        )
        sys.exit(2)
    sys.exit(status or 0)
