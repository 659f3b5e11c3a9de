"""`journeyctl report`: internal views of every map of a run, built from the loaded maps like
lint rules are (coverage, owners, cadence), and written in one of the formats of formats.py.

Each view module has `build(maps, ...) -> Report`; VIEWS names them, imported only when used.
"""

VIEWS = {
    "coverage": "journeyctl.views.coverage",
    "owners": "journeyctl.views.owners",
    "cadence": "journeyctl.views.cadence",
}
