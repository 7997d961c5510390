"""The signature stamp's appearance: drawn in the plan's fonts, fitted to its box."""

from __future__ import annotations

import io

from pypdf import PdfReader

from sdm_app.pdf.stamp import MIN_SIZE, SIZE, stamp_appearance
from tests.helpers import pdf_fonts


def sizes(data: bytes) -> set[float]:
    found: set[float] = set()
    PdfReader(io.BytesIO(data)).pages[0].extract_text(
        visitor_text=lambda text, _cm, _tm, _font, size: text.strip() and found.add(size)
    )
    return found


def test_a_box_of_the_exact_size_with_every_line() -> None:
    data = stamp_appearance(["Digitally signed by: Dr. Rivera", "Document ID: SDM-1"], 250, 45)
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert [float(v) for v in page.mediabox] == [0, 0, 250, 45]
    text = page.extract_text()
    assert "Dr. Rivera" in text and "SDM-1" in text
    assert sizes(data) == {SIZE}
    assert pdf_fonts(data) and all(embedded for _, embedded in pdf_fonts(data))


def test_any_script_in_a_name_gets_a_font_with_its_glyphs() -> None:
    data = stamp_appearance(["Digitally signed by: 王医生 · عيادة النهر"], 250, 45)
    names = {name for name, _ in pdf_fonts(data)}
    assert any("NotoSans-" in n for n in names)
    assert any("SC" in n for n in names) and any("Arabic" in n for n in names)
    assert all(embedded for _, embedded in pdf_fonts(data))
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert any("\ufe70" <= c <= "\ufeff" for c in text)  # Arabic letters joined (shaped)


def test_a_long_name_is_made_smaller_not_cut() -> None:
    data = stamp_appearance(["Digitally signed by: " + "Riverside Community Clinic " * 3], 250, 45)
    (size,) = sizes(data)
    assert MIN_SIZE <= size < SIZE
