"""The scripts the GitHub Action runs, run as the action runs them: GITHUB_ACTIONS=true, and
temporary files for $GITHUB_STEP_SUMMARY and $GITHUB_OUTPUT. GitHub itself is not needed."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from journeyctl.ci.action import DIFF_MARKER, OUTPUTS

ROOT = Path(__file__).resolve().parents[2]


def git(*args: str, cwd: Path) -> str:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    return subprocess.run(
        ["git", *args], cwd=cwd, env=environment, capture_output=True, text=True, check=True
    ).stdout.strip()


class Runner:
    """One GitHub job: a workspace, a runner temp folder, the summary and output files."""

    def __init__(self, base: Path):
        self.workspace = base / "workspace"
        self.temp = base / "runner-temp"
        self.summary = base / "summary.md"
        self.output = base / "output.txt"
        self.temp.mkdir()
        for path in (self.summary, self.output):
            path.write_text("", encoding="utf-8")

    def step(self, name: str, **inputs: str) -> subprocess.CompletedProcess:
        environment = {
            **os.environ,
            "GITHUB_ACTIONS": "true",
            "GITHUB_STEP_SUMMARY": str(self.summary),
            "GITHUB_OUTPUT": str(self.output),
            "RUNNER_TEMP": str(self.temp),
            "NO_COLOR": "1",
        }
        environment.pop("GITHUB_BASE_REF", None)
        environment.update({f"INPUT_{key.upper()}": value for key, value in inputs.items()})
        return subprocess.run(
            [sys.executable, "-m", "journeyctl.ci.action", name],
            cwd=self.workspace,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )

    def outputs(self) -> dict[str, str]:
        lines = self.output.read_text(encoding="utf-8").splitlines()
        return dict(line.split("=", 1) for line in lines)


@pytest.fixture
def job(tmp_path) -> Runner:
    runner = Runner(tmp_path)
    shutil.copytree(ROOT / "maps", runner.workspace / "maps")
    shutil.copy(ROOT / ".journeyctl.yaml", runner.workspace / ".journeyctl.yaml")
    return runner


@pytest.mark.slow
def test_lint_step_annotates_writes_sarif_and_summary_and_defers_failure(job):
    bad = job.workspace / "maps" / "enterprise-laer.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("owner: csm\n", "owner: cms\n", 1), encoding="utf-8")
    done = job.step("lint", paths="maps", fail_on="error")
    assert done.returncode == 0, done.stderr  # the action fails in its last step, after everything is written
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert any(
        re.fullmatch(
            r"::error file=maps/enterprise-laer\.yaml,line=\d+,col=\d+,endLine=\d+,"
            r"title=JC101 unknown-reference,endColumn=\d+::unknown owner 'cms'.*",
            line,
        )
        for line in annotations
    ), annotations
    outputs = job.outputs()
    assert outputs["failed"] == "true" and outputs["errors"] == "1"
    sarif = json.loads(Path(outputs["sarif-file"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert [result["ruleId"] for result in sarif["runs"][0]["results"]] == ["JC101"]
    assert Path(outputs["sarif-file"]).parent == job.temp / "journeyctl"
    summary = job.summary.read_text(encoding="utf-8")
    assert summary.startswith("## journeyctl lint\n")
    assert "| ❌ error | `maps/enterprise-laer.yaml:" in summary and "JC101 unknown-reference" in summary


@pytest.mark.slow
def test_lint_step_on_clean_maps(job):
    done = job.step("lint", paths="maps")
    assert done.returncode == 0, done.stderr
    assert job.outputs() == {
        "sarif-file": str(job.temp / "journeyctl" / "journeyctl.sarif"),
        "errors": "0",
        "warnings": "0",
        "failed": "false",
    }
    assert "No problems found." in job.summary.read_text(encoding="utf-8")


@pytest.mark.slow
def test_lint_step_with_a_bad_path_fails_at_once(job):
    done = job.step("lint", paths="no-such-folder")
    assert done.returncode == 2
    assert "no such file or folder: no-such-folder" in done.stderr
    assert job.outputs() == {}


@pytest.mark.slow
@pytest.mark.parametrize("step", ["lint", "render"])
def test_paths_named_like_options_are_paths(job, step):
    """A map named `--output=victim.yaml` is linted, never taken as the option that overwrites victim.yaml."""
    victim = job.workspace / "victim.yaml"
    victim.write_text("precious: true\n", encoding="utf-8")
    shutil.move(job.workspace / "maps", job.workspace / "-maps")
    shutil.move(job.workspace / "-maps" / "smb-digital.yaml", job.workspace / "--output=victim.yaml")
    config = job.workspace / ".journeyctl.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("maps/", "-maps/"), encoding="utf-8")
    done = job.step(step, paths="--output=victim.yaml -maps")
    assert done.returncode == 0, done.stderr
    assert victim.read_text(encoding="utf-8") == "precious: true\n"
    if step == "lint":
        assert job.outputs()["errors"] == "0"
        sarif = json.loads(Path(job.outputs()["sarif-file"]).read_text(encoding="utf-8"))
        assert sarif["runs"][0]["results"] == []
    else:
        assert len(list(Path(job.outputs()["pdf-dir"]).rglob("*.pdf"))) == 4


@pytest.mark.slow
def test_diff_step_fetches_the_base_branch_and_writes_the_comment(job, tmp_path):
    workspace = job.workspace
    git("init", "-q", "-b", "main", cwd=workspace)
    git("add", ".", cwd=workspace)
    git("commit", "-q", "-m", "maps", cwd=workspace)
    origin = tmp_path / "origin.git"
    git("clone", "-q", "--bare", str(workspace), str(origin), cwd=tmp_path)
    git("remote", "add", "origin", str(origin), cwd=workspace)  # no origin/main yet: the step fetches it
    git("checkout", "-q", "-b", "feature", cwd=workspace)
    path = workspace / "maps" / "smb-digital.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: Setup reminder", "name: Finish your setup"), encoding="utf-8"
    )
    git("commit", "-q", "-am", "rename a touchpoint", cwd=workspace)

    done = job.step("diff", paths="maps", base_ref="main")
    assert done.returncode == 0, done.stderr
    outputs = job.outputs()
    assert outputs["changes"] == "1" and outputs["customer-facing"] == "1"
    comment = Path(outputs["diff-file"]).read_text(encoding="utf-8")
    assert comment.startswith(DIFF_MARKER)  # the sticky comment finds its earlier self by this line
    assert "Finish your setup" in comment
    summary = job.summary.read_text(encoding="utf-8")
    assert "Finish your setup" in summary and DIFF_MARKER not in summary


@pytest.mark.slow
def test_diff_step_outside_a_pull_request_does_nothing(job):
    done = job.step("diff", paths="maps")
    assert done.returncode == 0
    assert job.outputs() == {"diff-file": ""}
    assert job.summary.read_text(encoding="utf-8") == ""


@pytest.mark.slow
def test_render_step_writes_customer_pdfs(job):
    done = job.step("render", paths="maps")
    assert done.returncode == 0, done.stderr
    folder = Path(job.outputs()["pdf-dir"])
    pdfs = sorted(path.name for path in folder.rglob("*.pdf"))
    assert len(pdfs) == 4 and all((folder / name).read_bytes().startswith(b"%PDF") for name in pdfs)


def test_action_yml_runs_only_steps_that_exist_and_maps_only_outputs_they_set():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    steps = action["runs"]["steps"]
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    ran = {
        step["id"]: step["run"].split()[-1] for step in steps if "run" in step and "journeyctl.ci.action" in step["run"]
    }
    assert ran == {"lint": "lint", "diff": "diff", "render": "render"}
    for step_id, name in re.findall(r"steps\.(\w+)\.outputs\.([\w-]+)", text):
        assert name in OUTPUTS[ran[step_id]], (step_id, name)
    declared = set(action["inputs"])
    assert set(re.findall(r"inputs\.([\w-]+)", text)) == declared
    for step in steps:  # inputs reach scripts through env, never pasted into shell text
        assert "${{" not in step.get("run", "")


def test_example_workflow_uses_the_action_with_inputs_it_declares():
    workflow = yaml.safe_load((ROOT / "examples" / "github-workflow.yml").read_text(encoding="utf-8"))
    declared = set(yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))["inputs"])
    (uses,) = [step for step in workflow["jobs"]["journeyctl"]["steps"] if "journeyctl" in step.get("uses", "")]
    assert set(uses["with"]) <= declared
    assert workflow["permissions"]["pull-requests"] == "write"


def test_every_step_that_runs_journeyctl_is_bounded_by_timeout_minutes():
    """GitHub refuses timeout-minutes on a composite action's steps, so each step passes the input on."""
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["inputs"]["timeout-minutes"]["default"] == "10"
    for step in action["runs"]["steps"]:
        assert "timeout-minutes" not in step  # "Unexpected value 'timeout-minutes'": the action would not load
        if "journeyctl.ci.action" in step.get("run", ""):
            assert step["env"]["INPUT_TIMEOUT_MINUTES"] == "${{ inputs.timeout-minutes }}", step["name"]


@pytest.mark.slow
@pytest.mark.parametrize("minutes", ["0.0001", "0", "soon"])
def test_a_step_past_its_timeout_is_stopped_and_fails_with_one_line(job, minutes):
    done = job.step("render", paths="maps", timeout_minutes=minutes)  # 6 ms: no render finishes in that
    assert done.returncode == 2
    (line,) = done.stdout.splitlines()
    assert line.startswith("::error::") and "timeout-minutes" in line
    assert "Traceback" not in done.stderr
    assert not list((job.temp / "journeyctl").rglob("*.pdf"))
