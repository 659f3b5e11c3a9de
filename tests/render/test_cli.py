"""`journeyctl render` as a user meets it: exit statuses, outputs, stdout, templates, configuration."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import FIXTURES, write_map
from typer.testing import CliRunner

from journeyctl.cli.app import app

RICH = FIXTURES / "rich"
runner = CliRunner()


@pytest.fixture(autouse=True)
def outside_the_repository(tmp_path, monkeypatch):
    """Outputs land in the test's own folder (tests/conftest.py already keeps the configuration out)."""
    monkeypatch.chdir(tmp_path)


def render(*args):
    return runner.invoke(app, ["render", *map(str, args)])


def test_folder_to_every_format_with_an_index_and_a_summary(tmp_path):
    result = render(RICH, "-f", "md", "-f", "html", "-f", "pdf", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    names = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert names == ["index.html", "index.md", "rich-onboarding.html", "rich-onboarding.md", "rich-onboarding.pdf"]
    assert "Wrote 5 files for the internal audience" in result.output
    assert str(tmp_path / "out" / "rich-onboarding.pdf") in result.output
    assert 'href="rich-onboarding.html"' in (tmp_path / "out" / "index.html").read_text()
    assert "(rich-onboarding.md)" in (tmp_path / "out" / "index.md").read_text()


def test_a_file_renders_without_an_index(tmp_path):
    result = render(RICH / "onboarding.yaml", RICH / "catalog.yaml", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == ["rich-onboarding.html"]


@pytest.mark.parametrize("fmt, start", [("md", "# Onboarding"), ("html", "<!DOCTYPE html>")])
def test_out_dash_writes_one_map_to_stdout_and_nothing_else(fmt, start):
    result = render(RICH, "-f", fmt, "-a", "customer", "--out", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(start)
    assert "Wrote" not in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["-f", "pdf", "--out", "-"], "--out - writes one Markdown or HTML document"),
        (["-f", "md", "-f", "html", "--out", "-"], "--out - writes one Markdown or HTML document"),
        (["-f", "bogus"], "bogus"),
        (["--audience", "everyone"], "everyone"),
    ],
)
def test_usage_errors_exit_2(args, message):
    result = render(RICH, *args)
    assert result.exit_code == 2
    assert message in result.output


def test_out_dash_with_two_maps_is_a_usage_error(tmp_path):
    second = tmp_path / "second"
    shutil.copytree(RICH, second)
    text = (second / "onboarding.yaml").read_text().replace("id: rich-onboarding", "id: second-map")
    (second / "onboarding.yaml").write_text(text)
    (second / "catalog.yaml").unlink()
    result = render(RICH, second / "onboarding.yaml", "--out", "-")
    assert result.exit_code == 2
    assert "--out - writes a single map, but 2 were found" in result.output


