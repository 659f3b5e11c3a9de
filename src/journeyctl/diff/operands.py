"""What `journeyctl diff ARGS...` compares: the command-line operands -> two lists of FileTexts.

    OLD NEW            two files or two folders; either may be REV:path (a file or folder at a revision)
    REV [PATH...]      the working tree against REV
    A..B [PATH...]     revision A against revision B (either side defaults to HEAD)
    A...B [PATH...]    the merge base of A and B against B: what a pull request from B into A changes

Paths after a revision limit the comparison (`journeyctl diff main -- maps/`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from journeyctl.diff import gitsource
from journeyctl.diff.gitsource import refuse_option_like
from journeyctl.diff.sides import FileText
from journeyctl.loading import discover
from journeyctl.loading.source import DEFAULT_MAX_BYTES, decode_text, read_text, too_large
from journeyctl.problems import Problem, UsageError

DEV_NULL = "/dev/null"


@dataclass
class Operands:
    old: list[FileText] = field(default_factory=list)
    new: list[FileText] = field(default_factory=list)
    pair_single_maps: bool = False  # two files named directly are compared whatever their map ids


def collect(args: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Operands:
    if not args:
        raise UsageError("nothing to compare: give two files or folders, or a revision (e.g. 'journeyctl diff main')")
    for arg in args:
        refuse_option_like(arg, "argument")
    if _is_operand(args[0]):
        if len(args) != 2:
            raise UsageError(f"{args[0]} is a file, folder or REV:path: give exactly two of them (OLD NEW), "
                             "or a revision first")
        if not _is_operand(args[1]):
            raise UsageError(f"no such file or folder: {args[1]}")
        return _two_operands(args[0], args[1], max_bytes)
    return _revisions(args[0], args[1:], max_bytes)


def collect_git_driver(args: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Operands:
    """git's external-diff call: path old-file old-hex old-mode new-file new-hex new-mode [new-path message]."""
    if len(args) not in (7, 9):
        raise UsageError(f"--git-driver expects the 7 arguments git passes to an external diff, got {len(args)}")
    path, old_file, new_file = args[0], args[1], args[4]
    new_path = args[7] if len(args) == 9 else path
    operands = Operands(pair_single_maps=True)
    if old_file != DEV_NULL:
        operands.old.append(FileText("file", f"a/{path}", _read_file(old_file, max_bytes, f"a/{path}"), True))
    if new_file != DEV_NULL:
        operands.new.append(FileText("file", f"b/{new_path}", _read_file(new_file, max_bytes, f"b/{new_path}"), True))
    return operands


# --- OLD NEW -----------------------------------------------------------------------------


def _is_operand(arg: str) -> bool:
    return os.path.exists(arg) or _split_revision_path(arg) is not None


def _split_revision_path(arg: str) -> tuple[str, str] | None:
    revision, colon, path = arg.partition(":")
    return (revision, path) if colon and revision and not os.path.exists(arg) else None


def _two_operands(old_arg: str, new_arg: str, max_bytes: int) -> Operands:
    old_texts, old_is_file = _operand_texts(old_arg, max_bytes)
    new_texts, new_is_file = _operand_texts(new_arg, max_bytes)
    if old_is_file != new_is_file:
        raise UsageError(f"compare a file with a file, or a folder with a folder: {old_arg} and {new_arg}")
    if old_is_file:  # two single files: whatever they are called, they are the two versions
        old_texts = [FileText("file", item.display, item.text, True) for item in old_texts]
        new_texts = [FileText("file", item.display, item.text, True) for item in new_texts]
    return Operands(old_texts, new_texts, pair_single_maps=old_is_file)


def _operand_texts(arg: str, max_bytes: int) -> tuple[list[FileText], bool]:
    """The files one operand names, keyed by their path inside it; and whether it is a single file."""
    if os.path.exists(arg):
        if os.path.isdir(arg):
            return [FileText(Path(os.path.relpath(path, arg)).as_posix(), path, _read_file(path, max_bytes), named)
                    for path, named in discover([arg])], False
        return [FileText(Path(arg).name, arg, _read_file(arg, max_bytes), True)], True
    revision, path = _split_revision_path(arg)  # type: ignore[misc]  # _is_operand said so
    root = gitsource.repository_root()
    commit = gitsource.resolve_commit(root, revision)
    inside = _root_relative(root, path) if path.startswith(("./", "../")) else path.strip("/") or "."
    blob = gitsource.blob_exists(root, commit, inside) if inside != "." else None
    if blob is not None:
        text = _decode(f"{revision}:{blob.path}", gitsource.read_blobs(root, [blob.sha], max_bytes)[blob.sha], max_bytes)
        return [FileText(Path(blob.path).name, f"{revision}:{blob.path}", text, True)], True
    blobs = gitsource.list_map_blobs(root, commit, [] if inside == "." else [inside])
    if not blobs:
        raise UsageError(f"{path!r} does not exist in {revision!r}")
    contents = gitsource.read_blobs(root, [blob.sha for blob in blobs], max_bytes)
    prefix = "" if inside == "." else inside.rstrip("/") + "/"
    return [FileText(blob.path[len(prefix):], f"{revision}:{blob.path}",
                     _decode(f"{revision}:{blob.path}", contents[blob.sha], max_bytes)) for blob in blobs], False


