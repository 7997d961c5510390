"""The plan's paragraphs break their lines once per width, with the same result."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph

from sdm_app.pdf.text import PlanParagraph

TEXT = "About 27 in 100 had muscle aches or weakness while taking a dummy pill. " * 6


def test_lines_are_broken_once_per_width(monkeypatch: pytest.MonkeyPatch) -> None:
    style = getSampleStyleSheet()["BodyText"]
    para = PlanParagraph(TEXT, style)
    breaks: list[float] = []
    real = Paragraph.breakLines

    def counting(self: Paragraph, widths: list[float]) -> object:
        if self is para:
            breaks.append(widths[0])
        return real(self, widths)

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    plain = Paragraph(TEXT, style)
    assert para.wrap(200, 500) == plain.wrap(200, 500)
    assert para.wrap(200, 80) == plain.wrap(200, 80)  # asked again, as a table does
    assert para.wrap(300, 500) == plain.wrap(300, 500)  # another width: broken again
    assert para.wrap(300, 500) == plain.wrap(300, 500)
    assert breaks == [200, 300]


def test_a_refused_split_breaks_the_lines_again() -> None:
    style = getSampleStyleSheet()["BodyText"]
    para = PlanParagraph(TEXT, style)
    width, height = para.wrap(200, 500)
    assert para.split(200, style.leading) == []  # one line would be an orphan: refused
    assert para.wrap(200, 500) == (width, height)  # ReportLab dropped its lines: laid out again
    head, tail = para.split(200, height / 2)
    assert isinstance(head, PlanParagraph) and isinstance(tail, PlanParagraph)
    assert head.wrap(200, 500)[1] + tail.wrap(200, 500)[1] == pytest.approx(height)
