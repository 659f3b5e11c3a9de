"""Revisions read with git itself, on a repository made in the test (`git init`), never on this one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app

CASES = Path(__file__).resolve().parent / "cases"
SCRIPT = Path(sys.executable).with_name("journeyctl")
runner = CliRunner()

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "t@example.com",
    "NO_COLOR": "1",
}


def git(repo: Path, *args: str, input_text: str | None = None) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, env={**os.environ, **GIT_ENV}, input=input_text
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def commit_case(repo: Path, case: str, version: str, message: str) -> None:
    shutil.copy(CASES / case / f"{version}.yaml", repo / "maps" / "onboarding.yaml")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """Two commits: the base map, then the kickoff touchpoint moved to another phase."""
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    repo = tmp_path / "repo"
    (repo / "maps").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    (repo / "notes.yaml").write_text("not: a map\n")  # a YAML file that is not a map: ignored
    commit_case(repo, "move-between-phases", "old", "base")
    commit_case(repo, "move-between-phases", "new", "move kickoff")
    monkeypatch.chdir(repo)
    return repo


def changes_of(*args: str) -> list[dict]:
    result = runner.invoke(app, ["diff", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_two_commits_give_one_move(repo: Path):
    changes = changes_of("main~1..main")
    assert [(c["kind"], c["path"], c["old"], c["new"]) for c in changes] == [
        ("moved", "phases/adopt/touchpoints/kickoff", "land", "adopt")
    ]
    assert changes[0]["file"] == "main:maps/onboarding.yaml"


def test_one_revision_compares_the_working_tree(repo: Path):
    assert changes_of("HEAD") == []
    shutil.copy(CASES / "field-change" / "new.yaml", repo / "maps" / "onboarding.yaml")
    kinds = {(c["kind"], c["path"]) for c in changes_of("HEAD~1")}
    assert kinds == {("changed", "phases/land/touchpoints/kickoff/customer_view")}
    new_file = repo / "maps" / "added.yaml"  # untracked: compared when named, or once git tracks it
    new_file.write_text((CASES / "single-file-without-catalog" / "new.yaml").read_text())
    assert ("added", "") not in {(c["kind"], c["path"]) for c in changes_of("HEAD")}
    assert ("added", "") in {(c["kind"], c["path"]) for c in changes_of("HEAD", "--", "maps")}
    git(repo, "add", "maps/added.yaml")
    assert ("added", "") in {(c["kind"], c["path"]) for c in changes_of("HEAD")}


def test_paths_limit_the_comparison(repo: Path):
    (repo / "other").mkdir()
    shutil.copy(CASES / "single-file-without-catalog" / "old.yaml", repo / "other" / "renewal.yaml")
    assert changes_of("HEAD", "--", "maps") == []
    assert [c["kind"] for c in changes_of("HEAD", "--", "other")] == ["added"]


def test_rev_colon_path_names_one_file(repo: Path):
    changes = changes_of("main~1:maps/onboarding.yaml", "maps/onboarding.yaml")
    assert [c["kind"] for c in changes] == ["moved"]


def test_three_dots_start_from_the_merge_base(repo: Path):
    git(repo, "checkout", "-q", "-b", "topic", "main~1")
    commit_case(repo, "rename", "new", "rename kickoff")
    # main..topic would also undo main's move; main...topic is only what topic did
    assert {c["kind"] for c in changes_of("main...topic")} == {"renamed"}
    assert "moved" in {c["kind"] for c in changes_of("main..topic")}


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["no-such-branch"], "unknown revision or path 'no-such-branch'"),
        (["main", "feture"], "unknown revision or path 'feture'"),  # a mistyped branch is not a path filter
        (["main..nope"], "unknown revision 'nope'"),
        (["nope", "--", "maps"], "unknown revision 'nope'"),
        (["main", "main~1", "main~1"], "give one revision, two (A B), or one range"),
        (["main~1..main", "main"], "give one revision, two (A B), or one range"),
        (["--", "-rf"], "with nothing before '--', give two files or folders after it"),
        (["main", "--", "no-such-folder"], "no journey maps in no-such-folder"),
        (["main", "--", "--output=x"], "no journey maps in --output=x"),  # after --, a path: never an option
        (["main", "notes.yaml"], "no journey maps in notes.yaml"),  # YAML, but no map on either side
        (["main", "main~1", "--", "notes.yaml"], "no journey maps in notes.yaml"),
        (["main", "--", "../outside"], "outside the repository"),
    ],
)
def test_bad_revisions_and_paths_are_usage_errors(repo: Path, args, fragment):
    result = runner.invoke(app, ["diff", *args])
    assert result.exit_code == 2, result.output
    assert fragment in result.output
    assert "Traceback" not in result.output


def test_outside_a_repository_is_a_usage_error(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["diff", "main"])
    assert result.exit_code == 2
    assert "not a git repository" in result.output


def test_invalid_map_at_a_revision_is_a_problem_with_its_revision(repo: Path):
    commit_case(repo, "invalid-new-side", "new", "break it")
    result = runner.invoke(app, ["diff", "main~1..main"])
    assert result.exit_code == 1
    assert "main:maps/onboarding.yaml:90:9: error unknown field 'timming'" in result.output


def test_plain_git_diff_uses_the_driver(repo: Path):
    """The documented setup: git config diff.journeyctl.command + a .gitattributes line."""
    (repo / ".gitattributes").write_text("maps/*.yaml diff=journeyctl\n")
    git(repo, "config", "diff.journeyctl.command", f"{SCRIPT} diff --git-driver --")
    output = git(repo, "diff", "main~1", "main", "--", "maps")
    assert "touchpoint kickoff moved from phase land to adopt" in output
    assert "@@" not in output  # the semantic view, not the line diff

    shutil.copy(repo / "maps" / "onboarding.yaml", repo / "maps" / "-draft.yaml")  # a name like an option
    git(repo, "add", "maps/-draft.yaml")
    assert "map added (Onboarding journey)" in git(repo, "diff", "--cached", "--", "maps")
    git(repo, "rm", "-q", "--cached", "maps/-draft.yaml")
    (repo / "maps" / "-draft.yaml").unlink()

    shutil.copy(CASES / "invalid-new-side" / "new.yaml", repo / "maps" / "onboarding.yaml")
    output = git(repo, "diff", "--", "maps")  # broken file: the problem, then the plain line diff
    assert "@@" in output and "+        timming: Month 2" in output


def test_git_driver_handles_added_and_removed_files(tmp_path: Path):
    new = CASES / "rename" / "new.yaml"
    added = runner.invoke(
        app, ["diff", "--git-driver", "maps/x.yaml", os.devnull, "0" * 40, ".", str(new), "a" * 40, "100644"]
    )
    assert added.exit_code == 0 and "map added (Onboarding journey)" in added.output
    removed = runner.invoke(
        app, ["diff", "--git-driver", "maps/x.yaml", str(new), "a" * 40, "100644", os.devnull, "0" * 40, "."]
    )
    assert removed.exit_code == 0 and "map removed" in removed.output
    wrong = runner.invoke(app, ["diff", "--git-driver", "only-one"])
    assert wrong.exit_code == 2


def test_a_blob_over_the_size_limit_is_reported_without_being_read(repo):
    (repo / ".journeyctl.yaml").write_text("max_file_bytes: 1000\n")
    (repo / "maps" / "big.yaml").write_text("# " + "x" * 5000 + "\njourneyctl: 1\n")
    git(repo, "add", "maps/big.yaml")
    git(repo, "commit", "-q", "-m", "big")
    result = runner.invoke(app, ["diff", "HEAD~1..HEAD"])
    assert result.exit_code == 1
    assert "HEAD:maps/big.yaml:1:1: error file is larger than the limit of 1,000 bytes" in result.output


def test_a_missing_object_is_a_usage_error_not_a_crash(repo):
    ghost = git(repo, "mktree", "--missing", input_text="100644 blob " + "1" * 40 + "\tghost.yaml\n").strip()
    commit = git(repo, "commit-tree", ghost, "-m", "ghost").strip()
    result = runner.invoke(app, ["diff", f"HEAD..{commit}"])
    assert result.exit_code == 2
    assert "cannot be read from the repository" in result.output and "damaged or partial clone" in result.output


def test_two_revisions_as_two_arguments_compare_them_as_git_diff_a_b_does(repo: Path):
    git(repo, "checkout", "-q", "-b", "feature")
    commit_case(repo, "removed-touchpoint", "new", "drop a touchpoint")
    git(repo, "checkout", "-q", "main")
    as_range = changes_of("main..feature")
    assert as_range, "the case has changes"
    assert changes_of("main", "feature") == as_range
    assert changes_of("main", "feature", "maps") == as_range  # then paths, as in `git diff A B maps`
    assert changes_of("main", "feature", "--", "maps") == as_range
    gate = runner.invoke(app, ["diff", "main", "feature", "--fail-on", "customer-facing"])
    assert gate.exit_code == 1 and "No changes" not in gate.output, gate.output


def test_a_name_that_is_both_a_revision_and_a_path_is_ambiguous_unless_dashdash_says_which(repo: Path):
    git(repo, "branch", "maps", "main~1")  # a branch named like the folder
    ambiguous = runner.invoke(app, ["diff", "main", "maps"])
    assert ambiguous.exit_code == 2
    assert "ambiguous argument 'maps': both a revision and a file or folder" in ambiguous.output
    assert changes_of("main", "--", "maps") == []  # after --: the folder (the working tree is main)
    assert [c["kind"] for c in changes_of("maps", "main", "--")] == ["moved"]  # before --: the branch
    assert changes_of("main", "./maps") == []  # ./maps can only be the path
    first = runner.invoke(app, ["diff", "maps", "main"])  # first or second, as in git
    assert first.exit_code == 2 and "ambiguous argument 'maps'" in first.output


def test_without_paths_only_the_repositorys_maps_are_compared(repo: Path):
    """Scratch YAML in the working tree (broken, or a copy of a map) is not part of `diff REV`."""
    (repo / "scratch.yaml").write_text("journeyctl: 1\nkind: [unclosed\n")  # untracked, broken
    shutil.copy(repo / "maps" / "onboarding.yaml", repo / "copy.yaml")  # untracked: a duplicate map id
    (repo / "notes.yaml").write_text("not: [a map, and broken\n")  # tracked, but not a map
    result = runner.invoke(app, ["diff", "HEAD"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "No changes to journey maps."
    named = runner.invoke(app, ["diff", "HEAD", "--", "."])  # named, the folder is all of its YAML
    assert named.exit_code == 1 and "scratch.yaml" in named.output


def test_configured_maps_are_what_a_revision_is_compared_with(repo: Path):
    (repo / "drafts").mkdir()
    shutil.copy(CASES / "single-file-without-catalog" / "old.yaml", repo / "drafts" / "renewal.yaml")
    git(repo, "add", "drafts")
    assert [c["kind"] for c in changes_of("HEAD")] == ["added"]  # tracked: one of the repository's maps
    (repo / ".journeyctl.yaml").write_text("maps: [maps]\n")
    assert changes_of("HEAD") == []  # drafts/ is not one of the configured maps
    (repo / "maps" / "new.yaml").write_text(
        (CASES / "rename" / "new.yaml").read_text().replace("id: onboarding", "id: second-map", 1)
    )
    assert [c["kind"] for c in changes_of("HEAD")] == ["added"]  # below a configured root: untracked counts
    (repo / ".journeyctl.yaml").write_text("maps: [mpas]\n")
    wrong = runner.invoke(app, ["diff", "HEAD"])
    assert wrong.exit_code == 2 and "maps: no such file or folder: mpas" in wrong.output


def test_a_path_that_looks_like_an_option_is_a_path_after_dashdash(repo: Path):
    shutil.copy(repo / "maps" / "onboarding.yaml", repo / "-draft.yaml")
    assert [c["kind"] for c in changes_of("HEAD", "--", "-draft.yaml")] == ["added"]


def test_an_unchanged_file_that_cannot_be_read_is_not_a_problem_against_the_working_tree(repo: Path):
    """As between two commits, a file whose blob is unchanged is skipped unread, even one that is not UTF-8."""
    legacy = repo / "maps" / "legacy.yaml"
    legacy.write_bytes(b"journeyctl: 1\nkind: catalog\n# caf\xe9\n")
    git(repo, "add", "maps/legacy.yaml")
    git(repo, "commit", "-q", "-m", "a catalog saved as Latin-1")
    assert runner.invoke(app, ["diff", "HEAD"]).output.strip() == "No changes to journey maps."
    legacy.write_bytes(legacy.read_bytes() + b"# edited\n")
    changed = runner.invoke(app, ["diff", "HEAD"])
    assert changed.exit_code == 1 and "maps/legacy.yaml:3:6: error file is not valid UTF-8" in changed.output
