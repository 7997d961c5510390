"""Icon arrays in the PDF: read back, every figure is there, the affected ones first."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject
from reportlab.platypus import SimpleDocTemplate

from sdm_app.pdf.icon_array import IconArray


def figures(data: bytes) -> list[str]:
    """The figures placed on the first page, in drawing order ("On"/"Off" forms), found by
    following every form placed (rows place figures)."""
    reader = PdfReader(io.BytesIO(data))
    page = reader.pages[0]

    def walk(stream: object, resources: DictionaryObject) -> list[str]:
        found: list[str] = []
        xobjects = resources.get("/XObject", {})
        for operands, operator in ContentStream(stream, reader).operations:
            if operator != b"Do":
                continue
            name = str(operands[0])
            if name.endswith(("IconPersonOn", "IconSquareOn")):
                found.append("On")
            elif name.endswith(("IconPersonOff", "IconSquareOff")):
                found.append("Off")
            else:
                form = xobjects[name].get_object()
                found += walk(form, form.get("/Resources", resources))
        return found

    return walk(page.get_contents(), page["/Resources"])


@pytest.mark.parametrize(("events", "per"), [(27, 100), (0, 100), (100, 100), (5, 1000), (3, 10)])
def test_every_figure_is_drawn_and_the_affected_come_first(events: int, per: int) -> None:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([IconArray(events, per, 300)])
    drawn = figures(buffer.getvalue())
    assert Counter(drawn) == Counter({"On": events, "Off": per - events})
    assert drawn == ["On"] * events + ["Off"] * (per - events)  # grouped, from the top left


def test_two_arrays_share_the_figures_and_rows_they_have_in_common() -> None:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([IconArray(27, 100, 150), IconArray(23, 100, 150)])
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    names = sorted(str(n) for n in reader.pages[0]["/Resources"]["/XObject"])
    # full, empty, 7-of-10 and 3-of-10 rows: four row forms for both arrays
    assert [n.split(".")[-1] for n in names] == [
        "sdmRowPerson0of10",
        "sdmRowPerson10of10",
        "sdmRowPerson3of10",
        "sdmRowPerson7of10",
    ]
