"""The comparison in a long plan (six options): every page that shows option cards also shows
the question they answer, and every answer is printed whole."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from sdm_app.content.library import Library, bundled_aids_dir
from sdm_app.content.visit_file import load_visit
from sdm_app.domain.plan import build_care_plan
from sdm_app.pdf.render import render_plan_checked

ROOT = Path(__file__).resolve().parents[2]


def test_continued_comparisons_repeat_their_question() -> None:
    entry = Library.load([bundled_aids_dir()]).find("diabetes-second-medicine")
    visit = load_visit(ROOT / "examples" / "visits" / "diabetes-second-medicine.yaml").visit
    assert entry is not None and entry.aid is not None and visit is not None
    plan = build_care_plan(entry.aid, visit, "en", content_hash=entry.content_hash)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(render_plan_checked(plan).pdf)).pages]
    flat = [" ".join(text.split()) for text in pages]
    questions = [" ".join(row.question.split()) for row in plan.rows]
    names = [" ".join(option.name.split()) for option in plan.options]
    start = next(i for i, text in enumerate(flat) if "Your options compared" in text)
    end = next(i for i, text in enumerate(flat) if "Costs and help with costs" in text)
    assert end - start >= 2  # six options: the comparison does run over several pages
    compared = [*flat[start:end], flat[end].split("Costs and help with costs")[0]]
    for number, text in enumerate(compared, start=start):
        if any(name in text for name in names):
            assert any(q in text for q in questions), f"page {number + 1} has cards but no question"
    # every answer is printed, first words to last, on pages that name its option
    for row in plan.rows:
        for cell in row.cells:
            if not cell.text:
                continue
            answer = " ".join(cell.text.split())
            name = next(" ".join(o.name.split()) for o in plan.options if o.id == cell.option_id)
            for piece in (answer[:30], answer[-30:]):  # its first and its last words
                holding = [t for t in compared if piece in t]
                assert holding, piece
                assert any(name[:30] in t for t in holding), (name, piece)


CLOSING = "，。、：；！？）》"
OPENING = "（《“"


def test_chinese_lines_follow_the_line_breaking_rules() -> None:
    # ReportLab's CJK line breaking did not know the full-width comma (lines began with "，"),
    # hung only one closing mark of two ("），"), and let a line end with "（"
    from reportlab.lib.styles import ParagraphStyle

    from sdm_app.pdf.text import PlanParagraph, Typesetter, _line_text

    entry = Library.load([bundled_aids_dir()]).find("diabetes-second-medicine")
    visit = load_visit(ROOT / "examples" / "visits" / "diabetes-second-medicine.yaml").visit
    assert entry is not None and entry.aid is not None and visit is not None
    plan = build_care_plan(entry.aid, visit, "zh", content_hash=entry.content_hash)
    texts = [cell.text for row in plan.rows for cell in row.cells if "，" in cell.text]
    assert len(texts) > 10
    typesetter = Typesetter("zh")
    font = typesetter.primary.face(False)
    style = ParagraphStyle("zh", fontName=font, fontSize=10, leading=14, wordWrap="CJK")
    checked = 0
    for text in texts:
        for width in range(60, 200, 3):
            # one run of text, and several (each of ReportLab's two CJK line breakers)
            for paragraph in (
                typesetter.paragraph(text, style),
                PlanParagraph(f'<font name="{font}">{text[:3]}</font>{text[3:]}', style),
            ):
                paragraph.wrap(width, 10_000)
                lines = [_line_text(line) for line in paragraph.blPara.lines]
                assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost
                for line in lines[1:]:
                    assert line[:1] not in tuple(CLOSING), (width, lines)
                for line in lines[:-1]:
                    assert line[-1:] not in tuple(OPENING), (width, lines)
                checked += len(lines)
    assert checked > 5000


@pytest.mark.parametrize("language", ["ar", "en", "es", "zh"])
def test_no_page_is_left_nearly_empty_before_the_comparison(language: str) -> None:
    # In large print, six options' first question fills most of a page; kept whole with its
    # section heading, it moved to the next page and left one line on a page of its own
    from sdm_app.pdf.render import RenderOptions

    entry = Library.load([bundled_aids_dir()]).find("diabetes-second-medicine")
    visit = load_visit(ROOT / "examples" / "visits" / "diabetes-second-medicine.yaml").visit
    assert entry is not None and entry.aid is not None and visit is not None
    plan = build_care_plan(entry.aid, visit, language, content_hash=entry.content_hash)
    pdf = render_plan_checked(plan, RenderOptions(large_print=True)).pdf
    pages = PdfReader(io.BytesIO(pdf)).pages
    for number, page in enumerate(pages[:-1], start=1):
        height = float(page.mediabox.height)
        body = [y for y in _baselines(page) if y > 80]  # above the footer
        assert body and 1 - min(body) / height > 0.25, f"page {number} is nearly empty"


def _baselines(page: Any) -> list[float]:
    """Where each piece of text on ``page`` stands, from the bottom, in points."""
    found: list[float] = []
    page.extract_text(
        visitor_text=lambda text, cm, tm, *_: found.append(cm[5] + tm[5]) if text.strip() else None
    )
    return found


def test_cards_side_by_side_line_up_their_pictures_when_it_costs_no_paper() -> None:
    from reportlab.platypus import Spacer

    from sdm_app.pdf.icon_array import IconArray
    from sdm_app.pdf.sections import _card_height, _line_up
    from sdm_app.pdf.styles import PlanStyles
    from sdm_app.pdf.text import Typesetter

    typesetter = Typesetter("en")
    styles = PlanStyles(typesetter, False)
    width = 200.0

    def card(name: str, text: str) -> list[Any]:
        return [
            typesetter.paragraph(name, styles.cell_bold),
            Spacer(1, 3),
            IconArray(7, 100, 70),
            typesetter.paragraph("7 of 100 people", styles.cell_bold),
            typesetter.paragraph(text, styles.cell),
        ]

    long_name = "No statin for now: work on healthy habits, recheck risk later, with a long name"
    # the card with the short name also has the shorter text: room to line up
    roomy = [card("Take a statin", "Short."), card(long_name, "Short. " * 12)]
    heights = [_card_height(c, width) for c in roomy]
    _line_up(roomy, width)
    assert max(_card_height(c, width) for c in roomy) == pytest.approx(max(heights))
    arrays_at = [
        sum(
            _card_height([part], width)
            for part in c[: next(i for i, p in enumerate(c) if isinstance(p, IconArray))]
        )
        for c in roomy
    ]
    assert arrays_at[0] == pytest.approx(arrays_at[1])  # the pictures start level
    # the card with the short name has the longer text: lining up would make the line taller
    tight = [card("Take a statin", "Short. " * 30), card(long_name, "Short.")]
    before = [len(c) for c in tight]
    _line_up(tight, width)
    assert [len(c) for c in tight] == before
