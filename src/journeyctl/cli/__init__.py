"""The command line (app.py registers every command; one module per command), and its entry point.

Start-up counts: `journeyctl lint` of one map runs on every commit (pre-commit); see
docs/development.md, "Speed". Pydantic would scan the entry points of every installed package
for its plugins (PYDANTIC_DISABLE_PLUGINS, read when the first model is built); journeyctl uses
none. Set the variable to an empty value to have plugins anyway.
"""

import os
import sys
import types

os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def _no_plugin_loader() -> None:
    """With every plugin disabled, Pydantic's loader returns none, but importing its module imports
    importlib.metadata all the same (with email, zipfile and csv: a tenth of a one-map lint's
    time). Stand in for that module, then, with one that gives the same answer without the
    import. Any other value of the variable leaves Pydantic's loader in charge."""
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] not in ("__all__", "1", "true"):  # pydantic's own test
        return
    stand_in = types.ModuleType("pydantic.plugin._loader", _no_plugin_loader.__doc__)
    setattr(stand_in, "get_plugins", lambda: ())  # noqa: B010 (the module is made here: mypy cannot see its names)
    sys.modules.setdefault("pydantic.plugin._loader", stand_in)


_no_plugin_loader()


def main() -> None:
    """The journeyctl command (pyproject.toml's [project.scripts], `python -m journeyctl`, the
    pre-commit hooks): app.main, with the garbage collector paused while it starts (collector.py)."""
    from journeyctl.cli import collector

    collector.pause()
    try:
        from journeyctl.cli.app import main as run

        run()
    finally:
        collector.resume()  # --help, --version or a usage error: the command never started
