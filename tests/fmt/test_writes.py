"""How fmt (and every output, through journeyctl.fileio) replaces a file: as a plain write would.

Read-only files, owners, hard links and saves made meanwhile are respected; a process stopped
in the middle of a write leaves no temporary file, and one killed outright has its leftovers
removed by the next run. The signals are real, sent to a real journeyctl process.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app
from journeyctl.fmt import run as fmt_run

ROOT = Path(__file__).resolve().parents[2]
MESSY = Path(__file__).resolve().parent / "messy" / "flow-style.yaml"
runner = CliRunner()


@pytest.fixture
def messy(tmp_path) -> Path:
    return Path(shutil.copy(MESSY, tmp_path / "map.yaml"))


def _fmt(*paths: Path):
    return runner.invoke(app, ["fmt", *map(str, paths)])


def _temporaries(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith(".journeyctl-"))


def test_a_read_only_map_is_refused_even_for_root(messy):
    messy.chmod(0o444)
    result = _fmt(messy)
    assert result.exit_code == 1
    assert f"{messy}:1:1: error cannot write file: it is read-only [JC001 unreadable-file]" in result.stderr
    assert messy.read_bytes() == MESSY.read_bytes() and stat.S_IMODE(messy.stat().st_mode) == 0o444


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_the_owner_and_group_are_kept(messy):
    os.chown(messy, 4321, 8765)
    messy.chmod(0o664)
    assert _fmt(messy).exit_code == 0
    status = messy.stat()
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (4321, 8765, 0o664)
    assert messy.read_bytes() != MESSY.read_bytes()


def test_a_hard_linked_map_is_refused_and_both_names_keep_one_file(messy, tmp_path):
    other = tmp_path / "other-name.yaml"
    os.link(messy, other)
    result = _fmt(messy)
    assert result.exit_code == 1
    assert "cannot write file: it has 2 hard links, which a rewrite would split" in result.stderr
    assert messy.stat().st_ino == other.stat().st_ino and messy.read_bytes() == MESSY.read_bytes()


def _saving_meanwhile(monkeypatch, path: Path, content: bytes, keep_mtime: bool) -> None:
    """Another editor saves `path` while fmt is formatting it."""
    real = fmt_run.format_text

    def format_then_someone_saves(*args, **kwargs):
        result = real(*args, **kwargs)
        before = path.stat()
        path.write_bytes(content)
        if keep_mtime:  # a save within the same clock tick: only the content tells
            os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        return result

    monkeypatch.setattr(fmt_run, "format_text", format_then_someone_saves)


@pytest.mark.parametrize("keep_mtime", [False, True], ids=["new-mtime", "same-mtime-and-size"])
def test_a_save_made_while_fmt_formats_is_never_overwritten(monkeypatch, messy, keep_mtime):
    saved = MESSY.read_bytes().replace(b"Written in flow style", b"Written in flow STYLE")
    assert len(saved) == len(MESSY.read_bytes())
    _saving_meanwhile(monkeypatch, messy, saved, keep_mtime)
    result = _fmt(messy)
    assert result.exit_code == 1
    assert "cannot write file: it changed since it was read; nothing was written (run again)" in result.stderr
    assert messy.read_bytes() == saved
    assert _temporaries(messy.parent) == []


# A real journeyctl process that receives `signal_name` after it has written the whole
# temporary file and before it renames it: the latest moment, with the most on disk.
_STOPPED_WHILE_WRITING = """
import os, signal, sys
from journeyctl.cli.app import app

signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal (a background job inherits it ignored)
rename = os.replace
def replace(source, target):
    os.kill(os.getpid(), signal.{signal_name})
    rename(source, target)
os.replace = replace
app(sys.argv[1:], prog_name="journeyctl")
"""


def _run_stopped(signal_name: str, *arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", _STOPPED_WHILE_WRITING.format(signal_name=signal_name), *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGINT"])
def test_fmt_stopped_by_a_signal_removes_its_temporary_file_and_leaves_the_map_whole(messy, signal_name):
    process = _run_stopped(signal_name, "fmt", str(messy), cwd=messy.parent)
    assert process.returncode != 0, process.stderr
    if signal_name == "SIGTERM":
        assert process.returncode == -signal.SIGTERM  # it still ends as the signal ends a process
    assert _temporaries(messy.parent) == []
    assert messy.read_bytes() == MESSY.read_bytes()


def test_render_stopped_by_sigterm_removes_its_temporary_file(tmp_path):
    out = tmp_path / "out"
    process = _run_stopped("SIGTERM", "render", str(ROOT / "maps"), "--format", "md", "--out", str(out), cwd=tmp_path)
    assert process.returncode == -signal.SIGTERM, process.stderr
    assert out.is_dir() and _temporaries(out) == []


def test_what_a_killed_run_left_is_removed_by_the_next_and_nothing_else(messy, tmp_path):
    process = _run_stopped("SIGKILL", "fmt", str(messy), cwd=tmp_path)
    assert process.returncode == -signal.SIGKILL
    (left,) = _temporaries(tmp_path)
    assert re.fullmatch(r"\.journeyctl-[0-9]+-[a-z0-9_]{8}\.tmp", left) and (tmp_path / left).stat().st_size > 1000
    # not ours to remove: a live process's temporary file, and names that only look alike
    kept = [f".journeyctl-{os.getpid()}-abcd1234.tmp", ".journeyctl-notours.tmp", ".journeyctl-1-abcd1234.tmp.bak"]
    for name in kept:
        (tmp_path / name).write_text("someone's")
    assert _fmt(messy).exit_code == 0
    assert _temporaries(tmp_path) == sorted(kept)
    assert messy.read_bytes() != MESSY.read_bytes()
