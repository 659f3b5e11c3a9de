"""One way of wording: counts agree with their nouns, sentences continue in lower case, and
lint and the renders agree on what a playbook link is."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app
from journeyctl.config import Config
from journeyctl.lint.engine import make_settings, run_lint
from journeyctl.wording import mid_sentence, plural

MAP = textwrap.dedent("""\
    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    phases:
      - id: land
        name: Land
        touchpoints:
          - id: kickoff
            name: Kickoff call
            channel: video-call
            owner: csm
            moment_that_matters: true
            playbooks:
              - title: Kickoff playbook
                url: URL
                trigger: TRIGGER
""")


def _map(tmp_path, url="https://wiki.example.com/kickoff", trigger="No admin login 7 days after invite"):
    path = tmp_path / "onboarding.yaml"
    path.write_text(MAP.replace("URL", url).replace("TRIGGER", trigger), encoding="utf-8")
    (tmp_path / ".git").mkdir(exist_ok=True)
    return path


def _render_md(path, monkeypatch) -> str:
    monkeypatch.chdir(path.parent)
    result = CliRunner().invoke(app, ["render", str(path), "--format", "md", "--out", "-"])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(
    "count, singular, plural_form, expected",
    [
        (0, "file", None, "0 files"),
        (1, "file", None, "1 file"),
        (2, "phase", None, "2 phases"),
        (1, "moment that matters", "moments that matter", "1 moment that matters"),
        (3, "moment that matters", "moments that matter", "3 moments that matter"),
    ],
)
def test_plural(count, singular, plural_form, expected):
    assert plural(count, singular, plural_form) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("No admin login 7 days after invite", "no admin login 7 days after invite"),
        ("SSO setup fails", "SSO setup fails"),
        ("CSM leaves", "CSM leaves"),
        ("A", "A"),
        ("", ""),
        ("already lower case", "already lower case"),
        ("Émilie leaves", "émilie leaves"),
    ],
)
def test_mid_sentence_lowers_only_a_capitalised_word(text, expected):
    assert mid_sentence(text) == expected


def test_a_render_counts_in_agreement_and_continues_the_trigger_in_lower_case(tmp_path, monkeypatch):
    text = _render_md(_map(tmp_path), monkeypatch)
    assert "1 in 1 phase, 1 moment that matters" in text
    assert "when no admin login 7 days after invite" in text
    text = _render_md(_map(tmp_path, trigger="SSO fails"), monkeypatch)
    assert "when SSO fails" in text


@pytest.mark.parametrize(
    "url",
    [
        "https://wiki.example.com/kickoff",
        "HTTP://wiki.example.com",
        " https://wiki.example.com/x ",
        "https://",
        "https:///path",
        "http:wiki",
        "wiki/cs/kickoff",
        "javascript:alert(1)",
        "https://a.example/ b",
        "https://[::1",
        "ftp://wiki.example.com",
        "https://wiki.example.com/\tx",
    ],
)
def test_lint_and_render_agree_on_what_a_playbook_link_is(url, tmp_path, monkeypatch):
    path = _map(tmp_path, url=f'"{url}"')
    monkeypatch.chdir(tmp_path)
    problems = run_lint([str(path)], make_settings(Config(), date(2026, 11, 25))).problems
    lint_says_link = not any(problem.code == "JC210" for problem in problems)
    rendered = _render_md(path, monkeypatch)
    render_links = "[Kickoff playbook](" in rendered
    assert lint_says_link == render_links, rendered
