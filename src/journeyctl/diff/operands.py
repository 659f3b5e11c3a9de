"""What `journeyctl diff ARGS...` compares: the command-line operands -> two lists of FileTexts.

    OLD NEW              two files or two folders; either may be REV:path (a file or folder at a revision)
    REV [PATH...]        the working tree against REV
    A B [PATH...]        revision A against revision B, as `git diff A B`
    A..B [PATH...]       the same (either side defaults to HEAD)
    A...B [PATH...]      the merge base of A and B against B: what a pull request from B into A changes

An argument is told a revision from a path as git tells them: without `--`, a revision must not
also be a file or folder here (that is ambiguous), and an argument after the revisions must be
an existing file or folder; everything after `--` is a path, even one that exists only at a
revision. Paths limit the comparison, and each must match a map on one side at least. Without
paths, the comparison covers the repository's maps: the configuration's `maps:` (and
`catalogs:`), else the files git tracks that have a top-level `journeyctl:` key, so scratch YAML
lying in the working tree is not compared.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from journeyctl.diff import gitsource
from journeyctl.diff.gitsource import refuse_option_like
from journeyctl.diff.sides import FileText
from journeyctl.loading import discover
from journeyctl.loading.source import DEFAULT_MAX_BYTES, decode_text, read_text, too_large
from journeyctl.mapfiles import could_be_map, looks_like_map
from journeyctl.problems import Problem, UsageError

DEV_NULL = "/dev/null"
# The separator as the user wrote it: the diff command keeps `--` among its arguments
# (cli/diff_command.py), because it decides whether what follows is a revision or a path.
SEPARATOR = "--"


@dataclass
class Operands:
    old: list[FileText] = field(default_factory=list)
    new: list[FileText] = field(default_factory=list)
    pair_single_maps: bool = False  # two files named directly are compared whatever their map ids


def collect(
    args: Sequence[str], *, map_roots: Sequence[str] | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Operands:
    """`map_roots`: the configured maps (config.map_roots), compared when a revision is given without paths."""
    separated = SEPARATOR in args
    words = list(args[: args.index(SEPARATOR)]) if separated else list(args)
    paths = list(args[args.index(SEPARATOR) + 1 :]) if separated else []
    if not words and not paths:
        raise UsageError("nothing to compare: give two files or folders, or a revision (e.g. 'journeyctl diff main')")
    for word in words:
        refuse_option_like(word, "argument")
    root = gitsource.repository_root_or_none()
    if not words:  # `-- OLD NEW`: two paths, whatever else their names could mean
        if len(paths) != 2:
            raise UsageError("with nothing before '--', give two files or folders after it (OLD NEW)")
        for path in paths:
            if not os.path.exists(path):
                raise UsageError(f"no such file or folder: {path}")
        return _two_operands(paths[0], paths[1], max_bytes)
    if not separated and _is_operand(words[0]):
        for word in words[:2]:
            if root is not None and os.path.exists(word) and _is_revision(root, word):
                raise _ambiguous(word)
        if len(words) != 2:
            raise UsageError(
                f"{words[0]} is a file, folder or REV:path: give exactly two of them (OLD NEW), or a revision first"
            )
        if not _is_operand(words[1]):
            raise UsageError(f"no such file or folder: {words[1]}")
        return _two_operands(words[0], words[1], max_bytes)
    if root is None:
        root = gitsource.repository_root()  # raises: not a git repository
    revisions, rest = _split_revisions(root, words, separated)
    return _revisions(root, revisions, [*rest, *paths], map_roots, max_bytes)


def _split_revisions(root: str, words: list[str], separated: bool) -> tuple[list[str], list[str]]:
    """(revisions, paths) among the words before any `--`, as git tells them apart."""
    count = len(words) if separated else 0
    while count < len(words) and _is_revision(root, words[count]):
        if os.path.exists(words[count]):
            raise _ambiguous(words[count])
        count += 1
    revisions, rest = words[:count], words[count:]
    for word in rest:
        if not os.path.exists(word):
            if not revisions and ".." in word:
                _sides(root, word)  # says which end of the range is unknown
            raise UsageError(
                f"unknown revision or path {word!r}: not a revision, and no such file or folder "
                "(paths that exist only at a revision go after '--')"
            )
    if len(revisions) > 2 or (len(revisions) == 2 and any(".." in revision for revision in revisions)):
        raise UsageError(f"give one revision, two (A B), or one range (A..B, A...B); got {' '.join(revisions)}")
    return revisions, rest


Side = tuple[str, str]  # (commit, label)


def _sides(root: str, word: str) -> tuple[Side, Side | None]:
    """What a revision word compares: a range names both sides; one revision the old side, against the working tree.

    An unknown revision is a usage error that names it.
    """
    for dots in ("...", ".."):
        if dots in word:
            first, _, second = word.partition(dots)
            first, second = first or "HEAD", second or "HEAD"
            first_commit = gitsource.resolve_commit(root, first)
            second_commit = gitsource.resolve_commit(root, second)
            if dots == "...":
                base = gitsource.merge_base(root, first_commit, second_commit)
                return (base, f"{first}...{second}"), (second_commit, second)
            return (first_commit, first), (second_commit, second)
    return (gitsource.resolve_commit(root, word), word), None


def _is_revision(root: str, word: str) -> bool:
    try:
        _sides(root, word)
    except UsageError:
        return False
    return True


def _ambiguous(word: str) -> UsageError:
    return UsageError(
        f"ambiguous argument {word!r}: both a revision and a file or folder here; "
        f"write './{word}' for the path, or put paths after '--'"
    )


def collect_git_driver(args: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Operands:
    """git's external-diff call: path old-file old-hex old-mode new-file new-hex new-mode [new-path message]."""
    if args[:1] == [SEPARATOR]:  # `journeyctl diff --git-driver -- ...`, as documented
        args = args[1:]
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
            return [
                FileText(Path(os.path.relpath(path, arg)).as_posix(), path, _read_file(path, max_bytes), named)
                for path, named in discover([arg])
            ], False
        return [FileText(Path(arg).name, arg, _read_file(arg, max_bytes), True)], True
    revision, path = _split_revision_path(arg)  # type: ignore[misc]  # _is_operand said so
    root = gitsource.repository_root()
    commit = gitsource.resolve_commit(root, revision)
    inside = _root_relative(root, path) if path.startswith(("./", "../")) else path.strip("/") or "."
    blob = gitsource.blob_exists(root, commit, inside) if inside != "." else None
    if blob is not None:
        text = _decode(
            f"{revision}:{blob.path}", gitsource.read_blobs(root, [blob.sha], max_bytes)[blob.sha], max_bytes
        )
        return [FileText(Path(blob.path).name, f"{revision}:{blob.path}", text, True)], True
    blobs = gitsource.list_map_blobs(root, commit, [] if inside == "." else [inside])
    if not blobs:
        raise UsageError(f"{path!r} does not exist in {revision!r}")
    contents = gitsource.read_blobs(root, [blob.sha for blob in blobs], max_bytes)
    prefix = "" if inside == "." else inside.rstrip("/") + "/"
    return [
        FileText(
            blob.path[len(prefix) :],
            f"{revision}:{blob.path}",
            _decode(f"{revision}:{blob.path}", contents[blob.sha], max_bytes),
        )
        for blob in blobs
    ], False