def test_a_map_with_errors_is_not_rendered_and_exits_1(tmp_path):
    broken = tmp_path / "maps"
    shutil.copytree(RICH, broken)
    text = (broken / "onboarding.yaml").read_text().replace("owner: onboarding", "owner: nobody")
    (broken / "onboarding.yaml").write_text(text)
    result = render(broken, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "unknown owner 'nobody'" in result.output
    assert "nothing rendered" in result.output
    assert not (tmp_path / "out").exists()


def test_existing_outputs_are_replaced_whole_and_no_temporary_file_is_left(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "rich-onboarding.md").write_text("old content")
    assert render(RICH, "-f", "md", "--out", out).exit_code == 0
    assert (out / "rich-onboarding.md").read_text().startswith("# Onboarding")
    assert sorted(path.name for path in out.iterdir()) == ["index.md", "rich-onboarding.md"]


def test_a_broken_template_leaves_existing_outputs_untouched(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "rich-onboarding.html").write_text("previous render")
    templates = tmp_path / "templates" / "html"
    templates.mkdir(parents=True)
    (templates / "_legend.html").write_text("{% if %}")
    result = render(RICH, "--templates", tmp_path / "templates", "--out", out)
    assert result.exit_code == 2
    assert "_legend.html:1: template error" in result.output
    assert (out / "rich-onboarding.html").read_text() == "previous render"


def test_a_user_template_overrides_one_block(tmp_path):
    templates = tmp_path / "templates" / "html"
    templates.mkdir(parents=True)
    (templates / "journey.html").write_text(
        '{% extends "html/base.html" %}{% block footer %}<footer>Team footer for {{ view.title }}</footer>{% endblock %}'
    )
    result = render(RICH, "--templates", tmp_path / "templates", "-a", "customer", "--out", "-")
    assert result.exit_code == 0, result.output
    assert "<footer>Team footer for Onboarding &amp; first value</footer>" in result.stdout
    assert 'class="journey-map' in result.stdout  # the rest of the shipped page is still there


def test_a_template_folder_from_the_configuration(tmp_path):
    (tmp_path / "team-templates" / "md").mkdir(parents=True)
    (tmp_path / "team-templates" / "md" / "journey.md").write_text("Custom: {{ view.title }}\n")
    (tmp_path / ".journeyctl.yaml").write_text("templates: team-templates\n")
    result = render(RICH, "-f", "md", "--out", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Custom: Onboarding \\& first value\n"


@pytest.mark.parametrize(
    "template, error",
    [
        ("{{ view.__class__.__mro__ }}", "SecurityError"),
        ("{{ ''.__class__.__subclasses__() }}", "SecurityError"),
        # A customer template that reaches for internal data gets an error, never the data.
        (
            "{% for p in view.phases %}{% for t in p.touchpoints %}{{ t.internal.description }}{% endfor %}{% endfor %}",
            "UndefinedError",
        ),
    ],
)
def test_user_templates_run_in_a_sandbox(tmp_path, template, error):
    (tmp_path / "t" / "md").mkdir(parents=True)
    (tmp_path / "t" / "md" / "journey.md").write_text(template)
    result = render(RICH, "-f", "md", "-a", "customer", "--templates", tmp_path / "t", "--out", "-")
    assert result.exit_code == 2
    assert error in result.output
    assert "CSM runs the kickoff deck" not in result.output


@pytest.mark.parametrize(
    "name, template, error",
    [
        ("journey.md", "{{ 1/0 }}", "journey.md:1: template error: ZeroDivisionError"),
        ("journey.md", '{% extends "md/journey.md" %}', "template error: RecursionError"),  # a common slip
        # A template cannot carry a file from outside its folder, or a map's YAML, into a document.
        ("journey.md", '{% include "md/secrets.md" %}', "template not found: md/secrets.md (only"),
        ("journey.md", '{% include "md/map.yaml" %}', "template not found: md/map.yaml (only"),
    ],
)
def test_a_user_template_that_fails_or_reaches_outside_is_a_usage_error(tmp_path, name, template, error):
    folder = tmp_path / "t" / "md"
    folder.mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("SECRET-TOKEN")
    (folder / "secrets.md").symlink_to(tmp_path / "secret.txt")
    (folder / "map.yaml").write_text("SECRET-TOKEN")
    (folder / name).write_text(template)
    result = render(RICH, "-f", "md", "-a", "customer", "--templates", tmp_path / "t", "--out", "-")
    assert result.exit_code == 2 and error in result.output
    assert "SECRET-TOKEN" not in result.output and "internal error" not in result.output


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_jinja_syntax_in_a_map_prints_as_written(tmp_path, fmt):
    write_map(
        tmp_path,
        "map.yaml",
        {
            "journeyctl": 1,
            "kind": "journey",
            "id": "jinja",
            "title": "{{ 7+7 }} and {% raw %}",
            "owners": [{"id": "o", "name": "{{ config }}"}],
            "phases": [
                {
                    "id": "p",
                    "name": "P",
                    "touchpoints": [
                        {"id": "t", "name": "T", "channel": "email", "owner": "o", "customer_view": "{{ 7+7 }}"}
                    ],
                }
            ],
        },
    )
    result = render(tmp_path / "map.yaml", "-f", fmt, "-a", "customer", "--out", "-")
    assert result.exit_code == 0, result.output
    assert "14" not in result.stdout
    assert result.stdout.count("{{ 7+7 }}") >= 2 and "{{ config }}" in result.stdout


def test_a_map_with_id_index_cannot_be_overwritten_by_the_index(tmp_path):
    write_map(tmp_path, "index.yaml", {"journeyctl": 1, "kind": "journey", "id": "index", "title": "Index"})
    result = render(tmp_path, "--out", tmp_path / "out")
    assert result.exit_code == 2 and "would be overwritten by the index" in result.output


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_lint_does_not_import_render_or_weasyprint():
    result = run_python(
        "import sys\nfrom journeyctl.cli.app import app\nfrom typer.testing import CliRunner\n"
        f"CliRunner().invoke(app, ['lint', {str(RICH)!r}])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('journeyctl.render', 'weasyprint', 'playwright'))))"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_html_render_does_not_import_weasyprint(tmp_path):
    result = run_python(
        "import sys\nfrom journeyctl.cli.app import app\nfrom typer.testing import CliRunner\n"
        f"r = CliRunner().invoke(app, ['render', {str(RICH)!r}, '-f', 'html', '-f', 'md', '--out', {str(tmp_path)!r}])\n"
        "assert r.exit_code == 0, r.output\nprint('weasyprint' in sys.modules)"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
