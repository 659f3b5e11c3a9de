"""The cyclic garbage collector during start-up: paused by the entry point (journeyctl.cli.main),
running again as soon as the command's own code starts (cli/app.py).

Starting up makes a great many objects that all stay (modules, classes, Typer's and Pydantic's
tables): the collector would run some 70 times over them for nothing, a tenth to a fifth of a
one-map lint (docs/development.md, "Speed").
"""

import gc

_paused = False


def pause() -> None:
    """Pause the collector until `resume`, unless something else turned it off already."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Run the collector again if `pause` paused it, so that a long run (render --watch, a large
    lint) collects as usual. What start-up made is frozen first (moved where the collector does
    not look): else its first runs would go over every object of it, which costs more than the
    runs saved."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
