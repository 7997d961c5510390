"""One plan per shipped language: every character has a glyph, the right script comes out."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader

from sdm_app.domain.clinic import Clinic
from sdm_app.domain.plan import build_care_plan
from sdm_app.i18n import LANGUAGES, translator
from sdm_app.pdf.fonts import coverage
from sdm_app.pdf.render import render_plan_checked
from tests.helpers import filled_visit, pdf_fonts, pdf_text, test_aid

TYPED = {  # what a patient might type, in each script, with awkward characters
    "en": ("Ana <Test> & Co", "I want to stay well & keep working 50% of days"),
    "es": ("María José Núñez", "Quiero seguir trabajando & cuidar a mis nietos"),
    "zh": ("王小明", "我想为了家人保持健康（每天散步）"),
    "vi": ("Nguyễn Thị Lan", "Tôi muốn khỏe mạnh để chăm sóc cháu"),
    "ko": ("김민준", "가족을 위해 건강하고 싶어요 (매일 산책)"),
    "ru": ("Анна Иванова", "Хочу быть здоровой ради семьи"),
    "ar": ("فاطمة أحمد", "أريد أن أبقى بصحة جيدة لعائلتي (كل يوم) 50%"),
    "tl": ("Maria dela Cruz", "Gusto kong manatiling malusog para sa pamilya ko"),
    "ht": ("Jean-Baptiste Pierre", "Mwen vle rete an sante pou fanmi mwen"),
    "pt": ("João Conceição", "Quero continuar a trabalhar e cuidar dos netos"),
    "fr": ("Élodie Lefèvre", "Je veux rester en bonne santé pour ma famille"),
}


def render(language: str) -> tuple[bytes, object]:
    loaded = test_aid()
    assert loaded.aid is not None
    visit = filled_visit(loaded, language)
    visit.patient.display_name, visit.decision.reasons = TYPED[language]
    plan = build_care_plan(
        loaded.aid,
        visit,
        content_hash=loaded.content_hash,
        clinic=Clinic(name="Clinic", url="https://example.org"),
    )
    return render_plan_checked(plan).pdf, render_plan_checked(plan)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_character_has_a_glyph_and_fonts_are_embedded(language: str) -> None:
    pdf, result = render(language)
    assert result.missing == set()  # type: ignore[attr-defined]
    for font, chars in result.used.items():  # type: ignore[attr-defined]
        lacking = {c for c in chars if ord(c) not in coverage(font)}
        assert not lacking, f"{font} lacks {lacking}"
    fonts = pdf_fonts(pdf)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == language
    assert 1 <= len(reader.pages) <= 8


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "ar"])
def test_text_comes_out_in_the_language(language: str) -> None:
    pdf, _ = render(language)
    text = pdf_text(pdf)
    name, reasons = TYPED[language]
    assert name in text
    assert reasons[:12] in text
    assert translator(language).gettext("Your shared care plan") in text
    assert translator(language).gettext("Your next steps") in text


def test_arabic_is_shaped_right_to_left() -> None:
    pdf, result = render("ar")
    text = pdf_text(pdf)
    arabic = [c for c in text if "ARABIC" in unicodedata.name(c, "")]
    assert len(arabic) > 200
    # shaped: letters are in their joined presentation forms, not the bare logical ones
    assert any("\ufe70" <= c <= "\ufeff" for c in arabic)
    assert "SdmArabic" in result.used  # type: ignore[attr-defined]


def test_chinese_and_korean_use_their_own_fonts() -> None:
    assert "SdmSC" in render("zh")[1].used  # type: ignore[attr-defined]
    assert "SdmKR" in render("ko")[1].used  # type: ignore[attr-defined]
    assert "SdmSC" not in render("en")[1].used  # type: ignore[attr-defined]


def test_latin_plan_is_small() -> None:
    assert len(render("en")[0]) < 200_000
