"""The wheel really ships the templates: built from this checkout, installed into a fresh
virtual environment, run from a folder outside the checkout, it renders all three formats."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

import journeyctl
from conftest import FIXTURES, pdf_text

CHECKOUT = Path(journeyctl.__file__).resolve().parents[2]


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(arg) for arg in args], capture_output=True, text=True, timeout=300, **kwargs)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    if not (CHECKOUT / "pyproject.toml").exists():
        pytest.skip("journeyctl is not imported from a source checkout")
    root = tmp_path_factory.mktemp("wheel")
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", root / "dist", CHECKOUT)
    wheel = next((root / "dist").glob("journeyctl-*.whl"))
    venv = root / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    purelib = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))").stdout.strip())
    # Dependencies come from the test environment (a path line in a .pth adds no editable
    # install of its own), so nothing is downloaded; journeyctl itself only from the wheel.
    (purelib / "_test_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--no-index", wheel)
    return venv


def test_the_installed_wheel_renders_md_html_and_pdf(installed, tmp_path):
    maps = tmp_path / "maps"
    shutil.copytree(FIXTURES / "rich", maps)
    where = run(installed / "bin" / "python", "-c",
                "import journeyctl, journeyctl.resources as r; print(journeyctl.__file__); print(r.templates_dir())",
                cwd=tmp_path).stdout.split()
    assert all(Path(path).is_relative_to(installed) for path in where), where
    result = run(installed / "bin" / "journeyctl", "render", "maps", "-f", "md", "-f", "html", "-f", "pdf",
                 "-a", "customer", "--out", "out", cwd=tmp_path)
    assert "Wrote 5 files" in result.stdout
    assert (tmp_path / "out" / "rich-onboarding.md").read_text().startswith("# Onboarding")
    assert 'class="grid"' in (tmp_path / "out" / "rich-onboarding.html").read_text()
    assert "Kickoff call" in "".join(pdf_text((tmp_path / "out" / "rich-onboarding.pdf").read_bytes()))
