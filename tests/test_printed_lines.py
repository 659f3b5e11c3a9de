"""Every line any command prints, on stdout or stderr, is printable, and under GitHub Actions none is
a workflow command that journeyctl did not mean: file names and map text are hostile input."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).with_name("journeyctl")
# A new line that the runner would obey, a terminal title and screen wipe, bytes that are not UTF-8.
HOSTILE_NAMES = [b"evil\n::error::forged.yaml", b"esc\x1b]0;PWNED\x07\x1b[2J.yaml", b"caf\xe9 ##[add-mask]x\r.yaml"]
OUR_ANNOTATION = re.compile(r"::(error|warning|notice) file=[^:]*,line=\d+,col=\d+,endLine=\d+,title=[^:]*::.*")


def hostile_map(number: int) -> bytes:
    text = (ROOT / "maps" / "smb-digital.yaml").read_text(encoding="utf-8")
    text = text.replace("id: smb-digital", f"id: hostile-{number}", 1)
    text = text.replace("title: Small business journey", 'title: "Evil \\e[31m red \\a bell \\x9b2J"', 1)
    text = text.replace(
        "customer_view: >-\n          You get four",
        "customer_view: |-\n          ::add-mask::secret\n          ##[error]forged\n          You get four",
        1,
    )
    return text.encode("utf-8")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    for folder in ("maps", "old"):
        shutil.copytree(ROOT / "maps", tmp_path / folder)
        for number, name in enumerate(HOSTILE_NAMES):
            content = hostile_map(number)
            if folder == "old":
                content = content.replace(b"bell", b"bells")
            with open(os.path.join(os.fsencode(tmp_path / folder), name), "wb") as stream:
                stream.write(content)
    return tmp_path


def hostile(number: int) -> str:
    return os.path.join("maps", os.fsdecode(HOSTILE_NAMES[number]))


COMMANDS = [
    *[
        ["lint", "maps", "--today", "2027-06-01", "--format", fmt]
        for fmt in ("text", "github", "json", "sarif", "junit", "markdown")
    ],
    ["lint", hostile(0), hostile(1), hostile(2), "--select", "nothing-like-this"],  # a usage error naming them
    *[["diff", "old", "maps", "--format", fmt] for fmt in ("text", "markdown", "json")],
    ["render", hostile(0), "--format", "md", "--out", "-"],
    ["render", hostile(1), "--format", "md", "--audience", "customer", "--out", "-"],
    ["render", "maps", "--format", "md", "--out", "rendered"],
    ["fmt", "--check", "maps"],
    ["fmt", "--diff", "maps"],
    ["fmt", "maps"],
    ["rules", "JC005"],
    ["export", "maps", "--out", "maps.xlsx"],
    ["export", hostile(1), "--audience", "customer", "--out", "customer.csv"],
]


def check_lines(output: bytes, where: str) -> None:
    text = output.decode("utf-8")  # strictly: no byte of a name that is not UTF-8
    for line in text.split("\n"):
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", line), (where, line)
        if line.lstrip().startswith("::"):
            assert OUR_ANNOTATION.fullmatch(line), (where, line)  # the runner reads it as ours, and only that
        else:
            assert "##[" not in line, (where, line)  # the older form, read anywhere in a line


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(a for a in args if "/" not in a)[:40])
def test_every_line_printed_is_printable_and_no_forged_workflow_command(workspace, args):
    environment = {**os.environ, "GITHUB_ACTIONS": "true"}
    environment.pop("NO_COLOR", None)
    done = subprocess.run([str(SCRIPT), *args], cwd=workspace, env=environment, capture_output=True, timeout=300)
    assert done.returncode in (0, 1, 2) and b"Traceback" not in done.stderr, done.stderr
    check_lines(done.stdout, "stdout")
    check_lines(done.stderr, "stderr")
    assert done.stdout or done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("step", ["lint", "render"])
def test_the_action_steps_print_no_forged_workflow_command(workspace, step, tmp_path_factory):
    temp = tmp_path_factory.mktemp("runner")
    environment = {
        **os.environ,
        "GITHUB_ACTIONS": "true",
        "RUNNER_TEMP": str(temp),
        "INPUT_PATHS": "maps",
        "GITHUB_STEP_SUMMARY": str(temp / "summary.md"),
        "GITHUB_OUTPUT": str(temp / "output"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "journeyctl.ci.action", step],
        cwd=workspace,
        env=environment,
        capture_output=True,
        timeout=300,
    )
    assert b"Traceback" not in done.stderr, done.stderr
    check_lines(done.stdout, "stdout")
    check_lines(done.stderr, "stderr")
