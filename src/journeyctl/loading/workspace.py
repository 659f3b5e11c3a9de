"""Paths -> every map file loaded and checked for references: the Workspace every command reads.

Catalogs found in the same run are shared by every journey in it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from journeyctl.lint.rules.jc006_skipped_file import CHECK as SKIPPED_FILE
from journeyctl.loading.locate import locate, semantic_path
from journeyctl.loading.references import check_references
from journeyctl.loading.source import DEFAULT_MAX_BYTES, Source, parse, read_text
from journeyctl.loading.validate import validate
from journeyctl.mapfiles import MAP_SUFFIXES, could_be_map
from journeyctl.problems import FILE_START, Problem, UsageError
from journeyctl.schema import DEFAULT_CHANNELS, Catalog, Journey


@dataclass(slots=True)
class MapFile:
    """A file that validated: its model and its source, for positions."""

    source: Source
    model: Journey | Catalog

    @property
    def path(self) -> str:
        return self.source.path

    def locate(self, loc, *, want_key: bool = False):
        return locate(self.source.root, loc, want_key=want_key)

    def semantic_path(self, loc) -> str:
        return semantic_path(self.source.data, loc)


@dataclass(slots=True)
class Workspace:
    maps: list[MapFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files_read: int = 0

    @property
    def journeys(self) -> list[MapFile]:
        return [item for item in self.maps if isinstance(item.model, Journey)]

    @property
    def catalogs(self) -> list[MapFile]:
        return [item for item in self.maps if isinstance(item.model, Catalog)]


def discover(paths: Iterable[str]) -> list[tuple[str, bool]]:
    """Every map file named by `paths`, with whether it was named directly. Hidden folders are skipped.

    Every command that takes paths expands them here, so this is where a path that matches
    nothing is refused: a folder without a map would otherwise be a clean run, and a CI gate
    would pass having checked nothing.
    """
    found: list[tuple[str, bool]] = []
    seen: set[str] = set()  # absolute paths: `maps/` and `./maps/catalog.yaml` name one file once

    def add(candidate: str, named_directly: bool) -> None:
        key = os.path.abspath(candidate)
        if key not in seen:
            seen.add(key)
            found.append((candidate, named_directly))

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            below: list[str] = []

            def unreadable(error: OSError, top: str = raw) -> None:
                # The folder named must not pass as a folder without maps: CI would go green.
                if os.path.normpath(error.filename) == os.path.normpath(top):
                    raise UsageError(f"cannot read folder {error.filename}: {error.strerror or error}")
                below.append(error.filename)  # one below it (a database's data folder, say): a note

            for folder, folders, files in os.walk(path, onerror=unreadable):
                folders[:] = sorted(name for name in folders if not name.startswith("."))
                below.extend(os.path.normpath(os.path.join(folder, name)) for name in sorted(files)
                             if name.endswith(MAP_SUFFIXES))
            if not any(could_be_map(candidate) for candidate in below):
                raise UsageError(f"no journey maps in {raw} (no *.yaml or *.yml file below it with a "
                                 "top-level 'journeyctl:' key)")
            for candidate in below:
                add(candidate, False)
        elif path.exists():
            add(raw, True)
        else:
            raise UsageError(f"no such file or folder: {raw}")
    return found


def load_file(path: str, named_directly: bool, *, channels: Sequence[str] = DEFAULT_CHANNELS,
              max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[MapFile | None, list[Problem]]:
    """Read, parse and validate one file. Pure function of its arguments, so it can run in a worker."""
    if os.path.isdir(path):  # a folder below a named one that could not be listed
        return None, [Problem(path, FILE_START, SKIPPED_FILE, "skipped: this folder cannot be read")]
    text = read_text(path, max_bytes)
    if isinstance(text, Problem):
        return None, [text]
    return load_text(path, text, named_directly, channels=channels)


def load_text(path: str, text: str, named_directly: bool = True, *,
              channels: Sequence[str] = DEFAULT_CHANNELS) -> tuple[MapFile | None, list[Problem]]:
    """Parse and validate text that claims to be the file `path` (e.g. read from a git revision)."""
    source = parse(path, text)
    if isinstance(source, Problem):
        return None, [source]
    is_map_file = isinstance(source.data, dict) and "journeyctl" in source.data
    if not is_map_file and not named_directly:  # empty and comment-only files included: they hold no map either
        return None, [Problem(path, locate(source.root, ()), SKIPPED_FILE, "skipped: not a journeyctl map (no top-level 'journeyctl:' key)")]
    model, problems = validate(source, channels)
    return (MapFile(source, model) if model is not None else None), problems


def load_workspace(paths: Iterable[str], *, channels: Sequence[str] = DEFAULT_CHANNELS,
                   max_bytes: int = DEFAULT_MAX_BYTES) -> Workspace:
    workspace = Workspace()
    for path, named_directly in discover(paths):
        workspace.files_read += 1
        map_file, problems = load_file(path, named_directly, channels=channels, max_bytes=max_bytes)
        workspace.problems.extend(problems)
        if map_file is not None:
            workspace.maps.append(map_file)
    workspace.problems.extend(check_references(workspace.maps))
    return workspace
