"""What `journeyctl lint` of one map imports: what pre-commit runs on every commit starts with
only what the run needs. (Its speed is measured by `make bench`, not tested.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"

# Run the console entry point as the installed script does, then list the modules it imported.
IMPORTED_BY = """
import json, os, sys
from journeyctl.cli.app import main
sys.argv = ["journeyctl", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit:
    pass
sys.stderr.write(json.dumps({"modules": sorted(sys.modules), "plugins": os.environ.get("PYDANTIC_DISABLE_PLUGINS")}))
"""
# Stacks a lint whose output is not a terminal never uses: colour, worker processes, the other
# commands, the reporters it was not asked for.
NOT_FOR_LINT = (
    "rich",
    "multiprocessing",
    "concurrent",
    "jinja2",
    "ruamel",
    "weasyprint",
    "xml",
    "journeyctl.render",
    "journeyctl.diff",
    "journeyctl.fmt",
    "journeyctl.report.sarif",
    "journeyctl.report.junit",
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


def test_the_stacks_are_still_there_when_a_run_needs_them():
    _, seen = run_cli("lint", "maps/", "--format", "sarif", "--jobs", "2")
    assert {"journeyctl.report.sarif", "multiprocessing"} <= set(seen["modules"])


def test_pydantic_plugins_are_not_looked_for_unless_the_user_asks():
    assert run_cli("lint", "maps/enterprise-laer.yaml")[1]["plugins"] == "__all__"
    assert run_cli("lint", "maps/enterprise-laer.yaml", env={"PYDANTIC_DISABLE_PLUGINS": ""})[1]["plugins"] == ""