# --- revisions ---------------------------------------------------------------------------


def _revisions(spec: str, paths: Sequence[str], max_bytes: int) -> Operands:
    root = gitsource.repository_root()
    pathspecs = [relative for relative in (_root_relative(root, path) for path in paths) if relative != "."]
    if "..." in spec:
        first, _, second = spec.partition("...")
        first_commit = gitsource.resolve_commit(root, first or "HEAD")
        second_commit = gitsource.resolve_commit(root, second or "HEAD")
        base = gitsource.merge_base(root, first_commit, second_commit)
        return _commit_against_commit(root, (base, f"{first or 'HEAD'}...{second or 'HEAD'}"),
                                      (second_commit, second or "HEAD"), pathspecs, max_bytes)
    if ".." in spec:
        first, _, second = spec.partition("..")
        return _commit_against_commit(root, (gitsource.resolve_commit(root, first or "HEAD"), first or "HEAD"),
                                      (gitsource.resolve_commit(root, second or "HEAD"), second or "HEAD"),
                                      pathspecs, max_bytes)
    commit = gitsource.resolve_commit(root, spec)
    old = _commit_texts(root, commit, spec, gitsource.list_map_blobs(root, commit, pathspecs), max_bytes)
    new = []
    for path in gitsource.working_tree_files(root, pathspecs):
        on_disk = os.path.relpath(os.path.join(root, path))
        new.append(FileText(path, on_disk, _read_file(on_disk, max_bytes)))
    return Operands(old, new)


def _commit_against_commit(root: str, old: tuple[str, str], new: tuple[str, str], pathspecs: list[str],
                           max_bytes: int) -> Operands:
    old_blobs = gitsource.list_map_blobs(root, old[0], pathspecs)
    new_blobs = gitsource.list_map_blobs(root, new[0], pathspecs)
    # The same blob id is the same content: skip it without reading it.
    new_ids = {(blob.path, blob.sha) for blob in new_blobs}
    same = {blob.path for blob in old_blobs if (blob.path, blob.sha) in new_ids}
    old_blobs = [blob for blob in old_blobs if blob.path not in same]
    new_blobs = [blob for blob in new_blobs if blob.path not in same]
    return Operands(_commit_texts(root, old[0], old[1], old_blobs, max_bytes),
                    _commit_texts(root, new[0], new[1], new_blobs, max_bytes))


def _commit_texts(root: str, commit: str, label: str, blobs: list[gitsource.Blob], max_bytes: int) -> list[FileText]:
    contents = gitsource.read_blobs(root, [blob.sha for blob in blobs], max_bytes)
    return [FileText(blob.path, f"{label}:{blob.path}", _decode(f"{label}:{blob.path}", contents[blob.sha], max_bytes))
            for blob in blobs]


def _root_relative(root: str, path: str) -> str:
    refuse_option_like(path, "path")
    relative = os.path.relpath(os.path.realpath(path), os.path.realpath(root))
    if relative == ".." or relative.startswith("../"):
        raise UsageError(f"{path} is outside the repository {root}")
    return Path(relative).as_posix()


# --- text --------------------------------------------------------------------------------


def _read_file(path: str, max_bytes: int, display: str | None = None) -> str | Problem:
    text = read_text(path, max_bytes)
    if isinstance(text, Problem) and display is not None:
        return Problem(display, text.span, text.check, text.message)
    return text


def _decode(display: str, raw: bytes | int, max_bytes: int) -> str | Problem:
    """The checks read_text makes on a file on disk, for bytes that came from git (or the size of a blob too large to read)."""
    return too_large(display, max_bytes) if isinstance(raw, int) else decode_text(display, raw, max_bytes)
