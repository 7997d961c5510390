"""The visible part of a digital signature: a framed box with who signed, when, and the
document's ID, drawn with the plan's own fonts.

Drawing it here, rather than letting pyHanko set the text, means every script in a signer's
name has a glyph (the fonts fall back as in the plan), and signing needs neither pyHanko's
font subsetter nor fontTools (about 20 MB and 30 ms less per export).
"""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from sdm_app.pdf.text import Typesetter, base_direction, shape, visual

#: Text size in points, and the smallest it shrinks to for a long name.
SIZE = 7.0
MIN_SIZE = 4.0
PADDING = 4.0
BORDER = 1.0


def stamp_appearance(lines: list[str], width: float, height: float) -> bytes:
    """A one-page PDF of exactly ``width`` x ``height`` points: a thin frame and ``lines``
    top to bottom, made smaller (never below 4 pt) if a line would not fit the width."""
    setter = Typesetter("en")  # Latin first; any other script through the fallback order
    room = width - 2 * PADDING
    widest = max((setter.width(line, SIZE) for line in lines), default=0.0)
    size = SIZE if widest <= room else SIZE * room / widest
    size = max(MIN_SIZE, min(size, (height - 2 * PADDING) / max(len(lines), 1) / 1.25))
    leading = size * 1.25
    out = io.BytesIO()
    # the canvas's initial font is set too, else ReportLab names Helvetica, which is not embedded
    canvas = Canvas(
        out,
        pagesize=(width, height),
        pageCompression=1,
        initialFontName=setter.primary.face(False),
        initialFontSize=size,
    )
    canvas.setLineWidth(BORDER)
    canvas.rect(BORDER / 2, BORDER / 2, width - BORDER, height - BORDER)
    y = height - PADDING - size
    for line in lines:
        if base_direction(line) == "R":
            # an Arabic name in an English line: letters joined, the name's run right to left
            line = visual(shape(line), base="L")
        setter.draw(canvas, PADDING, y, line, size)
        y -= leading
    canvas.showPage()
    canvas.save()
    return out.getvalue()
