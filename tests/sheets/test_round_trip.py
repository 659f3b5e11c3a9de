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
