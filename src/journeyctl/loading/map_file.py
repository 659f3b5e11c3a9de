"""One map file read, parsed and validated: MapFile (a JourneyFile or a CatalogFile), load_file
and load_text (a Workspace is many)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from journeyctl.lint.rules.jc006_skipped_file import CHECK as SKIPPED_FILE
from journeyctl.loading.locate import locate, semantic_path
from journeyctl.loading.source import DEFAULT_MAX_BYTES, Source, parse, read_text
from journeyctl.loading.validate import validate
from journeyctl.problems import FILE_START, Problem, Span
from journeyctl.schema import DEFAULT_CHANNELS, Account, Catalog, Journey


@dataclass(slots=True)
class _LoadedFile:
    """A file that validated: its source, for positions (its model is in the kind's class below)."""

    source: Source

    @property
    def path(self) -> str:
        return self.source.path

    def locate(self, loc: Iterable[str | int], *, want_key: bool = False) -> Span:
        return locate(self.source.root, loc, want_key=want_key)

    def semantic_path(self, loc: Iterable[str | int]) -> str:
        return semantic_path(self.source.data, loc)


@dataclass(slots=True)
class JourneyFile(_LoadedFile):
    model: Journey
    kind: ClassVar[Literal["journey"]] = "journey"


@dataclass(slots=True)
class CatalogFile(_LoadedFile):
    model: Catalog
    kind: ClassVar[Literal["catalog"]] = "catalog"


@dataclass(slots=True)
class AccountFile(_LoadedFile):
    model: Account
    kind: ClassVar[Literal["account"]] = "account"


# A map file of any kind. `kind` tells them apart, and `if map_file.kind == "journey":`
# narrows its type (and its model's) for the type checker too.
MapFile = JourneyFile | CatalogFile | AccountFile


def _file_of(source: Source, model: Journey | Catalog | Account) -> MapFile:
    if isinstance(model, Journey):
        return JourneyFile(source, model)
    if isinstance(model, Account):
        return AccountFile(source, model)
    return CatalogFile(source, model)


def load_file(
    path: str, named_directly: bool, *, channels: Sequence[str] = DEFAULT_CHANNELS, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[MapFile | None, list[Problem]]:
    """Read, parse and validate one file. Pure function of its arguments, so it can run in a worker."""
    if os.path.isdir(path):  # a folder below a named one that could not be listed
        return None, [Problem(path, FILE_START, SKIPPED_FILE, "skipped: this folder cannot be read")]
    text = read_text(path, max_bytes)
    if isinstance(text, Problem):
        return None, [text]
    return load_text(path, text, named_directly, channels=channels)


def load_text(
    path: str, text: str, named_directly: bool = True, *, channels: Sequence[str] = DEFAULT_CHANNELS
) -> tuple[MapFile | None, list[Problem]]:
    """Parse and validate text that claims to be the file `path` (e.g. read from a git revision)."""
    source = parse(path, text)
    if isinstance(source, Problem):
        return None, [source]
    is_map_file = isinstance(source.data, dict) and "journeyctl" in source.data
    if not is_map_file and not named_directly:  # empty and comment-only files included: they hold no map either
        return None, [
            Problem(
                path,
                locate(source.root, ()),
                SKIPPED_FILE,
                "skipped: not a journeyctl map (no top-level 'journeyctl:' key)",
            )
        ]
    model, problems = validate(source, channels)
    return (_file_of(source, model) if model is not None else None), problems
