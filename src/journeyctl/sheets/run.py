"""Running an import: read the spreadsheet, build the map, write it in fmt's canonical form, lint it
as `journeyctl lint` would (with the configured catalogs), and say where each problem is in the sheet.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from journeyctl.config import Config
from journeyctl.problems import Severity
from journeyctl.sheets.files import read_sheets
from journeyctl.sheets.importer import Imported, Options, SheetProblem, import_sheets


@dataclass
class ImportResult:
    text: str  # the map file, canonical, with its editor schema line
    problems: list[SheetProblem]

    @property
    def errors(self) -> int:
        return sum(1 for problem in self.problems if problem.severity == "error")


def import_file(path: str, out: Path, options: Options, config: Config, schema_url: str) -> ImportResult:
    imported = import_sheets(read_sheets(path, config.max_file_bytes), options)
    text = _canonical(f"# yaml-language-server: $schema={schema_url}\n", imported.data, out, config)
    reported = {problem.where for problem in imported.problems}
    # A cell that could not be read is left out of the map; lint's "missing field" for it says it twice.
    found = [problem for problem in _lint(text, out, imported, config) if problem.where not in reported]
    return ImportResult(text, sorted(imported.problems + found, key=lambda problem: problem.where.sort_key()))


def _canonical(schema_line: str, data: dict, out: Path, config: Config) -> str:
    """fmt's own output. The data go to fmt as YAML text, written by libyaml (fmt's own emitter,
    ruamel's, takes ten times as long, and fmt runs it again anyway); a map with errors cannot be
    formatted, so it is written (--force) by fmt's canonical tree instead."""
    import yaml

    from journeyctl.fmt.canonical import dump, rebuild
    from journeyctl.fmt.formatter import format_text

    plain = yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=1 << 30)
    formatted = format_text(str(out), schema_line + plain, channels=config.all_channels)
    return formatted.text if formatted.text is not None else schema_line + dump(rebuild(data, "journey", set()))


def _lint(text: str, out: Path, imported: Imported, config: Config) -> list[SheetProblem]:
    """lint's own run over the map as it would be written, beside the configured catalogs."""
    from journeyctl.lint.engine import make_settings, run_lint

    with tempfile.TemporaryDirectory(prefix="journeyctl-import-") as folder:
        candidate = os.path.join(folder, out.name)
        Path(candidate).write_text(text, encoding="utf-8")
        result = run_lint([candidate], make_settings(config))
    where, message = imported.locator(text)
    return [
        SheetProblem(
            where(problem.line, problem.semantic_path),
            message(problem.message),
            problem.severity.value,
            f"{problem.code} {problem.name}",
        )
        for problem in result.problems
        if problem.path == candidate and problem.severity is not Severity.INFO
    ]
