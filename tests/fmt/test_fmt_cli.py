"""`journeyctl fmt` as a user meets it: writing, --check, --diff, refusals, file modes."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

from typer.testing import CliRunner

from journeyctl.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
MESSY = Path(__file__).resolve().parent / "messy"
EXPECTED = Path(__file__).resolve().parent / "expected"
runner = CliRunner()


def copy_messy(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    return [Path(shutil.copy(path, folder / path.name)) for path in sorted(MESSY.glob("*.yaml"))]


def test_check_passes_on_the_example_maps():
    result = runner.invoke(app, ["fmt", "--check", str(ROOT / "maps")])
    assert result.exit_code == 0, result.output
    assert "0 files would be reformatted, 5 files already formatted" in result.stderr


def test_fmt_rewrites_files_in_place_and_then_has_nothing_to_do(tmp_path):
    files = copy_messy(tmp_path / "maps")
    result = runner.invoke(app, ["fmt", str(tmp_path / "maps")])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"reformatted {path}" for path in files]
    for path in files:
        assert path.read_text(encoding="utf-8") == (EXPECTED / path.name).read_text(encoding="utf-8")
    again = runner.invoke(app, ["fmt", "--check", str(tmp_path / "maps")])
    assert again.exit_code == 0 and again.stdout == ""


def test_check_lists_the_files_that_would_change_exits_1_and_writes_nothing(tmp_path):
    files = copy_messy(tmp_path / "maps")
    shutil.copy(ROOT / "maps" / "smb-digital.yaml", tmp_path / "maps")
    result = runner.invoke(app, ["fmt", "--check", str(tmp_path / "maps")])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"would reformat {path}" for path in files]
    assert f"{len(files)} files would be reformatted, 1 file already formatted" in result.stderr
    for path in files:
        assert path.read_bytes() == (MESSY / path.name).read_bytes()


def test_diff_shows_the_change_as_a_unified_diff_and_writes_nothing(tmp_path):
    (path,) = [file for file in copy_messy(tmp_path) if file.name == "flow-style.yaml"]
    result = runner.invoke(app, ["fmt", "--diff", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[:2] == [f"--- {path}", f"+++ {path} (formatted)"]
    assert (
        "-{journeyctl: 1, kind: journey, id: flow-style, title: 'Flow style', summary: \"Written in flow style, "
        'with quotes that are not needed.",' in lines
    )
    assert "+title: Flow style" in lines and "+        personas: [champion]" in lines
    assert f"would reformat {path}" in result.stderr  # stdout stays a clean patch
    assert path.read_bytes() == (MESSY / path.name).read_bytes()


def test_an_invalid_file_is_reported_like_lint_and_never_touched(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("journeyctl: 1\nkind: journey\nid: x\ntitle: [unclosed\n", encoding="utf-8")
    invalid = tmp_path / "invalid.yaml"
    invalid.write_text("journeyctl: 1\nkind:   journey\nid: x\ntitle: T\nphases:\n  - {id: a}\n", encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text("kind: catalog\njourneyctl: 1\n", encoding="utf-8")
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in (broken, invalid)}
    result = runner.invoke(app, ["fmt", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{broken}:4:8: error unclosed '['" in result.stderr and "[JC002 yaml-syntax]" in result.stderr
    assert f"{invalid}:6:5: error missing required field 'name' in phases[a] [JC011 missing-field]" in result.stderr
    assert "Traceback" not in result.output
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in (broken, invalid)} == before
    assert good.read_text(encoding="utf-8") == "journeyctl: 1\nkind: catalog\n"  # the good one is still formatted
    assert "1 file reformatted, 0 files already formatted, 2 files not formatted (problems above)" in result.stderr


def test_a_yaml_file_that_is_not_a_map_is_skipped_in_a_folder_and_refused_when_named(tmp_path):
    other = tmp_path / "workflow.yml"
    other.write_text("on: {push: {}}\njobs: {}\n", encoding="utf-8")
    (tmp_path / "catalog.yaml").write_text("journeyctl: 1\nkind: catalog\n", encoding="utf-8")  # a folder of maps
    in_folder = runner.invoke(app, ["fmt", str(tmp_path)])
    assert in_folder.exit_code == 0 and other.read_text(encoding="utf-8") == "on: {push: {}}\njobs: {}\n"
    named = runner.invoke(app, ["fmt", str(other)])
    assert named.exit_code == 1 and "[JC005 not-a-map-file]" in named.stderr


def test_file_mode_is_kept_and_a_symlink_stays_a_link(tmp_path):
    (path, *_) = copy_messy(tmp_path)
    path.chmod(0o640)
    link = tmp_path / "link.yaml"
    target = tmp_path / "target.yaml"
    shutil.copy(MESSY / "flow-style.yaml", target)
    target.chmod(0o604)
    link.symlink_to(target.name)
    result = runner.invoke(app, ["fmt", str(path), str(link)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert link.is_symlink() and stat.S_IMODE(target.stat().st_mode) == 0o604
    assert target.read_text(encoding="utf-8") == (EXPECTED / "flow-style.yaml").read_text(encoding="utf-8")
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]


def test_a_file_that_cannot_be_written_is_a_problem_not_a_traceback(tmp_path, monkeypatch):
    import errno

    from journeyctl.fmt import run

    def disk_full(path, content, **options):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(run, "write_atomic", disk_full)
    (path, *_) = copy_messy(tmp_path)
    result = runner.invoke(app, ["fmt", str(path)])
    assert result.exit_code == 1
    assert f"{path}:1:1: error cannot write file: No space left on device [JC001 unreadable-file]" in result.stderr
    assert path.read_bytes() == (MESSY / path.name).read_bytes()


def test_a_missing_path_is_a_usage_error():
    result = runner.invoke(app, ["fmt", "no-such-folder"])
    assert result.exit_code == 2
    assert "no such file or folder: no-such-folder" in result.stderr


def test_a_map_over_fmts_size_limit_is_refused_before_any_work_and_left_alone(tmp_path):
    from journeyctl.fmt.run import FMT_MAX_BYTES

    big = tmp_path / "big.yaml"
    # valid, and lint reads it: a long summary written plain, under the loader's limit
    big.write_text(
        "journeyctl: 1\nkind: journey\nid: big\ntitle: 'Big'\nsummary: " + "word " * (FMT_MAX_BYTES // 5) + "\n",
        encoding="utf-8",
    )
    before = big.read_bytes()
    result = runner.invoke(app, ["fmt", str(big)])
    assert result.exit_code == 1
    assert (
        f"{big}:1:1: error not formatted: the file is {len(before):,} bytes, over fmt's limit of {FMT_MAX_BYTES:,}"
    ) in result.stderr
    assert big.read_bytes() == before
    assert runner.invoke(app, ["lint", str(big)]).exit_code == 0
