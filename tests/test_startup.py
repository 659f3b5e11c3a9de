"""What `journeyctl lint` of one map imports: what pre-commit runs on every commit starts with
only what the run needs. (Its speed is measured by `make bench`, not tested.)"""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journeyctl.cli.app import COMMANDS

ROOT = Path(__file__).resolve().parent.parent
COMMAND_MODULES = {command.module for command in COMMANDS.values()}
CASES = ROOT / "tests" / "cases"

# Run the console entry point as the installed script does, then list the modules it imported,
# and count the garbage collector's runs from main until the command's own code started.
IMPORTED_BY = """
import gc, json, os, sys
runs = []
gc.callbacks.append(lambda phase, info: runs.append(phase) if phase == "start" else None)
import journeyctl.cli, journeyctl.cli.collector as collector
resume = collector.resume
runs_before_start = []
def started():
    runs_before_start.append(len(runs))
    resume()
collector.resume = started
sys.argv = ["journeyctl", *json.loads(sys.argv[1])]
runs.clear()
try:
    journeyctl.cli.main()
except SystemExit:
    pass
sys.stderr.write(json.dumps({
    "modules": sorted(sys.modules), "plugins": os.environ.get("PYDANTIC_DISABLE_PLUGINS"),
    "collections_before_start": runs_before_start[0], "collecting_after": gc.isenabled(),
}))
"""
# Stacks a lint whose output is not a terminal never uses: colour, worker processes, the other
# commands (their modules too: cli/app.py builds only the command that runs), the reporters it
# was not asked for, baselines and TOML (the repository's configuration is .journeyctl.yaml), and importlib.metadata (with email and zipfile), which only Pydantic's
# plugin loader would import, and plugins are off (journeyctl/cli/__init__.py).
NOT_FOR_LINT = (
    "rich",
    "multiprocessing",
    "concurrent",
    "jinja2",
    "ruamel",
    "weasyprint",
    "openpyxl",
    "xml",
    "importlib.metadata",
    "email",
    "zipfile",
    "journeyctl.render",
    "journeyctl.diff",
    "journeyctl.fmt",
    "journeyctl.sheets",
    "journeyctl.report.sarif",
    "journeyctl.report.junit",
    "journeyctl.lint.baseline",
    "tomllib",
    *(f"journeyctl.cli.{module}" for module in COMMAND_MODULES if module != "lint_command"),
)


def run_cli(*args: str, env: dict | None = None) -> tuple[subprocess.CompletedProcess, dict]:
    environment = {key: value for key, value in os.environ.items() if key != "PYDANTIC_DISABLE_PLUGINS"}
    result = subprocess.run(
        [sys.executable, "-c", IMPORTED_BY, json.dumps(args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**environment, **(env or {})},
        timeout=60,
    )
    return result, json.loads(result.stderr.splitlines()[-1])


@pytest.mark.parametrize(
    "args",
    [
        ["lint", "maps/enterprise-laer.yaml"],  # with the catalog from .journeyctl.yaml, as pre-commit runs it
        ["lint", str(CASES / "invalid" / "emotion-out-of-range.yaml")],  # findings printed too
        ["lint", "maps/enterprise-laer.yaml", "--format", "github"],
    ],
)
def test_lint_of_one_map_imports_only_what_it_needs(args):
    result, seen = run_cli(*args)
    assert "checked:" in result.stdout
    heavy = [
        name for name in seen["modules"] if any(name == stack or name.startswith(f"{stack}.") for stack in NOT_FOR_LINT)
    ]
    assert heavy == []


def test_the_garbage_collector_waits_until_the_command_starts_then_runs_as_usual():
    """Start-up makes objects that all stay: collecting them is a tenth of a one-map lint."""
    _, seen = run_cli("lint", "maps/enterprise-laer.yaml")
    assert seen["collections_before_start"] == 0
    assert seen["collecting_after"] is True
    _, seen = run_cli("lint", "--no-such-option")  # the command never starts
    assert seen["collecting_after"] is True


def test_the_stacks_are_still_there_when_a_run_needs_them():
    _, seen = run_cli("lint", "maps/", "--format", "sarif", "--jobs", "2")
    assert {"journeyctl.report.sarif", "multiprocessing"} <= set(seen["modules"])


def test_pydantic_plugins_are_not_looked_for_unless_the_user_asks():
    _, seen = run_cli("lint", "maps/enterprise-laer.yaml")
    assert seen["plugins"] == "__all__"
    assert "importlib.metadata" not in seen["modules"]
    _, seen = run_cli("lint", "maps/enterprise-laer.yaml", env={"PYDANTIC_DISABLE_PLUGINS": ""})
    assert seen["plugins"] == ""
    assert "importlib.metadata" in seen["modules"]  # Pydantic's own loader looked for them


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_imports_its_own_module_and_no_other_command_s(name):
    result, seen = run_cli(name, "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage: journeyctl " + name in result.stdout
    built = {module for module in COMMAND_MODULES if f"journeyctl.cli.{module}" in seen["modules"]}
    assert COMMANDS[name].module in built
    # init borrows a helper of import, export one of render; no command imports diff's or fmt's
    assert not built & {"diff_command", "fmt_command"} - {COMMANDS[name].module}


def test_the_help_lists_every_command_in_order():
    result, _ = run_cli("--help")
    listed = [line.split()[0] for line in result.stdout.split("Commands:")[1].splitlines() if line.strip()]
    assert listed == list(COMMANDS)


def test_every_default_factory_of_a_model_is_a_python_function():
    """Pydantic reads each default factory's signature at start-up; for the builtins `list` and
    `dict` that is a parse of their text signature (journeyctl/schema/defaults.py)."""
    from pydantic import BaseModel

    import journeyctl.config
    import journeyctl.schema.models

    models = [
        value
        for module in (journeyctl.schema.models, journeyctl.config)
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == module.__name__
    ]
    assert len(models) > 10
    builtin = [
        f"{model.__name__}.{name}"
        for model in models
        for name, field in model.model_fields.items()
        if field.default_factory is not None
        and not inspect.isfunction(field.default_factory)
        and not (isinstance(field.default_factory, type) and issubclass(field.default_factory, BaseModel))
    ]
    assert builtin == [], "use journeyctl.schema.defaults.empty_list / empty_dict"
