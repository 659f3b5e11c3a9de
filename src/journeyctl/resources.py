"""Files shipped with journeyctl: the Jinja templates and the committed JSON Schema.

In a wheel they live inside the package; in a source checkout at the repository's top level.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parents[1]


def _shipped(name: str) -> Path:
    packaged = _PACKAGE / name
    return packaged if packaged.exists() else _CHECKOUT / name


def templates_dir() -> Path:
    return _shipped("templates")


def schema_file() -> Path:
    packaged = _PACKAGE / "journeyctl.schema.json"
    return packaged if packaged.exists() else _CHECKOUT / "schema" / "journeyctl.schema.json"
