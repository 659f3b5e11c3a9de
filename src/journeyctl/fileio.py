"""Writing output files: atomically, so a reader never sees half a file, and as a plain write would.

Every write goes to a temporary file beside the target, `.journeyctl-<pid>-<random>.tmp`, which
is then renamed over it. Rewriting an existing file keeps what a plain write keeps and refuses
what a plain write would refuse:

- a file the user may not write is refused: `os.access(W_OK)`, and also a file with no write bit
  at all, because root passes `os.access` on anything and a 0444 file is read-only on purpose;
- its mode, owner and group stay (a rename would make the writer its owner); when the owner
  cannot be kept (another user's file, writable through its group) it is refused;
- a file with more than one hard link is refused: the rename would split the links, and writing
  in place instead could leave a half-written file if the process is killed;
- with `unchanged`, a file that changed since it was read (mtime, size, inode or content) is
  refused, so a save made meanwhile is never overwritten (a check right before the rename: the
  window that is left is the rename itself).

Temporary files are removed on an error, on SIGTERM and on SIGINT. A SIGKILL or a power cut
leaves one; the next write into the same folder removes those whose writing process has ended
(or older than a day: the pid may belong to another host sharing the folder, or be reused).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import signal
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from journeyctl.problems import UsageError

_PREFIX = ".journeyctl-"
_SUFFIX = ".tmp"
# Ours only: the pid and mkstemp's 8 random characters (without a pid: an older journeyctl).
_OURS = re.compile(r"\.journeyctl-(?:(?P<pid>[0-9]+)-)?[a-z0-9_]{8}\.tmp")
STALE_AFTER_SECONDS = 24 * 60 * 60
_CLEANUP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class FileChangedError(OSError):
    """The file changed between reading it and writing its new content."""


@dataclass(frozen=True)
class Snapshot:
    """What a file was when it was read, to tell whether it changed since."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    digest: bytes  # of the content read (text as UTF-8 without a BOM, as map files are read)

    @classmethod
    def of(cls, status: os.stat_result, content: str | bytes) -> Snapshot:
        """`status` taken before the file was read (a change after it shows in the mtime), `content` what was read."""
        return cls(status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, _digest(content))

    def still_holds(self, path: Path | str, as_text: bool) -> bool:
        try:
            status = os.stat(path)
            if (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns) != (
                self.device,
                self.inode,
                self.size,
                self.mtime_ns,
            ):
                return False
            with open(path, "rb") as stream:
                raw = stream.read()
        except OSError:
            return False
        return _digest(raw.decode("utf-8-sig", errors="replace") if as_text else raw) == self.digest


def _digest(content: str | bytes) -> bytes:
    return hashlib.sha256(content.encode("utf-8") if isinstance(content, str) else content).digest()


def write_atomic(
    path: Path | str, content: str | bytes, *, exclusive: bool = False, unchanged: Snapshot | None = None
) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`.

    With `exclusive`, refuse (FileExistsError) when `path` already exists; with `unchanged`,
    refuse (FileChangedError) when `path` is no longer what the snapshot saw.
    """
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = path.parent  # Path("name").parent is Path(".")
    existing = None if exclusive else _existing(path)
    _remove_stale_temporaries(folder)
    # A short temporary name: `.{name}.XXXXXX.tmp` would pass the name limit for a long name.
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f"{_PREFIX}{os.getpid()}-", suffix=_SUFFIX)
    _track(temporary)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if existing is None:
            os.chmod(temporary, _new_file_mode())
        else:
            _keep_mode_and_owner(temporary, existing)
        if exclusive:
            os.link(temporary, path)  # fails if path exists, atomically
            os.unlink(temporary)
        else:
            if unchanged is not None and not unchanged.still_holds(path, as_text=isinstance(content, str)):
                raise FileChangedError(
                    errno.EAGAIN, "it changed since it was read; nothing was written (run again)", str(path)
                )
            os.replace(temporary, path)
    except BaseException:
        if os.path.lexists(temporary):
            os.unlink(temporary)
        raise
    finally:
        _temporaries.discard(temporary)


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


def _existing(path: Path) -> os.stat_result | None:
    """The file that will be replaced, after refusing what a plain write would not do to it."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    if not os.access(path, os.W_OK) or not status.st_mode & 0o222:
        raise PermissionError(errno.EACCES, "it is read-only", str(path))
    if status.st_nlink > 1:
        raise OSError(errno.EMLINK, f"it has {status.st_nlink} hard links, which a rewrite would split", str(path))
    return status


def _keep_mode_and_owner(temporary: str, existing: os.stat_result) -> None:
    os.chmod(temporary, existing.st_mode & 0o7777)
    mine = os.stat(temporary)
    if (mine.st_uid, mine.st_gid) != (existing.st_uid, existing.st_gid):
        try:
            os.chown(temporary, existing.st_uid, existing.st_gid)
        except PermissionError:
            raise PermissionError(
                errno.EPERM, "it belongs to another user or group, and a rewrite would make it yours"
            ) from None
        os.chmod(temporary, existing.st_mode & 0o7777)  # chown clears set-user/group-id bits


def _new_file_mode() -> int:
    """The usual mode of a new file (mkstemp's is owner-only)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


# Temporary files of this process, removed if it is told to stop; signal handlers are installed
# on the first write (only the main thread may install them).
_temporaries: set[str] = set()
_previous_handlers: dict[int, object] = {}
_cleaned_folders: set[str] = set()


def _track(temporary: str) -> None:
    if not _previous_handlers and threading.current_thread() is threading.main_thread():
        for number in _CLEANUP_SIGNALS:
            previous = signal.getsignal(number)
            if previous is not signal.SIG_IGN:  # `nohup` and friends: leave an ignored signal ignored
                _previous_handlers[number] = previous
                signal.signal(number, _remove_temporaries_and_stop)
    _temporaries.add(temporary)


def _remove_temporaries_and_stop(number, frame) -> None:
    for temporary in list(_temporaries):
        try:
            os.unlink(temporary)
        except OSError:
            pass
    _temporaries.clear()
    previous = _previous_handlers.get(number)
    if callable(previous):
        previous(number, frame)  # SIGINT: Python's KeyboardInterrupt
        return
    signal.signal(number, signal.SIG_DFL)
    os.kill(os.getpid(), number)  # end as the signal would have ended us, with its exit status


def _remove_stale_temporaries(folder: Path) -> None:
    """Remove what a killed journeyctl left in `folder`: our own names only, their writer gone."""
    key = os.path.abspath(folder)
    if key in _cleaned_folders:
        return
    _cleaned_folders.add(key)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        match = _OURS.fullmatch(entry.name)
        if match is None:
            continue
        try:
            status = entry.stat(follow_symlinks=False)
            if not entry.is_file(follow_symlinks=False):
                continue
            old = time.time() - status.st_mtime > STALE_AFTER_SECONDS
            if old or (match["pid"] is not None and not _running(int(match["pid"]))):
                os.unlink(entry.path)
        except OSError:
            continue


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process, or not a pid we can ask about: keep its file
    return True
