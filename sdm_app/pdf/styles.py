"""Paragraph styles of the plan: 12 pt body (16 pt large print), generous leading."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from sdm_app.pdf.text import Typesetter

INK = colors.HexColor("#1b1b1b")
MUTED = colors.HexColor("#3f4a55")
RULE = colors.HexColor("#c9d1d9")
TINT = colors.HexColor("#eef3f8")
ACCENT = colors.HexColor("#1f4e79")


class PlanStyles:
    """Every style the plan uses, in the document language's fonts."""

    def __init__(self, typesetter: Typesetter, large: bool) -> None:
        fonts = typesetter.primary
        size = 16.0 if large else 12.0
        align = TA_RIGHT if typesetter.rtl else TA_LEFT
        base = ParagraphStyle(
            "body",
            fontName=fonts.regular,
            fontSize=size,
            leading=size * 1.42,
            textColor=INK,
            alignment=align,
            spaceAfter=size * 0.35,
        )
        self.size = size
        self.fonts = fonts
        self.body = base
        self.bold = ParagraphStyle("bold", parent=base, fontName=fonts.bold)
        self.small = ParagraphStyle(
            "small",
            parent=base,
            fontSize=max(10.0, size * 0.85),
            leading=max(10.0, size * 0.85) * 1.35,
            textColor=MUTED,
        )
        self.title = ParagraphStyle(
            "title",
            parent=base,
            fontName=fonts.bold,
            fontSize=size * 1.75,
            leading=size * 2.2,
            spaceAfter=size * 0.3,
        )
        self.h1 = ParagraphStyle(
            "h1",
            parent=base,
            fontName=fonts.bold,
            fontSize=size * 1.33,
            leading=size * 1.8,
            spaceBefore=size * 0.9,
            spaceAfter=size * 0.3,
            textColor=ACCENT,
            keepWithNext=1,
        )
        self.h2 = ParagraphStyle(
            "h2",
            parent=base,
            fontName=fonts.bold,
            spaceBefore=size * 0.35,
            spaceAfter=size * 0.15,
            keepWithNext=1,
        )
        self.cell = ParagraphStyle("cell", parent=base, leading=size * 1.3, spaceAfter=size * 0.15)
        self.cell_bold = ParagraphStyle("cell-bold", parent=self.cell, fontName=fonts.bold)