# --- revisions ---------------------------------------------------------------------------


def _revisions(
    root: str, revisions: list[str], paths: list[str], map_roots: Sequence[str] | None, max_bytes: int
) -> Operands:
    """Two revisions, or one against the working tree, limited to `paths` (or the repository's maps)."""
    if paths:
        pathspecs = [_root_relative(root, path) for path in paths]
    elif map_roots is not None:
        pathspecs = [_root_relative(root, path) for path in map_roots]
    else:
        pathspecs = []
    listed = [] if "." in pathspecs else pathspecs  # "." is the whole tree, untracked files included
    old, new_side = _sides(root, revisions[0])
    if len(revisions) == 2:
        new_side = _sides(root, revisions[1])[0]
    old_blobs = gitsource.list_map_blobs(root, old[0], listed)
    if new_side is None:  # the working tree; only a path or the configured maps bring in untracked files
        on_disk = gitsource.working_tree_files(root, listed, untracked=bool(pathspecs))
        _refuse_unmatched(paths, pathspecs, [old_blobs], on_disk, root, max_bytes)
        # A file git would store as the revision's blob is unchanged: skip it unread, as between two commits.
        present = set(on_disk)
        ids = gitsource.blob_ids(root, [blob.path for blob in old_blobs if blob.path in present], max_bytes)
        same = {blob.path for blob in old_blobs if ids.get(blob.path) == blob.sha}
        old_blobs = [blob for blob in old_blobs if blob.path not in same]
        new = [
            FileText(path, _shown(root, path), _read_file(_shown(root, path), max_bytes))
            for path in on_disk
            if path not in same
        ]
        operands = Operands(_commit_texts(root, old[0], old[1], old_blobs, max_bytes), new)
    else:
        new_blobs = gitsource.list_map_blobs(root, new_side[0], listed)
        _refuse_unmatched(paths, pathspecs, [old_blobs, new_blobs], [], root, max_bytes)
        operands = _commit_against_commit(root, old, new_side, old_blobs, new_blobs, max_bytes)
    if not pathspecs:  # the tracked files: only those that are maps
        operands.old = [item for item in operands.old if _is_map_text(item)]
        operands.new = [item for item in operands.new if _is_map_text(item)]
    return operands


