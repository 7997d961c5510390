"""The plan PDF, read back: text, fonts, pages, metadata."""

from __future__ import annotations

import io

from pypdf import PdfReader

from sdm_app.domain.clinic import Clinic
from sdm_app.domain.plan import CarePlan, build_care_plan
from sdm_app.pdf.render import RenderOptions, render_plan
from tests.helpers import filled_visit, pdf_body_size, pdf_fonts, pdf_text, test_aid


def plan(language: str = "en") -> CarePlan:
    loaded = test_aid()
    assert loaded.aid is not None
    return build_care_plan(
        loaded.aid,
        filled_visit(loaded, language),
        content_hash=loaded.content_hash,
        clinic=Clinic(name="Riverside Clinic", phone="555-0100"),
    )


def render(language: str = "en", **options: object) -> bytes:
    return render_plan(plan(language), RenderOptions(**options))  # type: ignore[arg-type]


def test_english_plan_text() -> None:
    text = pdf_text(render("en"))
    for expected in (
        "Your shared care plan",
        "Ana <Test> & Co",
        "The decision we made together",
        "We chose: Take the pill.",
        "I want to stay well for my family",
        "Avoiding getting sick (Very important)",
        "Your options compared",
        "7 of 100 people get sick over 10 years",
        "10 of 100 people get sick over 10 years",
        "Costs and help with costs",
        "$4 to $10 per month",
        "Money is tight 50% of months",
        "Your next steps",
        "Pick up the pill",
        "November 25, 2026",
        "Questions? Call us",
        "555-0100",
        "Signatures",
        "Page 1 of",
        "Document ID: SDM-",
    ):
        assert expected in text, expected


def test_spanish_plan_text_is_localized() -> None:
    text = pdf_text(render("es"))
    assert "Tomar la pastilla" in text
    assert "¿Debo tomar la pastilla?" in text
    assert "25 de noviembre de 2026" in text
    assert "se enferman" in text


def test_fonts_embedded_and_metadata_set() -> None:
    data = render("en")
    fonts = pdf_fonts(data)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata is not None
    assert reader.metadata.title == "Your shared care plan: Test decision"
    assert reader.metadata.author == "Riverside Clinic"
    assert reader.metadata.subject == "Should I take the pill?"
    assert reader.trailer["/Root"].get("/Lang") == "en"
    assert 1 <= len(reader.pages) <= 6


def test_paper_follows_language_and_override() -> None:
    def size(data: bytes) -> tuple[int, int]:
        box = PdfReader(io.BytesIO(data)).pages[0].mediabox
        return round(float(box.width)), round(float(box.height))

    assert size(render("en")) == (612, 792)  # Letter for US English
    assert size(render("en", paper="a4")) == (595, 842)


def test_body_text_size_normal_and_large_print() -> None:
    assert pdf_body_size(render("en")) >= 12
    normal, large = render("en"), render("en", large_print=True)
    assert pdf_body_size(large) >= 16
    assert len(PdfReader(io.BytesIO(large)).pages) >= len(PdfReader(io.BytesIO(normal)).pages)


def test_deterministic() -> None:
    one = plan("en")
    assert render_plan(one) == render_plan(one)
