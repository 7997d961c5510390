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


def test_bullets_stand_at_the_right_in_arabic_also_before_latin_words() -> None:
    # A patient's own words in Spanish, or a citation, in an Arabic plan: the bullet at the
    # right like every other item, the words and punctuation in their own order beside it.
    from reportlab.pdfgen.canvas import Canvas

    from sdm_app.pdf.sections import Story
    from sdm_app.pdf.styles import PlanStyles
    from sdm_app.pdf.text import Typesetter

    loaded = test_aid()
    assert loaded.aid is not None
    visit = filled_visit(loaded, "ar")
    plan = build_care_plan(loaded.aid, visit, content_hash=loaded.content_hash)
    typesetter = Typesetter("ar")
    story = Story(plan, translator("ar"), typesetter, PlanStyles(typesetter, False), 400)
    latin = "Seguir trabajando (en la panadería)."
    out = io.BytesIO()
    canvas = Canvas(out)
    y = 700.0
    for text in (latin, "أريد أن أبقى بصحة جيدة", "Smith J. A long citation. " * 6):
        item = story.bullet(text)
        _, height = item.wrapOn(canvas, 400, 800)
        y -= height
        item.drawOn(canvas, 50, y)
    canvas.save()
    chunks: list[tuple[str, float, float]] = []
    page = PdfReader(io.BytesIO(out.getvalue())).pages[0]
    page.extract_text(
        visitor_text=lambda text, cm, tm, *_: (
            chunks.append((text.strip(), cm[4] + tm[4], cm[5] + tm[5])) if text.strip() else None
        )
    )
    bullets = [(x, y) for text, x, y in chunks if text == "•"]
    assert len(bullets) == 3
    rows = sorted({round(y) for _, y in bullets})
    for x, y in bullets:  # each bullet is the rightmost thing on its line
        assert all(x >= other_x for _, other_x, other_y in chunks if round(other_y) == round(y))
    assert any(latin in text for text, _, _ in chunks)  # in its own order, dot included
    assert len(rows) == 3


def test_korean_lines_break_between_words() -> None:
    from reportlab.lib.styles import ParagraphStyle

    from sdm_app.pdf.text import Typesetter

    sentence = (
        "100명 중 약 7명이 심장마비나 뇌졸중을 겪어요. 100명 중 약 3명은 스타틴 덕분에 이를 피해요."
    )
    typesetter = Typesetter("ko")
    style = ParagraphStyle("ko", fontName=typesetter.primary.face(False), fontSize=10, leading=14)
    for width in range(80, 300, 7):
        paragraph = typesetter.paragraph(sentence, style)
        paragraph.wrap(width, 10_000)
        lines = [" ".join(words) for _, words in paragraph.blPara.lines]
        assert " ".join(lines) == sentence, (width, lines)  # every break at a space
        assert len(lines) > 1 or width > 250


def test_a_bulleted_arabic_item_split_across_pages_has_one_bullet() -> None:
    from reportlab.lib.styles import ParagraphStyle

    from sdm_app.pdf.text import RtlParagraph, Typesetter

    typesetter = Typesetter("ar")
    style = ParagraphStyle("ar", fontName=typesetter.primary.face(False), fontSize=12, leading=17)
    item = typesetter.paragraph("أريد أن أبقى بصحة جيدة لعائلتي " * 12, style, bullet=True)
    assert isinstance(item, RtlParagraph)
    item.wrap(200, 10_000)
    lines = item.lines_for(200)
    assert len(lines) > 3
    head, tail = item.split(200, 2 * style.leading)
    assert isinstance(head, RtlParagraph) and isinstance(tail, RtlParagraph)
    assert (head.first, tail.first) == (True, False)  # the bullet is drawn once, on the first
    assert head.bullet and tail.bullet  # and the lines of both halves hang beside it
    assert head.lines_for(200) + tail.lines_for(200) == lines
    # the hanging lines are narrower than the column by the bullet's width
    assert all(typesetter.width(line, 12) <= 200 - item.indent for line in lines)
