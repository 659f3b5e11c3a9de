"""Export then import gives the same map back, for every map in maps/, through XLSX and through CSV."""

from __future__ import annotations

import pytest

from journeyctl.loading import load_text
from tests.sheets.helpers import MAPS, REPOSITORY, run

JOURNEYS = sorted(path.stem for path in MAPS.glob("*.yaml") if path.name != "catalog.yaml")


@pytest.fixture(autouse=True)
def _in_the_repository(monkeypatch):
    monkeypatch.chdir(REPOSITORY)  # its configuration names the catalog the maps' owners come from


def model(path):
    map_file, problems = load_text(str(path), path.read_text(encoding="utf-8"))
    assert map_file is not None, problems
    return map_file.model


def assert_same_map(original, imported):
    result = run("diff", "--exit-code", str(original), str(imported))
    assert result.returncode == 0 and "No changes" in result.stdout, result.stdout + result.stderr
    assert model(imported) == model(original)  # every field, internal ones too, not only what diff reports
    assert run("fmt", "--check", str(imported)).returncode == 0  # in fmt's canonical form


def test_every_map_through_one_workbook(tmp_path):
    workbook = tmp_path / "maps.xlsx"
    assert run("export", str(MAPS), "--out", str(workbook)).returncode == 0
    for name in JOURNEYS:
        imported = tmp_path / f"{name}.yaml"
        result = run("import", str(workbook), "--sheet", name, "--out", str(imported))
        assert result.returncode == 0, result.stderr
        assert_same_map(MAPS / f"{name}.yaml", imported)


@pytest.mark.parametrize("name", JOURNEYS)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_each_map_through_its_own_file(tmp_path, fmt, name):
    sheet = tmp_path / f"{name}.{fmt}"
    assert run("export", str(MAPS / f"{name}.yaml"), "--out", str(sheet)).returncode == 0
    imported = tmp_path / f"{name}.yaml"
    result = run("import", str(sheet), "--out", str(imported))
    assert result.returncode == 0, result.stderr
    assert imported.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert_same_map(MAPS / f"{name}.yaml", imported)


TOUCHPOINT_METRICS = """\
        metrics:
          - id: welcome-opened
            name: Welcome emails opened
            target: 60% or more
            source: Email platform
            visibility: customer
            goal:
              min: 60
              unit: '%'
              aggregate: mean
          - name: Replies to the welcome email
            visibility: internal
"""


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_touchpoints_own_metrics_come_back(tmp_path, fmt):
    """A touchpoint's metrics have their own column, apart from its phase's Metrics."""
    text = (MAPS / "smb-digital.yaml").read_text(encoding="utf-8")
    anchor = "        timing: Days 0, 2, 5 and 10\n"
    assert anchor in text
    original = tmp_path / "smb-digital.yaml"
    original.write_text(text.replace(anchor, anchor + TOUCHPOINT_METRICS, 1), encoding="utf-8")
    touchpoint = model(original).phases[0].touchpoints[0]
    assert [metric.name for metric in touchpoint.metrics] == ["Welcome emails opened", "Replies to the welcome email"]
    assert run("fmt", str(original)).returncode == 0  # the inserted keys in fmt's order
    sheet = tmp_path / f"smb-digital.{fmt}"
    assert run("export", str(original), "--out", str(sheet)).returncode == 0
    imported = tmp_path / "imported.yaml"
    result = run("import", str(sheet), "--out", str(imported))
    assert result.returncode == 0, result.stderr
    assert_same_map(original, imported)


def test_a_customer_export_shows_a_touchpoints_customer_metrics_only(tmp_path):
    original = tmp_path / "smb-digital.yaml"
    text = (MAPS / "smb-digital.yaml").read_text(encoding="utf-8")
    anchor = "        timing: Days 0, 2, 5 and 10\n"
    original.write_text(text.replace(anchor, anchor + TOUCHPOINT_METRICS, 1), encoding="utf-8")
    sheet = tmp_path / "customer.csv"
    result = run("export", str(original), "--audience", "customer", "--out", str(sheet))
    assert result.returncode == 0, result.stderr  # a goal's cell is written from the view's GoalView too
    written = sheet.read_text(encoding="utf-8-sig")
    assert "Welcome emails opened | 60% or more | Email platform | min 60; unit %" in written
    assert "Replies to the welcome email" not in written and "welcome-opened" not in written  # internal metric, id


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_map_exports_for_customers(tmp_path, fmt):
    """Goals reach the customer sheet through the render view; every example map has some."""
    for name in JOURNEYS:
        sheet = tmp_path / f"{name}.{fmt}"
        result = run("export", str(MAPS / f"{name}.yaml"), "--audience", "customer", "--out", str(sheet))
        assert result.returncode == 0, result.stderr
        assert sheet.stat().st_size > 0
