"""`python -m journeyctl.ci.action lint|diff|render`: the steps of the GitHub Action (action.yml).

Each step runs the journeyctl commands a person would run, then hands GitHub what it reads:
annotations on standard output, Markdown appended to $GITHUB_STEP_SUMMARY, `name=value` lines
appended to $GITHUB_OUTPUT, files under $RUNNER_TEMP/journeyctl. Inputs come as INPUT_* variables
(a composite action passes them explicitly). A lint failure does not stop the action here: the
action fails in its last step, after the summary, the diff and the PDF are written.

Every journeyctl command a step runs is bounded by the `timeout-minutes` input: GitHub does not
accept `timeout-minutes` on the steps of a composite action, so the bound is kept here.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from journeyctl.diff.formats.markdown import MARKER as DIFF_MARKER
from journeyctl.paths import printable
from journeyctl.report.github import escape_data
from journeyctl.report.streams import guarded_output, workflow_command

# Every output a step may set; action.yml maps them to the action's outputs (a test checks it).
OUTPUTS = {
    "lint": ("sarif-file", "errors", "warnings", "failed"),
    "diff": ("diff-file", "changes", "customer-facing"),
    "render": ("pdf-dir",),
}


DEFAULT_TIMEOUT_MINUTES = 10.0


class StepTimeout(Exception):
    """A journeyctl command ran past the timeout-minutes input (it has been stopped)."""


def timeout_minutes() -> float:
    value = os.environ.get("INPUT_TIMEOUT_MINUTES") or str(DEFAULT_TIMEOUT_MINUTES)
    try:
        minutes = float(value)
    except ValueError:
        minutes = -1.0
    if not minutes > 0:
        raise StepTimeout(f"timeout-minutes must be a positive number of minutes, not {value!r}")
    return minutes


def journeyctl(*args: str, capture: bool = False) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "journeyctl", *args]
    minutes = timeout_minutes()
    try:
        return subprocess.run(command, text=True, capture_output=capture, timeout=minutes * 60)
    except subprocess.TimeoutExpired:  # subprocess.run has stopped the command
        raise StepTimeout(
            f"journeyctl {args[0]} did not finish within {minutes:g} minutes (timeout-minutes); it was stopped"
        ) from None


def work_dir() -> Path:
    folder = Path(os.environ.get("RUNNER_TEMP") or tempfile.gettempdir()) / "journeyctl"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def paths() -> list[str]:
    """The `paths` input, to pass after `--`: a path is never an option, whatever its name."""
    return shlex.split(os.environ.get("INPUT_PATHS") or ".")


def set_output(name: str, value: str) -> None:
    target = os.environ.get("GITHUB_OUTPUT")
    line = f"{name}={value}\n"
    if target:
        with open(target, "a", encoding="utf-8") as stream:
            stream.write(line)
    else:
        sys.stdout.write(line)


def add_to_summary(markdown: str) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as stream:
            stream.write(markdown.rstrip("\n") + "\n\n")


def lint() -> int:
    """Annotations, a SARIF file, and a Markdown summary from one set of findings."""
    out = work_dir()
    fail_on = os.environ.get("INPUT_FAIL_ON") or "error"
    annotated = journeyctl("lint", "--format", "github", "--fail-on", fail_on, "--", *paths())
    if annotated.returncode == 2:
        return 2  # a usage error (bad path, bad configuration): already explained on stderr
    sarif = out / "journeyctl.sarif"
    summary = out / "lint.md"
    journeyctl("lint", "--format", "sarif", "--output", str(sarif), "--exit-zero", "--", *paths())
    journeyctl("lint", "--format", "markdown", "--output", str(summary), "--exit-zero", "--", *paths())
    add_to_summary(summary.read_text(encoding="utf-8"))
    levels = [
        result.get("level", "warning")
        for run in json.loads(sarif.read_text(encoding="utf-8"))["runs"]
        for result in run["results"]
    ]
    set_output("sarif-file", str(sarif))
    set_output("errors", str(levels.count("error")))
    set_output("warnings", str(levels.count("warning")))
    set_output("failed", "true" if annotated.returncode == 1 else "false")
    return 0


def diff() -> int:
    """On a pull request: the semantic diff against the base branch, as a Markdown comment file."""
    base = os.environ.get("INPUT_BASE_REF") or os.environ.get("GITHUB_BASE_REF") or ""
    if not base:
        print("journeyctl: not a pull request and no base-ref given: no diff")
        set_output("diff-file", "")
        return 0
    revision = fetch_base(base)
    # A pull request's checkout is the merge commit, so base..HEAD is exactly what the PR changes.
    selection = [f"{revision}..HEAD", "--", *paths()]
    markdown = journeyctl("diff", "--format", "markdown", *selection, capture=True)
    if markdown.returncode == 2:
        sys.stderr.write(markdown.stderr)
        return 2
    sys.stderr.write(markdown.stderr)  # maps that could not be read on either side
    changes = json.loads(journeyctl("diff", "--format", "json", *selection, capture=True).stdout or "[]")
    comment = work_dir() / "diff.md"
    comment.write_text(markdown.stdout, encoding="utf-8")
    add_to_summary(markdown.stdout.replace(DIFF_MARKER, "").strip() or "No changes to journey maps.")
    set_output("diff-file", str(comment))
    set_output("changes", str(len(changes)))
    set_output("customer-facing", str(sum(1 for change in changes if change.get("customer_facing"))))
    return 0


def fetch_base(base: str) -> str:
    """The base branch as a local revision; actions/checkout fetches only the pull request's commit."""
    remote_ref = f"refs/remotes/origin/{base}"
    have = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{remote_ref}^{{commit}}"], capture_output=True)
    if have.returncode != 0:
        subprocess.run(
            ["git", "fetch", "--no-tags", "--depth=1", "origin", f"+refs/heads/{base}:{remote_ref}"], check=False
        )
    return f"origin/{base}"


def render() -> int:
    """The customer-facing PDF of every map, for the workflow to keep as an artefact."""
    out = work_dir() / "customer-pdf"
    done = journeyctl("render", "--audience", "customer", "--format", "pdf", "--out", str(out), "--", *paths())
    set_output("pdf-dir", str(out) if done.returncode == 0 else "")
    return done.returncode


STEPS = {"lint": lint, "diff": diff, "render": render}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or argv[0] not in STEPS:
        print(f"usage: python -m journeyctl.ci.action {{{'|'.join(STEPS)}}}", file=sys.stderr)
        return 2
    try:
        return STEPS[argv[0]]()
    except StepTimeout as error:
        workflow_command(sys.stdout, f"::error::{escape_data(printable(str(error)))}")  # shown on the run page
        return 2


if __name__ == "__main__":
    with guarded_output():
        status = main()
    sys.exit(status)