def _shown(root: str, path: str) -> str:
    return os.path.relpath(os.path.join(root, path))


def _is_map_text(item: FileText) -> bool:
    return not isinstance(item.text, str) or looks_like_map(item.text)  # an unreadable file says why


def _refuse_unmatched(
    paths: list[str],
    pathspecs: list[str],
    blob_lists: list[list[gitsource.Blob]],
    on_disk: list[str],
    root: str,
    max_bytes: int,
) -> None:
    """A path that matches no map on either side is a mistake (a typo, a revision taken for a path)."""
    for path, spec in zip(paths, pathspecs, strict=False):  # no paths: the configured maps, none refused
        if any(_under(name, spec) and could_be_map(_shown(root, name)) for name in on_disk):
            continue
        blobs = list({blob.sha: blob for blobs in blob_lists for blob in blobs if _under(blob.path, spec)}.values())
        # Usually the first file is a map: read the rest only if it is not.
        if not any(_any_map_blob(root, chunk, max_bytes) for chunk in (blobs[:1], blobs[1:])):
            raise UsageError(f"no journey maps in {path} (on either side of the comparison)")


def _any_map_blob(root: str, blobs: list[gitsource.Blob], max_bytes: int) -> bool:
    contents = gitsource.read_blobs(root, [blob.sha for blob in blobs], max_bytes)
    return any(isinstance(raw, int) or looks_like_map(raw.decode("utf-8", "replace")) for raw in contents.values())


def _under(path: str, spec: str) -> bool:
    return spec == "." or path == spec or path.startswith(spec.rstrip("/") + "/")


def _commit_against_commit(
    root: str, old: Side, new: Side, old_blobs: list[gitsource.Blob], new_blobs: list[gitsource.Blob], max_bytes: int
) -> Operands:
    # The same blob id is the same content: skip it without reading it.
    new_ids = {(blob.path, blob.sha) for blob in new_blobs}
    same = {blob.path for blob in old_blobs if (blob.path, blob.sha) in new_ids}
    old_blobs = [blob for blob in old_blobs if blob.path not in same]
    new_blobs = [blob for blob in new_blobs if blob.path not in same]
    return Operands(
        _commit_texts(root, old[0], old[1], old_blobs, max_bytes),
        _commit_texts(root, new[0], new[1], new_blobs, max_bytes),
    )


def _commit_texts(root: str, commit: str, label: str, blobs: list[gitsource.Blob], max_bytes: int) -> list[FileText]:
    contents = gitsource.read_blobs(root, [blob.sha for blob in blobs], max_bytes)
    return [
        FileText(blob.path, f"{label}:{blob.path}", _decode(f"{label}:{blob.path}", contents[blob.sha], max_bytes))
        for blob in blobs
    ]


def _root_relative(root: str, path: str) -> str:
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
