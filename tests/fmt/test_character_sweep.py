"""Every kind of character, in every position of a customer-facing text, through the formatter.

For each text: fmt's output reads back (by the loader and by ruamel, which reads it on the next
run) to the very same text, a second fmt changes nothing, lint finds the same, and the value is
written plain or in double quotes (never in the single quotes ruamel falls back to when it
cannot write plain what `needs_quotes` called plain). All in this process, in memory.
"""

from __future__ import annotations

import json
import string

import pytest

from journeyctl.config import Config
from journeyctl.fmt.canonical import make_yaml, needs_quotes
from journeyctl.fmt.formatter import format_text
from journeyctl.lint.engine import lint_file, make_settings
from journeyctl.loading import load_text

MAP = """journeyctl: 1
kind: journey
id: sweep
title: Sweep
owners:
  - id: csm
    name: Customer Success Manager
phases:
  - id: land
    name: Land
    touchpoints:
      - id: kickoff
        name: Kickoff
        customer_view: {value}
        channel: email
        owner: csm
"""

PUNCTUATION = list(string.punctuation)
SEQUENCES = [
    "# ",
    " #",
    ": ",
    ":",
    "- ",
    "? ",
    "--- ",
    "...",
    "{}",
    "[]",
    ", ",
    "\\n",
    "%YAML",
    "!!str",
    "&a",
    "*a",
    "|",
    ">-",
    "''",
    '""',
    "'",
    '"',
]
UNICODE = [
    "é",
    "ß",
    "Ωμέγα",
    "日本語",
    "عربي",
    "עברית",
    "😀",
    "👩‍💻",
    "🇫🇷",
    "\u00a0",
    "\u200b",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u202e",
    "\u2028",
    "\u2029",
    "\u0085",
    "\ufeff",
    "\u3000",
    "\t",
    "\u00ad",
    "\ue000",
]
WORDS = [
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "null",
    "Null",
    "~",
    "true",
    "False",
    "1",
    "-1",
    "1e3",
    "0x1",
    "0o7",
    "017",
    "1_000",
    ".inf",
    "-.inf",
    ".nan",
    "1.5",
    "2026-01-01",
    "2026-01-01 10:00:00",
    "12:30",
    "1:20:30",
    "=",
    "<<",
    "https://a.example/x?y=1#z",
]
SPACES = [" ", "  "]


def _placed(piece: str) -> list[str]:
    """`piece` alone, at the start, in the middle and at the end of a sentence."""
    return [
        piece,
        f"{piece}start",
        f"mid{piece}dle",
        f"the end{piece}",
        f"{piece} spaced",
        f"a {piece} b",
        f"ends {piece}",
    ]


TEXTS = sorted(
    {text for piece in PUNCTUATION + SEQUENCES + UNICODE + WORDS + SPACES for text in _placed(piece)}
    | {"What is next?", "Questions? Ask your CSM.", "?", "??", "a?b", "a ? b"}
)
SETTINGS = make_settings(Config())


def _lint(tmp_path, text: str) -> list[tuple]:
    path = tmp_path / "sweep.yaml"
    path.write_text(text, encoding="utf-8")
    outcome = lint_file(str(path), True, SETTINGS)
    return sorted((problem.code, problem.message, problem.semantic_path) for problem in outcome.problems)


def _double_quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar, every character that is not printable escaped
    (raw, libyaml would read U+2028 or U+0085 as a line break, as YAML 1.1 says)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(char if char.isprintable() else json.dumps(char)[1:-1] for char in escaped) + '"'


def _value(text: str):
    map_file, problems = load_text("m.yaml", text)
    assert map_file is not None, problems
    return map_file.model.phases[0].touchpoints[0].customer_view


def test_the_sweep_covers_every_class_and_position():
    assert len(TEXTS) > 700
    assert {"?start", "mid?dle", "the end?", "?"} <= set(TEXTS)


def test_every_text_survives_fmt(tmp_path):
    yaml = make_yaml()
    failures = []
    for value in TEXTS:
        source = MAP.format(value=_double_quoted(value))
        if load_text("m.yaml", source)[0] is None:
            # the loader refuses it (a control character, say); fmt must then refuse it cleanly
            assert not format_text("m.yaml", source).ok
            continue
        once = format_text("m.yaml", source)
        if not once.ok:
            failures.append((value, [problem.message for problem in once.problems]))
            continue
        written = once.text.split("customer_view: ", 1)[1].split("\n        channel:", 1)[0]
        problems = [] if _value(source) == value else ["the input does not say what the sweep meant"]
        if _value(once.text) != value:
            problems.append("the loader reads another value")
        if yaml.load(once.text)["phases"][0]["touchpoints"][0]["customer_view"] != value:
            problems.append("ruamel reads another value")
        if written != value and not written.startswith('"'):
            problems.append(f"written as {written!r}: neither plain nor double-quoted")
        if (written == value) == needs_quotes(value):
            problems.append(f"written as {written!r} although needs_quotes says {needs_quotes(value)}")
        again = format_text("m.yaml", once.text)
        if not again.ok or again.text != once.text:
            problems.append("a second fmt changes it")
        if _lint(tmp_path, source) != _lint(tmp_path, once.text):
            problems.append("lint finds something else after fmt")
        if problems:
            failures.append((value, problems))
    assert failures == [], "\n".join(map(repr, failures))


@pytest.mark.parametrize("text", ["What is next?", "Questions? Ask your CSM."])
def test_a_question_mark_after_the_first_character_is_formatted(text):
    source = MAP.format(value=text)
    result = format_text("m.yaml", source)
    assert result.ok, result.problems
    assert result.text == source  # already canonical: plain


def test_the_direct_writer_writes_every_text_as_ruamels_emitter_does():
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    from journeyctl.fmt.canonical import dump, scalar
    from journeyctl.fmt.emit import emit

    written = 0
    for value in TEXTS:
        tree = CommentedMap()
        tree["plain"] = scalar(value)
        tree["quoted"] = scalar(value, always_quote=True)
        tree["items"] = CommentedSeq([scalar(value)])
        tree["ids"] = CommentedSeq([scalar(value, in_flow=True)])
        tree["ids"].fa.set_flow_style()
        for block in (FoldedScalarString, LiteralScalarString):
            for text in (value, f"{value} and {value}\nnext {value}\n"):
                tree[f"{block.__name__}-{len(tree)}"] = block(text)
        direct = emit(tree)
        if direct is None:  # ruamel writes it: a block text it writes with an indentation indicator, say
            for key in [key for key in tree if "ScalarString" in key]:
                del tree[key]
            direct = emit(tree)
        assert direct is not None, value
        assert direct == dump(tree), value
        written += 1
    assert written == len(TEXTS)
