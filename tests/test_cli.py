"""The command line as a user meets it: through Typer's runner, and through the installed script."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app
from journeyctl.loading import load_text

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
SCRIPT = Path(sys.executable).with_name("journeyctl")
runner = CliRunner()


def run_installed(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, **(env or {})}
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, cwd=cwd, env=environment, timeout=60)


def test_lint_valid_map_exits_0_with_a_summary():
    result = runner.invoke(app, ["lint", str(CASES / "valid" / "spec-example.yaml")])
    assert result.exit_code == 0, result.output
    assert "1 file checked: 0 errors, 0 warnings, 0 infos" in result.output


def test_lint_reports_path_line_column_severity_message():
    case = CASES / "invalid" / "unknown-field-did-you-mean.yaml"
    result = runner.invoke(app, ["lint", str(case)])
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first == f"{case}:45:5: error unknown field 'touchpoint' (did you mean 'touchpoints'?) [JC010 unknown-field]"


def test_installed_script_reports_every_hostile_file_without_a_traceback():
    files = sorted(
        str(path)
        for path in (CASES / "invalid").glob("*.yaml")
        if not path.with_suffix(".expected").read_text().startswith("args:")
    )
    result = run_installed("lint", *files)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == ""
    reported = {line.split(":", 1)[0] for line in result.stdout.splitlines()[:-1]}
    assert reported == set(files)


def test_python_dash_m_runs_the_same_cli():
    result = subprocess.run([sys.executable, "-m", "journeyctl", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("journeyctl ")


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["lint", "no/such/map.yaml"], "no such file or folder: no/such/map.yaml"),
        (["lint", "--bogus", "maps"], "No such option: --bogus"),
        (["lint"], "Missing argument"),
        (["lint", "--max-file-bytes", "lots", "maps"], "Invalid value for '--max-file-bytes'"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args, fragment):
    result = run_installed(*args, cwd=ROOT)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and fragment in lines[0], result.stderr
    assert lines[0].startswith("journeyctl: error: ")


def _run_in_terminal(*args: str, env: dict) -> str:
    """Run the installed script with a pseudo-terminal as its output, and return what it printed."""
    parent, child = pty.openpty()
    environment = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")}
    process = subprocess.Popen([str(SCRIPT), *args], stdout=child, stderr=child, env={**environment, **env})
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(parent, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(parent)
    return b"".join(chunks).decode()


def test_colour_on_a_terminal_plain_when_piped_or_no_color():
    case = str(CASES / "invalid" / "emotion-out-of-range.yaml")
    assert "\x1b[" in _run_in_terminal("lint", case, env={"TERM": "xterm-256color"})
    assert "\x1b[" not in _run_in_terminal("lint", case, env={"TERM": "xterm-256color", "NO_COLOR": "1"})
    assert "\x1b[" not in run_installed("lint", case).stdout


def test_schema_command_prints_the_committed_schema():
    result = run_installed("schema")
    assert result.returncode == 0
    committed = (ROOT / "schema" / "journeyctl.schema.json").read_text()
    assert result.stdout == committed, "schema/journeyctl.schema.json is stale: run `make schema`"
    schema = json.loads(committed)
    assert schema["$defs"]["Touchpoint"]["properties"]["channel"]["enum"][0] == "email"


def test_schema_output_file(tmp_path):
    target = tmp_path / "schema" / "journeyctl.schema.json"  # as the README says, in a new repository
    result = runner.invoke(app, ["schema", "--output", str(target)])
    assert result.exit_code == 0
    assert json.loads(target.read_text())["title"].startswith("journeyctl map file")


def test_an_output_that_cannot_be_written_is_a_usage_error(tmp_path):
    (tmp_path / "taken").write_text("a file where a folder should be")
    for command in (["schema", "--output"], ["lint", str(CASES / "valid" / "spec-example.yaml"), "--write-baseline"]):
        result = run_installed(*command, str(tmp_path / "taken" / "out.json"))
        assert result.returncode == 2
        assert result.stderr.startswith("journeyctl: error: cannot write ") and "internal error" not in result.stderr


def test_init_writes_a_laer_map_that_lints_clean_and_never_overwrites(tmp_path):
    result = run_installed("init", "acme-onboarding", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "acme-onboarding.yaml"
    text = written.read_text()
    assert text.startswith("# yaml-language-server: $schema=")
    assert "id: acme-onboarding" in text
    assert [line.split(": ")[1] for line in text.splitlines() if line.startswith("    stage: ")] == [
        "land",
        "adopt",
        "expand",
        "renew",
    ]
    linted = run_installed("lint", str(written))
    assert linted.returncode == 0, linted.stdout
    assert run_installed("fmt", "--check", str(written)).returncode == 0  # already in canonical form
    assert "segment:" not in text.replace("# segment:", "")  # customer-facing: not made up from the id
    assert "points into this installation" in result.stdout  # no repository schema: the line is machine-local

    written.write_text("journeyctl: 1\n# edited by hand\n")
    again = run_installed("init", "acme-onboarding", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr
    assert written.read_text() == "journeyctl: 1\n# edited by hand\n"


def test_init_points_the_editor_at_the_repository_schema(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "journeyctl.schema.json").write_text("{}")
    (tmp_path / "maps").mkdir()
    result = run_installed("init", "maps/renewals.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    first_line = (tmp_path / "maps" / "renewals.yaml").read_text().splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schema/journeyctl.schema.json"


def test_init_uses_the_configured_catalog_instead_of_repeating_its_definitions(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "catalog.yaml").write_text(
        "journeyctl: 1\nkind: catalog\nowners:\n  - id: csm\n    name: Your CSM\n"
        "personas:\n  - id: champion\n    name: Dana\n"
    )
    (tmp_path / ".journeyctl.yaml").write_text("catalogs: [maps/catalog.yaml]\n")
    assert run_installed("init", "maps/renewals.yaml", cwd=tmp_path).returncode == 0
    text = (tmp_path / "maps" / "renewals.yaml").read_text()
    assert "  - id: cs-ops\n" in text  # not in the catalog: defined in the map
    assert "  - id: csm\n" not in text and "personas:\n  - id: champion" not in text
    linted = run_installed("lint", "maps/", cwd=tmp_path)
    assert linted.returncode == 0 and "0 errors, 0 warnings" in linted.stdout, linted.stdout


@pytest.mark.parametrize("title", ['Acme #1: "onboarding"', "Internal: draft", "[beta] *plan*", "2026", "yes", "a\nb"])
def test_init_title_is_written_as_text_whatever_it_holds(tmp_path, title):
    assert run_installed("init", "t", "--title", title, cwd=tmp_path).returncode == 0
    shown = run_installed("lint", "t.yaml", "--format", "json", cwd=tmp_path)
    assert all(finding["code"] == "JC212" for finding in json.loads(shown.stdout)), (
        shown.stdout
    )  # "Internal" is flagged
    path = tmp_path / "t.yaml"
    map_file, _ = load_text(str(path), path.read_text())
    assert map_file.model.title == title


def test_init_rejects_a_bad_id(tmp_path):
    result = run_installed("init", "Acme Onboarding", cwd=tmp_path)
    assert result.returncode == 2
    assert "lowercase letters, digits and dashes" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_fifo_named_as_a_map_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "map.yaml"
    os.mkfifo(fifo)
    result = run_installed("lint", str(fifo))
    assert result.returncode == 1
    assert f"{fifo}:1:1: error not a regular file" in result.stdout


def test_empty_and_comment_only_files_in_a_folder_are_skipped_with_a_note_but_refused_when_named(tmp_path):
    (tmp_path / "empty.yaml").write_text("")
    (tmp_path / "comments.yaml").write_text("# nothing here yet\n")
    (tmp_path / "catalog.yaml").write_text("journeyctl: 1\nkind: catalog\n")
    in_folder = run_installed("lint", str(tmp_path))
    assert in_folder.returncode == 0
    assert in_folder.stdout.count("info skipped: not a journeyctl map") == 2
    named = run_installed("lint", str(tmp_path / "empty.yaml"))
    assert named.returncode == 1 and "[JC005 not-a-map-file]" in named.stdout


def test_a_folder_that_cannot_be_listed_is_a_usage_error_when_named_and_a_note_below():
    """Named, it must not pass as a folder without maps (CI would go green); below, it is noted."""
    prefix = []
    if os.geteuid() == 0:  # root reads any folder: run as nobody, as a CI user would be
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        if (
            not shutil.which("setpriv")
            or subprocess.run([*prefix, str(SCRIPT), "--version"], capture_output=True).returncode != 0
        ):
            pytest.skip("running as root, and nobody cannot run this installation")
    with tempfile.TemporaryDirectory() as name:  # pytest's tmp_path is private to root
        base = Path(name)
        base.chmod(0o755)
        locked = base / "maps" / "locked"
        locked.mkdir(parents=True)
        locked.chmod(0)

        def lint(path):
            return subprocess.run(
                [*prefix, str(SCRIPT), "lint", str(path)], capture_output=True, text=True, timeout=60, cwd=base
            )

        named, below = lint(locked), lint(base / "maps")
        locked.chmod(0o755)
    assert named.returncode == 2, named.stdout + named.stderr
    assert named.stderr.strip() == f"journeyctl: error: cannot read folder {locked}: Permission denied"
    assert below.returncode == 0, below.stdout + below.stderr
    assert f"{locked}:1:1: info skipped: this folder cannot be read [JC006 skipped-file]" in below.stdout


def test_a_megabyte_of_letters_in_customer_text_does_not_hang_the_email_check(tmp_path):
    """A hang guard, not a speed test: the old pattern needed about half an hour for this file."""
    path = tmp_path / "long.yaml"
    path.write_text("journeyctl: 1\nkind: journey\nid: long\ntitle: " + "x" * 1_000_000 + "@host\n")
    result = run_installed("lint", str(path))  # times out after 60 s
    assert result.returncode == 0, result.stdout


def test_a_file_with_thousands_of_problems_lists_a_hundred_and_counts_the_rest(tmp_path):
    path = tmp_path / "keys.yaml"
    path.write_text(
        "journeyctl: 1\nkind: journey\nid: keys\ntitle: Keys\n" + "".join(f"k{i}: {i}\n" for i in range(20_000))
    )
    result = run_installed("lint", str(path), "--format", "json")
    findings = json.loads(result.stdout)
    assert len(findings) == 101 and all(finding["code"] == "JC010" for finding in findings)
    assert findings[99]["message"].startswith("unknown field 'k99'")
    assert findings[100]["line"] == 105 and findings[100]["message"].startswith("19,900 more problems like these")


def test_one_long_text_repeated_by_aliases_is_refused_before_any_render(tmp_path):
    """Few nodes, many bytes: 11 aliases of a 100,000-character text would be 1.1 MB in every render."""
    touchpoints = "".join(
        f"      - id: t{i}\n        name: T{i}\n        channel: email\n        owner: o\n"
        f"        customer_view: {'&view ' + 'x' * 100_000 if i == 0 else '*view'}\n"
        for i in range(12)
    )
    path = tmp_path / "aliases.yaml"
    path.write_text(
        "journeyctl: 1\nkind: journey\nid: aliases\ntitle: Aliases\nphases:\n  - id: p\n    name: P\n"
        f"    touchpoints:\n{touchpoints}"
    )
    result = run_installed("render", str(path), "--format", "md", "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and not (tmp_path / "out").exists()
    assert (
        "aliases repeat more than 1,000,000 characters of text (an alias bomb?) [JC003 unsupported-yaml]"
        in result.stderr
    )


def test_output_to_a_device_or_through_a_symlink_writes_there_and_replaces_neither(tmp_path):
    case = str(CASES / "invalid" / "duplicate-key.yaml")
    piped = run_installed("lint", case, "--format", "json", "--output", "/dev/stdout")
    assert json.loads(piped.stdout)[0]["code"] == "JC004"  # a rename would have replaced the device
    log = tmp_path / "log.txt"
    log.write_text("earlier lines\n")
    with open(log, "a") as stdout:  # `-o /dev/stdout >> log.txt`: stdout is a regular file
        subprocess.run([str(SCRIPT), "lint", case, "--format", "json", "--output", "/dev/stdout"], stdout=stdout)
    assert log.read_text().startswith("earlier lines\n[") and not (tmp_path / "dev").exists()
    (tmp_path / "link.json").symlink_to(tmp_path / "real.json")
    run_installed("lint", case, "--format", "json", "--output", str(tmp_path / "link.json"))
    assert (tmp_path / "link.json").is_symlink() and json.loads((tmp_path / "real.json").read_text())


@pytest.mark.parametrize(
    "contents",
    [{}, {"notes.yaml": "todo: write the maps\n", "empty.yml": "", "a.txt": "x\n"}],
    ids=["empty folder", "folder of YAML that is not a map"],
)
@pytest.mark.parametrize(
    "command",
    [["lint"], ["fmt"], ["fmt", "--check"], ["render", "--out", "{out}"], ["diff", "{maps}"], ["diff", "main", "--"]],
)
def test_a_path_that_matches_no_map_is_a_usage_error_naming_it(tmp_path, monkeypatch, command, contents):
    """Every command expands paths in one place (loading.discover); none may pass having checked nothing."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    for name, text in contents.items():
        (scratch / name).write_text(text)
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "catalog.yaml").write_text("journeyctl: 1\nkind: catalog\n")
    subprocess.run(["git", "init", "-q", "-b", "main", str(tmp_path)], check=True)
    subprocess.run(
        [
            "git",
            "-C",
            str(tmp_path),
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            "start",
        ],
        check=True,
    )
    monkeypatch.chdir(tmp_path)
    args = [part.format(out=tmp_path / "out", maps="maps") for part in command]
    result = runner.invoke(app, [*args, "scratch"])
    assert result.exit_code == 2, result.output
    assert "journeyctl: error: no journey maps in scratch" in result.output
    assert not (tmp_path / "out").exists()
