"""Helpers of the spreadsheet tests: run the installed command line, read workbooks back."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
MAPS = REPOSITORY / "maps"
CASES = Path(__file__).resolve().parent / "cases"


def journeyctl(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real command line, in a fresh process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "journeyctl", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def write_map(path: Path, document: dict, *, dates: tuple[str, ...] = ()) -> Path:
    """A map file from a dict (JSON is YAML); `dates` are written unquoted, as YAML dates."""
    text = json.dumps(document, indent=1, ensure_ascii=False)
    for date in dates:
        text = text.replace(f'"{date}"', date)
    path.write_text(text, encoding="utf-8")
    return path


def xlsx_text(path: Path) -> str:
    """Every XML part of a workbook, unzipped: what a leak would be written into."""
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist())


def run(*args: str) -> Result:
    """The command line in this process (faster), with journeyctl's own handling of usage errors."""
    from typer.testing import CliRunner

    from journeyctl.cli.app import app

    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return Result(result.exit_code, result.stdout, result.stderr)


class Result:
    def __init__(self, returncode: int, stdout: str, stderr: str):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr
