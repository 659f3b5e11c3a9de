"""The formatter on text: canonical output, idempotence, every comment kept, same meaning, same findings."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from journeyctl.config import Config
from journeyctl.fmt.canonical import needs_quotes
from journeyctl.fmt.comments import comment_texts
from journeyctl.fmt.formatter import format_text
from journeyctl.fmt.layout import KEY_ORDER
from journeyctl.fmt.run import Mode, format_paths
from journeyctl.lint.engine import make_settings, run_lint
from journeyctl.loading import load_file, load_text

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
EXAMPLES = sorted((ROOT / "maps").glob("*.yaml"))
MESSY = sorted((HERE / "messy").glob("*.yaml"))
VALID_CASES = sorted((ROOT / "tests" / "cases" / "valid").glob("*.yaml"))
INVALID_CASES = sorted((ROOT / "tests" / "cases" / "invalid").glob("*.yaml"))
EVERY_MAP = EXAMPLES + MESSY + VALID_CASES


def _ids(paths):
    return [f"{path.parent.name}/{path.name}" for path in paths]


def formatted(path: Path) -> str:
    result = format_text(str(path), path.read_text(encoding="utf-8"))
    assert result.ok, result.problems
    return result.text


@pytest.mark.parametrize("path", EXAMPLES, ids=_ids(EXAMPLES))
def test_example_maps_are_already_canonical(path):
    assert formatted(path) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", MESSY, ids=_ids(MESSY))
def test_messy_maps_format_to_the_expected_text(path):
    expected = HERE / "expected" / path.name
    assert formatted(path) == expected.read_text(encoding="utf-8"), (
        f"regenerate {expected} only after reading the difference"
    )


@pytest.mark.parametrize("path", EVERY_MAP, ids=_ids(EVERY_MAP))
def test_formatting_twice_changes_nothing(path):
    once = formatted(path)
    again = format_text(str(path), once)
    assert again.ok and again.text == once


@pytest.mark.parametrize("path", EVERY_MAP, ids=_ids(EVERY_MAP))
def test_every_comment_is_kept(path):
    before = path.read_text(encoding="utf-8")
    after = formatted(path)
    assert Counter(comment_texts(after)) == Counter(comment_texts(before))
    # and literally, line by line: the formatter's own comment finder is not the only witness
    for line in before.splitlines():
        if line.strip().startswith("#"):
            assert line.strip() in after


@pytest.mark.parametrize("path", EVERY_MAP, ids=_ids(EVERY_MAP))
def test_formatting_keeps_the_meaning(path):
    before, _ = load_text(str(path), path.read_text(encoding="utf-8"))
    after, _ = load_text(str(path), formatted(path))
    assert after.model == before.model


def _findings(folder: Path) -> list[tuple]:
    catalog = folder / "catalog.yaml"
    catalog.write_text((ROOT / "maps" / "catalog.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    settings = make_settings(Config(), None)
    result = run_lint([str(folder)], settings)
    return sorted((Path(p.path).name, p.code, p.message, p.semantic_path) for p in result.problems)


def test_lint_finds_the_same_after_fmt_apart_from_lines(tmp_path):
    for path in EXAMPLES + MESSY:
        if path.name != "catalog.yaml":
            (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    before = _findings(tmp_path)
    for path in tmp_path.glob("*.yaml"):
        path.write_text(formatted(path), encoding="utf-8")
    # not vacuous: rule findings, and a suppression comment's own finding (it depends on comment lines)
    assert {code for _, code, _, _ in before} >= {"JC203", "JC301"}
    assert _findings(tmp_path) == before


def test_a_suppression_comment_moves_with_its_line():
    text = (HERE / "messy" / "comments-everywhere.yaml").read_text(encoding="utf-8")
    lines = formatted(HERE / "messy" / "comments-everywhere.yaml").splitlines()
    at = lines.index("        # journeyctl: disable-line unknown-reference")
    assert lines[at + 1].strip().startswith("personas:")
    assert "owner: csm  # journeyctl: disable-line unknown-reference" in lines[at - 1]
    assert "disable-line" in text


def _rejected_by_the_loader(path: Path) -> bool:
    return load_file(str(path), True)[0] is None


REJECTED = [path for path in INVALID_CASES if _rejected_by_the_loader(path)]


@pytest.mark.parametrize("path", REJECTED, ids=_ids(REJECTED))
def test_a_file_that_does_not_parse_or_validate_is_refused_and_left_alone(tmp_path, path):
    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    run = format_paths([str(copy)], Mode.WRITE)
    assert copy.read_bytes() == path.read_bytes()
    assert run.failed and not run.changed
    assert all(problem.path == str(copy) and problem.line >= 1 and problem.column >= 1 for problem in run.problems)


MAP_HEAD = "journeyctl: 1\nkind: journey\nid: base\n"


@pytest.mark.parametrize(
    "text, title",
    [
        (MAP_HEAD + "title: 2026-02-30\n", '"2026-02-30"'),  # a date-like title that ruamel reads as an impossible date
        (MAP_HEAD + "title: 2026-01-01 25:00:00\n", '"2026-01-01 25:00:00"'),
        (MAP_HEAD + "title:\tBase\n", "Base"),  # a tab after the colon: YAML allows it, ruamel's reader does not
        (MAP_HEAD + "title: a\tb\n", '"a\\tb"'),  # a tab inside a plain text: likewise; written as an escape
    ],
    ids=["impossible-date", "impossible-time", "tab-separator", "tab-in-text"],
)
def test_a_valid_file_ruamel_cannot_read_is_formatted_once_and_then_stays(tmp_path, text, title):
    copy = tmp_path / "m.yaml"
    copy.write_text(text)
    run = format_paths([str(copy)], Mode.WRITE)
    assert not run.failed and run.changed, run.problems
    assert copy.read_text() == MAP_HEAD + f"title: {title}\n"
    assert load_text("m.yaml", copy.read_text())[0].model == load_text("m.yaml", text)[0].model
    again = format_paths([str(copy)], Mode.CHECK)  # fmt --check reports nothing it would not fix
    assert (again.changed, again.problems) == ([], [])


def test_a_valid_file_neither_reader_of_fmt_can_read_is_refused_with_a_located_problem(tmp_path):
    text = MAP_HEAD + "title: !!int abc\n"  # the loader keeps the text; ruamel cannot, and fmt models no tags
    assert load_text("m.yaml", text)[0] is not None  # lint reads it
    copy = tmp_path / "m.yaml"
    copy.write_text(text)
    run = format_paths([str(copy)], Mode.WRITE)
    assert copy.read_text() == text and run.failed
    assert [(problem.code, problem.line) for problem in run.problems] == [("JC009", 1)]
    assert "fmt cannot rewrite this file safely" in run.problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        MAP_HEAD + 'title: "? Ask us"\n',
        MAP_HEAD + 'title: ":x"\n',
        "journeyctl: 1\rkind: journey\rid: base\rtitle: Base\r",
    ],
    ids=["question-mark", "colon", "cr-line-ends"],
)
def test_text_that_starts_like_yaml_syntax_and_lone_cr_line_ends_are_formatted(text):
    result = format_text("m.yaml", text)
    assert result.ok, result.problems
    assert load_text("m.yaml", result.text)[0].model == load_text("m.yaml", text)[0].model


def test_reordering_keys_across_a_suppression_range_is_refused_and_within_one_allowed():
    touchpoint = (
        "journeyctl: 1\nkind: journey\nid: s\ntitle: S\nphases:\n  - id: land\n    name: Land\n"
        "    touchpoints:\n      - id: kickoff\n{body}"
    )
    # customer_view would move up between `disable` and `enable`, silencing JC212 on it
    across = touchpoint.format(
        body="        # journeyctl: disable JC212\n        name: Kickoff\n"
        "        # journeyctl: enable\n        channel: email\n        owner: o\n"
        "        customer_view: Write to jo@example.com\n"
    )
    refused = format_text("m.yaml", across)
    assert not refused.ok and refused.problems[0].line == 10
    assert "would move them into or out of the '# journeyctl: disable JC212' range" in refused.problems[0].message
    # the whole touchpoint inside the range: reordering inside it changes nothing it covers
    within = touchpoint.replace("      - id: kickoff", "      # journeyctl: disable JC212\n      - id: kickoff").format(
        body="        owner: o\n        name: Kickoff\n        channel: email\n"
        "        customer_view: Write to jo@example.com\n# journeyctl: enable\n"
    )
    formatted = format_text("m.yaml", within)
    assert formatted.ok, formatted.problems
    assert formatted.text != within  # it was reordered


def test_the_rejected_cases_cover_syntax_schema_and_reading_errors():
    assert len(REJECTED) >= 30
    assert {"not-utf8.yaml", "duplicate-key.yaml", "billion-laughs.yaml"} <= {path.name for path in REJECTED}


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("Kickoff call", False),
        ("90% of new accounts", False),
        ("it's fine", False),
        ("https://a.example/x", False),
        ("< 30 days", True),
        (">= 90%", True),
        ("= 3", True),
        ("yes", True),
        ("on", True),
        ("123", True),
        ("1.5", True),
        ("null", True),
        ("", True),
        ("2026-01-01", True),
        ("#1 priority", True),
        ("a: b", True),
        ("a #b", True),
        ("- item", True),
        (" leading space", True),
        ("line\nbreak", True),
        ("@handle", True),
        ("* star", True),
    ],
)
def test_quotes_only_where_needed(text, quoted):
    assert needs_quotes(text) is quoted


def test_key_order_is_the_spec_examples_order():
    assert KEY_ORDER["touchpoint"][:8] == (
        "id",
        "name",
        "customer_view",
        "description",
        "channel",
        "mode",
        "owner",
        "personas",
    )
    assert KEY_ORDER["journey"][:4] == ("journeyctl", "kind", "id", "title")


def test_a_result_that_would_lose_a_comment_is_refused(monkeypatch):
    from journeyctl.fmt import weave

    real = weave.weave

    def lossy(text, comments):
        comments.trailing.clear()
        return real(text, comments)

    monkeypatch.setattr(weave, "weave", lossy)
    result = format_text("x.yaml", "journeyctl: 1  # version\nkind: catalog\n")
    assert result.text is None
    assert [problem.code for problem in result.problems] == ["JC009"]


@pytest.mark.parametrize("path", EVERY_MAP, ids=_ids(EVERY_MAP))
def test_the_tree_built_from_the_loaders_nodes_formats_as_ruamels_own_reading_does(monkeypatch, path):
    from journeyctl.fmt import tree

    text = path.read_text(encoding="utf-8")
    map_file, _ = load_text(str(path), text)
    built = tree.tree_from_nodes(map_file.source.root, map_file.source.data, text.replace("\r\n", "\n"))
    assert (built is None) == ("&" in text and "*" in text)  # only aliases are left to ruamel's reader here
    fast = formatted(path)
    monkeypatch.setattr(tree, "tree_from_nodes", lambda *arguments: None)
    assert formatted(path) == fast


@pytest.mark.parametrize("path", EVERY_MAP, ids=_ids(EVERY_MAP))
def test_the_direct_writer_writes_what_ruamels_emitter_writes(monkeypatch, path):
    from journeyctl.fmt import emit

    results = []
    real = emit.emit
    monkeypatch.setattr(emit, "emit", lambda tree: results.append(real(tree)) or results[-1])
    direct = formatted(path)
    text = path.read_text(encoding="utf-8")
    assert (results[0] is None) == ("&" in text and "*" in text)  # ruamel's own reading: ruamel writes it too
    monkeypatch.setattr(emit, "emit", lambda tree: None)
    assert formatted(path) == direct
