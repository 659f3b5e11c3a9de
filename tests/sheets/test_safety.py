"""The second wall behind sheets/safety.py's scan: openpyxl parses through defusedxml."""

from __future__ import annotations

import pytest

from tests.sheets.helpers import CASES


def test_openpyxl_uses_defusedxml():
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML, "install defusedxml (a dependency): openpyxl would expand entities without it"


@pytest.mark.parametrize("case", ["billion-laughs", "external-entity"])
def test_openpyxl_alone_refuses_entities(case):
    """Were our scan to miss a workbook, openpyxl itself would refuse it, not expand it."""
    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook

    with pytest.raises(ValueError) as raised:  # openpyxl's "could not read worksheets", from defusedxml's
        load_workbook(CASES / case / "journey.xlsx", read_only=True, data_only=True)
    assert isinstance(raised.value.__cause__, DefusedXmlException)
