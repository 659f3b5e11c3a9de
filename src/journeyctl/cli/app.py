"""The journeyctl command line: every command is registered here, explicitly, in COMMANDS.

A command's module is imported only when that command runs (or when the help or the shell
completion lists every command): `journeyctl lint` of one map, which pre-commit runs on every
commit, never builds render's or diff's options (docs/development.md, "Speed").
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
import traceback
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any, NamedTuple

import typer
from typer.core import TyperCommand, TyperGroup
from typer.exceptions import TyperException
from typer.main import get_command_from_info

from journeyctl import __version__
from journeyctl.cli import collector
from journeyctl.paths import printable
from journeyctl.problems import UsageError
from journeyctl.report.streams import guarded_output


class Command(NamedTuple):
    """Where a command is defined: the function `function` of `journeyctl.cli.<module>`, and the
    name of the Click command class of that module it is built with (None: Typer's own)."""

    module: str
    function: str
    cls: str | None = None


# Every command, one line each, in the order `journeyctl --help` lists them.
COMMANDS: dict[str, Command] = {
    "lint": Command("lint_command", "lint"),
    "rules": Command("rules_command", "rules"),
    "schema": Command("schema_command", "schema"),
    "init": Command("init_command", "init"),
    "diff": Command("diff_command", "diff", cls="DiffCommand"),
    "render": Command("render_command", "render"),
    "fmt": Command("fmt_command", "fmt"),
    "export": Command("export_command", "export"),
    "import": Command("import_command", "import_sheet"),
    "report": Command("report_command", "report"),
    "measure": Command("measure_command", "measure"),
}


class _LazyCommands(MutableMapping[str, Any]):
    """The group's commands by name, each built from its module the first time it is asked for."""

    def __init__(self, build: Callable[[str], Any]) -> None:
        self._build = build
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in COMMANDS:
                raise KeyError(name)
            self._built[name] = self._build(name)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        raise TypeError(f"add the command {name!r} to COMMANDS in journeyctl/cli/app.py")

    def __delitem__(self, name: str) -> None:
        raise TypeError("the commands are fixed by COMMANDS in journeyctl/cli/app.py")

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


class _Group(TyperGroup):
    """Typer's group, with the commands of COMMANDS built on demand (Typer builds every
    registered command's options up front, importing every command's module)."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        if self.commands:  # registered with @app.command: it would be lost here, so say where it goes
            raise TypeError(
                f"register {', '.join(self.commands)} in COMMANDS (journeyctl/cli/app.py), not with app.command"
            )
        self.commands = _LazyCommands(_build_command)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # the names only: Typer's own would build every command


app = typer.Typer(
    name="journeyctl",
    help="Customer journey maps as code: lint, diff and render YAML journey maps.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=_Group,
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


def _as_command(command):
    """A command's function as the app runs it: start-up is over (the collector runs again, see
    cli/collector.py), and a mistake in the call (a missing path, a bad value) is one line on
    stderr and exit status 2."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        collector.resume()
        try:
            return command(*args, **kwargs)
        except UsageError as error:
            typer.echo(f"journeyctl: error: {printable(str(error))}", err=True)
            raise typer.Exit(2) from None

    return run


def _build_command(name: str) -> Any:
    """The Click command `name` of COMMANDS, as `app.command(name, cls=...)` would register it."""
    where = COMMANDS[name]
    module = importlib.import_module(f"journeyctl.cli.{where.module}")
    cls: type[TyperCommand] | None = getattr(module, where.cls) if where.cls else None
    registry = typer.Typer()
    registry.command(name, cls=cls)(_as_command(getattr(module, where.function)))
    return get_command_from_info(
        registry.registered_commands[0],
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
    )


def main() -> None:
    """The app's run (the console script's is journeyctl.cli.main, which calls this): every line it
    prints printable (report.streams); a bad flag is one line and exit 2; a bug exits 2 too,
    asking for a report."""
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
