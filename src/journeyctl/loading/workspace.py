"""Paths -> every map file loaded and checked for references: the Workspace every command reads.

Catalogs found in the same run are shared by every journey in it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from journeyctl.loading.map_file import AccountFile, CatalogFile, JourneyFile, MapFile, load_file
from journeyctl.loading.references import check_references
from journeyctl.loading.source import DEFAULT_MAX_BYTES
from journeyctl.mapfiles import MAP_SUFFIXES, could_be_map
from journeyctl.problems import Problem, UsageError
from journeyctl.schema import DEFAULT_CHANNELS


@dataclass(slots=True)
class Workspace:
    maps: list[MapFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files_read: int = 0

    @property
    def journeys(self) -> list[JourneyFile]:
        return [item for item in self.maps if item.kind == "journey"]

    @property
    def catalogs(self) -> list[CatalogFile]:
        return [item for item in self.maps if item.kind == "catalog"]

    @property
    def accounts(self) -> list[AccountFile]:
        return [item for item in self.maps if item.kind == "account"]


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

            def unreadable(error: OSError, top: str = raw, below: list[str] = below) -> None:
                # The folder named must not pass as a folder without maps: CI would go green.
                if os.path.normpath(error.filename) == os.path.normpath(top):
                    raise UsageError(f"cannot read folder {error.filename}: {error.strerror or error}")
                below.append(error.filename)  # one below it (a database's data folder, say): a note

            for folder, folders, files in os.walk(path, onerror=unreadable):
                folders[:] = sorted(name for name in folders if not name.startswith("."))
                below.extend(
                    os.path.normpath(os.path.join(folder, name))
                    for name in sorted(files)
                    if name.endswith(MAP_SUFFIXES)
                )
            if not any(could_be_map(candidate) for candidate in below):
                raise UsageError(
                    f"no journey maps in {raw} (no *.yaml or *.yml file below it with a top-level 'journeyctl:' key)"
                )
            for candidate in below:
                add(candidate, False)
        elif path.exists():
            add(raw, True)
        else:
            raise UsageError(f"no such file or folder: {raw}")
    return found


def discover_with_catalogs(
    paths: Iterable[str], catalog_paths: Iterable[str]
) -> tuple[list[tuple[str, bool]], list[str]]:
    """What a run reads: the files `paths` name (as discover gives them), and the configured
    catalogs that are not among them, read for the owners and personas they define. Compared by
    real path, so a catalog named through a symbolic link is one file, not two with the same ids."""
    named = discover(paths)
    seen = {os.path.realpath(path) for path, _ in named}  # realpath: a symlink loop is not an error here
    return named, [path for path, _ in discover(catalog_paths) if os.path.realpath(path) not in seen]


def load_workspace(
    paths: Iterable[str], *, channels: Sequence[str] = DEFAULT_CHANNELS, max_bytes: int = DEFAULT_MAX_BYTES
) -> Workspace:
    workspace = Workspace()
    for path, named_directly in discover(paths):
        workspace.files_read += 1
        map_file, problems = load_file(path, named_directly, channels=channels, max_bytes=max_bytes)
        workspace.problems.extend(problems)
        if map_file is not None:
            workspace.maps.append(map_file)
    workspace.problems.extend(check_references(workspace.maps))
    return workspace


def load_named(
    paths: Sequence[str],
    catalog_paths: Iterable[str],
    *,
    channels: Sequence[str] = DEFAULT_CHANNELS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[Workspace, list[JourneyFile]]:
    """The workspace of `paths` and the configured catalogs, its problems in order, and the
    journeys among the files `paths` name (a configured catalog is read, never the subject)."""
    named_files, catalogs = discover_with_catalogs(paths, catalog_paths)
    named = {os.path.realpath(path) for path, _ in named_files}
    workspace = load_workspace([*paths, *catalogs], channels=channels, max_bytes=max_bytes)
    workspace.problems.sort(key=lambda problem: problem.sort_key())
    return workspace, [item for item in workspace.journeys if os.path.realpath(item.path) in named]
