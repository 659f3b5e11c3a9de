"""`python -m journeyctl.ci.precommit lint|fmt [OPTION...] FILE...`: the entry of the pre-commit hooks.

pre-commit hands a hook every staged YAML file (`types: [yaml]`): workflows, configuration,
maps. Named directly, a YAML file without a top-level `journeyctl:` key is an error for lint and
fmt (the spec says so), so the hook keeps only map files and runs the command on them. Catalogs
come from `.journeyctl.yaml` as in any lint run. pre-commit puts a hook's `args` before the file
names, so the trailing arguments that are existing files are the files; write an option's file
value as `--config=FILE`.
"""

from __future__ import annotations

import os
import re
import sys

COMMANDS = ("lint", "fmt")
# A top-level `journeyctl:` key (block or flow style), as every map file starts.
_MAP_FILE = re.compile(r"""^(?:\{\s*)?["']?journeyctl["']?\s*:""", re.M)


def is_map_file(path: str) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return bool(_MAP_FILE.search(handle.read()))
    except OSError:
        return True  # let the command report why it cannot be read


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
    maps = [path for path in files if is_map_file(path)]
    if not maps:
        return 0  # no map among the staged files: nothing to check
    from journeyctl.cli.app import main as journeyctl

    sys.argv = ["journeyctl", argv[0], *options, *maps]
    try:
        journeyctl()
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    return 0


if __name__ == "__main__":
    from journeyctl.report.streams import guarded_output

    with guarded_output():  # every line printable (a staged file's name can hold anything)
        status = main()
    sys.exit(status)
