"""`python -m journeyctl.ci.precommit lint|fmt [OPTION...] FILE...`: the entry of the pre-commit hooks.

pre-commit hands a hook every staged YAML file (`types: [yaml]`): workflows, configuration,
maps. Named directly, a YAML file without a top-level `journeyctl:` key is an error for lint and
fmt (the spec says so), so the hook keeps only map files and runs the command on them, after a
`--`: a file name is never an option (a map named `--output=victim.yaml` is a map). Catalogs
come from `.journeyctl.yaml` as in any lint run. pre-commit puts a hook's `args` before the file
names, so the trailing arguments that are existing files are the files; write an option's file
value as `--config=FILE`.

A staged catalog can break maps that are not staged (an owner removed that a map uses), so lint
also checks the maps that refer to a catalog: the repository's journeys (the configuration's
`maps:`, else the map files git tracks) that use an owner or persona they do not define.
"""

from __future__ import annotations

import os
import sys

from journeyctl.mapfiles import could_be_map

COMMANDS = ("lint", "fmt")


def split_arguments(arguments: list[str]) -> tuple[list[str], list[str]]:
    """(options, files): the files are the trailing arguments that name existing files."""
    start = len(arguments)
    while start > 0 and os.path.isfile(arguments[start - 1]):
        start -= 1
    return arguments[:start], arguments[start:]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: python -m journeyctl.ci.precommit {{{'|'.join(COMMANDS)}}} [OPTION...] FILE...", file=sys.stderr)
        return 2
    options, files = split_arguments(argv[1:])
    maps = [path for path in files if could_be_map(path)]  # one that cannot be read is the command's to report
    if not maps:
        return 0  # no map among the staged files: nothing to check
    from journeyctl.cli import main as journeyctl
    from journeyctl.paths import printable
    from journeyctl.problems import UsageError

    if argv[0] == "lint":
        try:
            maps += users_of_staged_catalogs(maps, _config_option(options))
        except UsageError as error:  # a broken configuration: the same line lint would print
            print(f"journeyctl: error: {printable(str(error))}", file=sys.stderr)
            return 2
    sys.argv = ["journeyctl", argv[0], *options, "--", *maps]
    try:
        journeyctl()
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    return 0


def users_of_staged_catalogs(staged: list[str], config_file: str | None) -> list[str]:
    """The repository's journeys, not staged, that refer to an owner or persona they do not define
    themselves (so to a catalog), when a staged file is a catalog; else nothing."""
    from journeyctl.config import load_config
    from journeyctl.diff import gitsource
    from journeyctl.loading import discover, load_file
    from journeyctl.loading.references import index_file
    from journeyctl.schema import Catalog, Journey

    config = load_config(config_file)

    def loaded(path: str, named_directly: bool):
        return load_file(path, named_directly, channels=config.all_channels, max_bytes=config.max_file_bytes)[0]

    if not any(isinstance(getattr(loaded(path, True), "model", None), Catalog) for path in staged):
        return []
    if config.map_roots is not None:
        candidates = [path for path, _ in discover(config.map_roots)]
    else:
        root = gitsource.repository_root_or_none()
        tracked = (
            [os.path.join(root, name) for name in gitsource.working_tree_files(root, [], untracked=False)]
            if root
            else []
        )
        candidates = [path for path in map(os.path.relpath, tracked) if could_be_map(path)]
    staged_files = {os.path.abspath(path) for path in staged}
    users = []
    for path in candidates:
        map_file = None if os.path.abspath(path) in staged_files else loaded(path, False)
        if map_file is not None and isinstance(map_file.model, Journey):
            index = index_file(map_file)
            defined = {(mention.noun, mention.item_id) for mention in index.definitions}
            if any((mention.noun, mention.item_id) not in defined for mention in index.references):
                users.append(path)
    return users


def _config_option(options: list[str]) -> str | None:
    """The hook's `--config=FILE` (or `--config FILE`) argument, so the hook reads the configuration lint will."""
    for at, option in enumerate(options):
        if option.startswith("--config="):
            return option.removeprefix("--config=")
        if option == "--config" and at + 1 < len(options):
            return options[at + 1]
    return None


if __name__ == "__main__":
    from journeyctl.report.streams import guarded_output

    with guarded_output():  # every line printable (a staged file's name can hold anything)
        status = main()
    sys.exit(status)
