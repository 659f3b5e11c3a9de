"""The boundary holds before anything is written: lint's customer-text errors, links in the output
folder, and user templates that never end or never stop writing."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, write_map
from typer.testing import CliRunner

from journeyctl.cli.app import app
from journeyctl.render import environment

RICH = FIXTURES / "rich"
runner = CliRunner()


@pytest.fixture(autouse=True)
def outside_the_repository(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def render(*args):
    return runner.invoke(app, ["render", *map(str, args)])


def leaky_map(folder, **extra):
    """A map that lints with one JC212 error: an email address in a customer-facing goal."""
    write_map(
        folder,
        "leaky.yaml",
        {
            "journeyctl": 1,
            "kind": "journey",
            "id": "leaky",
            "title": "Leaky",
            **extra,
            "owners": [{"id": "csm", "name": "Customer Success Manager"}],
            "phases": [
                {
                    "id": "land",
                    "name": "Land",
                    "customer_goal": "Ask jo@example.com before you start.",
                    "touchpoints": [
                        {
                            "id": "kickoff",
                            "name": "Kickoff",
                            "channel": "email",
                            "owner": "csm",
                            "customer_view": "We meet.",
                        }
                    ],
                }
            ],
        },
    )
    return folder / "leaky.yaml"


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_a_customer_render_refuses_a_map_with_a_customer_text_error(tmp_path, fmt):
    result = render(leaky_map(tmp_path), "-a", "customer", "-f", fmt, "--out", tmp_path / "out")
    assert result.exit_code == 1, result.output
    assert (
        "leaky.yaml:" in result.output and "[JC212 customer-text-looks-internal]" in result.output
    )  # as lint prints it
    assert "--allow-lint-errors" in result.output
    assert not (tmp_path / "out").exists()


def test_allow_lint_errors_writes_the_customer_file(tmp_path):
    result = render(leaky_map(tmp_path), "-a", "customer", "-f", "md", "--out", tmp_path / "out", "--allow-lint-errors")
    assert result.exit_code == 0, result.output
    assert "jo@example.com" in (tmp_path / "out" / "leaky.md").read_text()


def test_the_internal_render_is_not_refused_for_customer_text(tmp_path):
    assert render(leaky_map(tmp_path), "-f", "md", "--out", tmp_path / "out").exit_code == 0


def test_the_configuration_decides_what_an_error_is_as_in_lint(tmp_path):
    (tmp_path / ".journeyctl.yaml").write_text("severity:\n  JC212: warning\n")
    assert render(leaky_map(tmp_path), "-a", "customer", "-f", "md", "--out", tmp_path / "out").exit_code == 0


def test_an_output_that_is_a_symlink_is_refused_and_what_it_names_is_untouched(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "repo" / "build" / "journeys"
    out.mkdir(parents=True)
    (out / "rich-onboarding.html").symlink_to("../../../victim.txt")
    result = render(RICH, "-f", "md", "-f", "html", "--out", out)
    assert result.exit_code == 2
    assert "rich-onboarding.html: it is a symbolic link" in result.output
    assert victim.read_text() == "precious"
    assert (out / "rich-onboarding.html").is_symlink()
    assert sorted(path.name for path in out.iterdir()) == ["rich-onboarding.html"]  # nothing else written either


def user_template(tmp_path, body):
    folder = tmp_path / "t" / "md"
    folder.mkdir(parents=True)
    (folder / "journey.md").write_text(body)
    return tmp_path / "t"


def test_a_user_template_that_runs_too_long_is_stopped_with_its_location(tmp_path, monkeypatch):
    monkeypatch.setattr(environment, "TEMPLATE_SECONDS", 1)  # the same bound, reached sooner
    templates = user_template(
        tmp_path,
        "# {{ view.title }}\n{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}\n",
    )
    result = render(RICH, "-f", "md", "--templates", templates, "--out", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert "journey.md:2: template stopped: it ran longer than 1 s" in result.output
    assert not (tmp_path / "out").exists()


def test_a_user_template_that_writes_too_much_is_stopped_with_its_location(tmp_path, monkeypatch):
    monkeypatch.setattr(environment, "MAX_OUTPUT_CHARS", 1024 * 1024)
    templates = user_template(
        tmp_path,
        "# {{ view.title }}\n"
        "{% for a in range(100000) %}{% for b in range(100000) %}many words {% endfor %}{% endfor %}\n",
    )
    result = render(RICH, "-f", "md", "--templates", templates, "--out", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert "journey.md:2: template stopped: its output is larger than 1 MiB" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("expression", ["'x' * 10 ** 9", "[0] * 10 ** 8", "2 ** 1000000000"])
def test_one_expression_cannot_make_a_huge_value(tmp_path, expression):
    templates = user_template(tmp_path, "{% set value = " + expression + " %}made\n")
    result = render(RICH, "-f", "md", "--templates", templates, "--out", "-")
    assert result.exit_code == 2, result.output
    assert "journey.md:1: template error: SecurityError" in result.output


def long_map(folder, criteria=0, touchpoints=1):
    write_map(
        folder,
        "long.yaml",
        {
            "journeyctl": 1,
            "kind": "journey",
            "id": "long",
            "title": "Long",
            "owners": [{"id": "csm", "name": "Customer Success Manager"}],
            "phases": [
                {
                    "id": "land",
                    "name": "Land",
                    "exit_criteria": [f"Criterion {n}" for n in range(criteria)],
                    "touchpoints": [
                        {
                            "id": f"t{n}",
                            "name": f"Step {n}",
                            "channel": "email",
                            "owner": "csm",
                            "customer_view": "We meet.",
                        }
                        for n in range(touchpoints)
                    ],
                }
            ],
        },
    )
    return folder / "long.yaml"


def test_a_list_longer_than_the_limit_is_refused_before_rendering(tmp_path):
    result = render(long_map(tmp_path, criteria=5_001), "-f", "md", "--out", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert (
        "long.yaml:" in result.output
        and "phases[land].exit_criteria: 5,001 items, more than the 5,000" in result.output
    )
    assert not (tmp_path / "out").exists()
    assert render(long_map(tmp_path, criteria=5_000), "-f", "md", "--out", tmp_path / "out").exit_code == 0


def test_a_pdf_of_more_touchpoints_than_the_limit_is_refused_and_html_is_not(tmp_path):
    path = long_map(tmp_path, touchpoints=301)
    result = render(path, "-f", "html", "-f", "pdf", "--out", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert "phases: 301 touchpoints, more than the 300 a map may have in a PDF" in result.output
    assert not (tmp_path / "out").exists()
    assert render(path, "-f", "html", "--out", tmp_path / "out").exit_code == 0


def test_a_map_of_more_touchpoints_than_the_limit_is_refused_in_every_format(tmp_path):
    """Many phases of a few touchpoints each: every list is short, the map is not (a 9 MB map of 51,600
    touchpoints ran 38 s into the template's time bound, and its message named the built-in template)."""
    phases = [
        {
            "id": f"p{p}",
            "name": f"Phase {p}",
            "exit_criteria": ["Done"],
            "touchpoints": [
                {
                    "id": f"t{p}-{t}",
                    "name": f"Step {t}",
                    "channel": "email",
                    "owner": "csm",
                    "customer_view": "We meet.",
                }
                for t in range(50)
            ],
        }
        for p in range(201)
    ]
    write_map(
        tmp_path,
        "wide.yaml",
        {
            "journeyctl": 1,
            "kind": "journey",
            "id": "wide",
            "title": "Wide",
            "owners": [{"id": "csm", "name": "Customer Success Manager"}],
            "phases": phases,
        },
    )
    for fmt in ("md", "html"):
        result = render(tmp_path / "wide.yaml", "-f", fmt, "--out", tmp_path / "out")
        assert result.exit_code == 2, result.output
        assert "wide.yaml:" in result.output and "phases: 10,050 touchpoints, more than the 10,000" in result.output
        assert not (tmp_path / "out").exists()


def test_customer_text_in_a_catalog_from_the_configuration_is_checked_too(tmp_path):
    (tmp_path / "shared").mkdir()
    write_map(
        tmp_path / "shared",
        "catalog.yaml",
        {
            "journeyctl": 1,
            "kind": "catalog",
            "owners": [{"id": "csm", "name": "Customer Success Manager (csm-team@example.com)"}],
        },
    )
    (tmp_path / ".journeyctl.yaml").write_text("catalogs: [shared/catalog.yaml]\n")
    write_map(
        tmp_path,
        "plain.yaml",
        {
            "journeyctl": 1,
            "kind": "journey",
            "id": "plain",
            "title": "Plain",
            "phases": [
                {
                    "id": "land",
                    "name": "Land",
                    "touchpoints": [
                        {
                            "id": "kickoff",
                            "name": "Kickoff",
                            "channel": "email",
                            "owner": "csm",
                            "customer_view": "We meet.",
                        }
                    ],
                }
            ],
        },
    )
    result = render(tmp_path / "plain.yaml", "-a", "customer", "-f", "md", "--out", tmp_path / "out")
    assert result.exit_code == 1, result.output
    assert "catalog.yaml:" in result.output and "JC212" in result.output
    assert not (tmp_path / "out").exists()


def test_a_render_that_cannot_write_leaves_no_output_folder(tmp_path):
    """A file name too long for the file system (refused by render, or by lint's id rule first)."""
    write_map(
        tmp_path,
        "long-id.yaml",
        {
            "journeyctl": 1,
            "kind": "journey",
            "id": "a" * 252,
            "title": "Long id",
            "phases": [{"id": "p", "name": "Phase"}],
        },
    )
    result = render(tmp_path / "long-id.yaml", "-f", "html", "--out", tmp_path / "out")
    assert result.exit_code in (1, 2), result.output
    assert not (tmp_path / "out").exists()
