"""Reading files at a git revision with git itself: ls-tree to list, cat-file to read; no checkout.

git runs with argument lists (never a shell), `--literal-pathspecs` and paths only after `--`,
so a path is only ever a path; a revision that could be read as an option (a leading '-') is
refused before.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass

from journeyctl.mapfiles import MAP_SUFFIXES
from journeyctl.problems import UsageError


class GitError(UsageError):
    """git refused: not a repository, an unknown revision. A usage error (exit 2)."""


def refuse_option_like(value: str, what: str) -> str:
    if value.startswith("-"):
        raise UsageError(f"{what} {value!r} starts with '-'; journeyctl does not pass it to git")
    return value


def _git(args: Sequence[str], cwd: str, *, input: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", "--literal-pathspecs", *args], cwd=cwd, input=input, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH); revisions need git") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return done.stdout


def repository_root(cwd: str = ".") -> str:
    try:
        return _git(["rev-parse", "--show-toplevel"], cwd).decode().strip()
    except GitError:
        raise GitError(
            f"not a git repository: {os.path.abspath(cwd)} (revisions need one; give two files or folders instead)"
        ) from None


def repository_root_or_none(cwd: str = ".") -> str | None:
    try:
        return repository_root(cwd)
    except GitError:
        return None


def resolve_commit(root: str, revision: str) -> str:
    """The commit a revision names, or a usage error that says which revision is unknown."""
    refuse_option_like(revision, "revision")
    try:
        return _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], root).decode().strip()
    except GitError:
        raise GitError(f"unknown revision {revision!r}") from None


def merge_base(root: str, first: str, second: str) -> str:
    try:
        return _git(["merge-base", first, second], root).decode().strip()
    except GitError:
        raise GitError("no common ancestor for the '...' range") from None


@dataclass(frozen=True, slots=True)
class Blob:
    path: str  # relative to the repository root, with '/'
    sha: str


def list_map_blobs(root: str, commit: str, paths: Sequence[str]) -> list[Blob]:
    """Every *.yaml/*.yml file of `commit` under `paths` (root-relative), hidden folders skipped as on disk."""
    output = _git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", *paths], root)
    blobs = []
    for entry in output.split(b"\0"):
        if not entry:
            continue
        meta, _, name = entry.partition(b"\t")
        mode, kind, sha = meta.decode().split()
        path = name.decode("utf-8", "surrogateescape")
        if kind == "blob" and path.endswith(MAP_SUFFIXES) and not _hidden(path):
            blobs.append(Blob(path, sha))
    return blobs


def blob_exists(root: str, commit: str, path: str) -> Blob | None:
    blobs = [blob for blob in list_map_blobs(root, commit, [path]) if blob.path == path]
    if blobs:
        return blobs[0]
    output = _git(["ls-tree", "-z", "--full-tree", commit, "--", path], root)
    if output:  # a file that is not *.yaml: still readable when named directly
        meta, _, _ = output.split(b"\0")[0].partition(b"\t")
        mode, kind, sha = meta.decode().split()
        return Blob(path, sha) if kind == "blob" else None
    return None


def read_blobs(root: str, shas: Sequence[str], max_bytes: int) -> dict[str, bytes | int]:
    """Many blobs in one git process (`cat-file --batch`), not one `git show` per file.

    Sizes are asked first (`--batch-check`): a blob over `max_bytes` is not read, and comes
    back as its size; a missing object (a damaged or partial clone) is a GitError.
    """
    wanted = list(dict.fromkeys(shas))
    if not wanted:
        return {}
    found: dict[str, bytes | int] = {}
    checked = _git(["cat-file", "--batch-check"], root, input="".join(f"{sha}\n" for sha in wanted).encode())
    for sha, line in zip(wanted, checked.decode("utf-8", "replace").splitlines(), strict=False):
        parts = line.split()
        if len(parts) != 3 or parts[1] != "blob":
            raise GitError(
                f"object {sha} cannot be read from the repository ({line.strip()}): a damaged or partial clone?"
            )
        if int(parts[2]) > max_bytes:
            found[sha] = int(parts[2])
    wanted = [sha for sha in wanted if sha not in found]
    if not wanted:
        return found
    output = _git(["cat-file", "--batch"], root, input="".join(f"{sha}\n" for sha in wanted).encode())
    position = 0
    for sha in wanted:
        header_end = output.index(b"\n", position)
        header = output[position:header_end].decode().split()
        size = int(header[2])
        found[sha] = output[header_end + 1 : header_end + 1 + size]
        position = header_end + 1 + size + 1  # the content is followed by a newline
    return found


def blob_ids(root: str, paths: Sequence[str], max_bytes: int) -> dict[str, str]:
    """The blob id git would give each working-tree file (root-relative), in one `git hash-object`.

    Files over `max_bytes`, and names git's line-based input cannot carry, get none: they are
    read (and reported) as usual.
    """
    hashable = [path for path in paths if "\n" not in path and os.path.getsize(os.path.join(root, path)) <= max_bytes]
    if not hashable:
        return {}
    output = _git(
        ["hash-object", "--stdin-paths"],
        root,
        input="".join(f"{path}\n" for path in hashable).encode("utf-8", "surrogateescape"),
    )
    return dict(zip(hashable, output.decode().split(), strict=False))


def working_tree_files(root: str, paths: Sequence[str], *, untracked: bool = True) -> list[str]:
    """Map files under `paths` as they are on disk now: tracked ones, and untracked-but-not-ignored ones if asked."""
    others = ["--others", "--exclude-standard"] if untracked else []
    output = _git(["ls-files", "-z", "--cached", *others, "--full-name", "--", *paths], root)
    found = []
    for name in dict.fromkeys(output.split(b"\0")):
        path = name.decode("utf-8", "surrogateescape")
        if path.endswith(MAP_SUFFIXES) and not _hidden(path) and os.path.isfile(os.path.join(root, path)):
            found.append(path)
    return found


def _hidden(path: str) -> bool:
    return any(part.startswith(".") for part in path.split("/")[:-1])
