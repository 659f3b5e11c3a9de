"""`render --watch`: render again whenever a file the render reads is saved (and, with `--serve`,
show the output on http://127.0.0.1 with pages that reload themselves: render/serve.py).

What is watched: the map files in the folders named (new ones too) and the files named, the
configured catalogs, the account, the templates folders (`--templates` and the configuration's)
and the configuration file. Found again before every render, since the configuration may change
what they are. Polled: every file's mtime and size every 0.3 s, by os.scandir, which costs about
a millisecond for a few hundred files and needs no dependency.

A render that fails prints its problems and writes nothing (run() writes only when every document
is rendered), so the last good output stays, and is still served. Ctrl-C stops it: the server
is closed, and fileio removes a temporary file being written.
"""

from __future__ import annotations

import dataclasses
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from journeyctl.config import find_config_file, load_config
from journeyctl.mapfiles import MAP_SUFFIXES
from journeyctl.paths import printable
from journeyctl.problems import UsageError
from journeyctl.render.run import STDOUT, RenderRequest, RenderResult, run

POLL_SECONDS = 0.3
SETTLE_SECONDS = 0.2  # editors save in two writes (or a write and a rename): render after the last

Stamp = tuple[int, int] | None  # mtime and size; None: missing
Stamps = dict[str, Stamp]


def watch(
    request: RenderRequest, show: Callable[[RenderResult], None], *, serve: bool = False, port: int | None = None
) -> None:
    """Render, then render again on every change, until Ctrl-C (KeyboardInterrupt, let through:
    the command line's exit status for it). A usage error in the first render ends it (exit 2);
    later ones are printed, and it goes on watching."""
    if port is not None and not serve:
        raise UsageError("--port is the port of --serve: add --serve")
    if request.out == STDOUT:
        raise UsageError("--watch and --serve write to a folder: use --out DIR, not --out -")
    out = os.path.realpath(request.out)
    # No worker processes: --serve runs a server thread, and forking a process with threads can hang.
    request = dataclasses.replace(request, jobs=1)
    watched = _watched(request, [])
    stamps = snapshot(watched, out)
    result = run(request)
    show(result)
    preview = None
    try:
        if serve:
            from journeyctl.render.serve import Preview

            preview = Preview(Path(request.out), port or 0)
            preview.start()
            _say(f"Serving {printable(request.out)} at {preview.url}{_first_page(result)}")
        _say(f"Watching {len(stamps)} files for changes (Ctrl-C to stop)")
        while True:
            time.sleep(POLL_SECONDS)
            current = snapshot(watched, out)
            if current == stamps:
                continue
            changed = _settled(watched, out, current)
            names = sorted(path for path in {*stamps, *changed} if stamps.get(path) != changed.get(path))
            more = f" and {len(names) - 1} more" if len(names) > 1 else ""
            _say(f"{printable(names[0])}{more} changed: rendering again")
            watched = _watched(request, watched)
            stamps = snapshot(watched, out)  # before the render: a save during it renders again
            try:
                result = run(request)
            except (UsageError, OSError) as error:  # a broken template, say: the user is fixing it
                _say(f"journeyctl: error: {printable(str(error))} (still watching)")
                continue
            show(result)
            if result.stopped:
                _say("The last good render stays in place (still watching)")
            elif preview is not None:
                preview.reloads.rendered()
    except KeyboardInterrupt:
        _say("Stopped watching")
        raise
    finally:
        if preview is not None:
            preview.close()


def _watched(request: RenderRequest, previous: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The paths a render reads, each with whether every file below it counts (templates) or only
    map files; `previous` when the configuration cannot be read (the render says why)."""
    try:
        config = load_config(request.config_file)
        catalogs = config.catalog_paths
        config_file = request.config_file or find_config_file()
    except UsageError:
        return previous
    maps = [*request.paths, *catalogs]
    account = getattr(request, "account", None)  # --account, where the render has it (issue 13)
    if account:
        maps.append(account)
    templates = [
        path
        for path in (request.templates, config.resolve(config.templates) if config.templates else None)
        if path is not None
    ]
    others = [*templates, *([config_file] if config_file else [])]
    return [*((str(path), False) for path in maps), *((str(path), True) for path in others)]


def snapshot(watched: list[tuple[str, bool]], skip: str) -> Stamps:
    """Every watched file's stamp; folders are walked (hidden entries and `skip`, the output
    folder, left out), a missing path is stamped None so that its return counts as a change."""
    stamps: Stamps = {}
    for path, every_file in watched:
        try:
            status = os.stat(path)
        except OSError:
            stamps[path] = None
            continue
        if not stat.S_ISDIR(status.st_mode):
            stamps[path] = (status.st_mtime_ns, status.st_size)
            continue
        folders = [path]
        while folders:
            folder = folders.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    if entry.is_dir(follow_symlinks=False):  # as discover's os.walk: no loops
                        if os.path.realpath(entry.path) != skip:
                            folders.append(entry.path)
                    elif every_file or entry.name.endswith(MAP_SUFFIXES):
                        found = entry.stat()
                        stamps[entry.path] = (found.st_mtime_ns, found.st_size)
                except OSError:
                    stamps[entry.path] = None
    return stamps


def _settled(watched: list[tuple[str, bool]], skip: str, current: Stamps) -> Stamps:
    """The stamps once nothing has changed for SETTLE_SECONDS."""
    while True:
        time.sleep(SETTLE_SECONDS)
        later = snapshot(watched, skip)
        if later == current:
            return current
        current = later


def _first_page(result: RenderResult) -> str:
    """The page to open: the index when there is one, else the first HTML document."""
    names = [output.name for output in result.outputs if output.name.endswith(".html")]
    if not names or "index.html" in names:
        return ""
    return quote(names[0])


def _say(line: str) -> None:
    print(line, flush=True)
