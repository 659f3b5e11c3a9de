"""Writing output files: atomically, so a reader never sees half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from journeyctl.problems import UsageError


def write_atomic(path: Path | str, content: str | bytes, *, exclusive: bool = False) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`.

    With `exclusive`, refuse (FileExistsError) when `path` already exists.
    """
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    # A short temporary name: `.{name}.XXXXXX.tmp` would pass the name limit for a long name.
    handle, temporary = tempfile.mkstemp(dir=path.parent or ".", prefix=".journeyctl-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, _mode_for(path))
        if exclusive:
            os.link(temporary, path)  # fails if path exists, atomically
            os.unlink(temporary)
        else:
            os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def write_output(path: Path | str, content: str | bytes) -> None:
    """write_atomic for a file the user named: a missing folder is made, a failure is a usage error.

    Through a symlink to the file it names; and straight into a device, a pipe or a /dev/stdout
    that the shell pointed at a file (`-o /dev/stdout >> log`), which a rename would replace.
    """
    try:
        special = str(path).startswith(("/dev/", "/proc/"))
        if special or (os.path.exists(path) and not os.path.isfile(path)):
            with open(path, "ab") as stream:  # append: keeps what a `>>` redirection already holds
                stream.write(content.encode("utf-8") if isinstance(content, str) else content)
            return
        target = Path(os.path.realpath(path))
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, content)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None


def _mode_for(path: Path) -> int:
    """Keep an existing file's mode; a new file gets the usual one (mkstemp's is owner-only)."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
