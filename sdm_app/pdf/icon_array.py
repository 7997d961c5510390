"""Icon arrays for the printed plan: vector figures, affected ones grouped first.

Affected figures are solid and dark; the others are light outlines, so the
difference is carried by fill and outline as well as colour (it survives
greyscale printing and colour-blind readers).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

AFFECTED = colors.HexColor("#1f4e79")
UNAFFECTED = colors.HexColor("#9aa5b1")


def grid_shape(per: int) -> tuple[int, int]:
    """Columns and rows for an array of ``per`` figures."""
    if per == 1000:
        return 50, 20
    if per == 10:
        return 10, 1
    return 10, 10


class IconArray(Flowable):
    """``events`` of ``per`` figures, filled row by row from the top left."""

    def __init__(self, events: int, per: int, width: float) -> None:
        super().__init__()
        self.events = events
        self.per = per
        self.cols, self.rows = grid_shape(per)
        self.cell = width / self.cols
        self.width = width
        self.height = self.cell * self.rows * (1.4 if per <= 100 else 1.0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Draw every figure; the affected ones first, grouped."""
        canvas = self.canv
        cell_h = self.height / self.rows
        for index in range(self.per):
            col, row = index % self.cols, index // self.cols
            x = col * self.cell
            y = self.height - (row + 1) * cell_h
            affected = index < self.events
            if self.per <= 100:
                _person(canvas, x, y, self.cell, cell_h, affected)
            else:
                _square(canvas, x, y, self.cell, affected)


def _person(c: Canvas, x: float, y: float, w: float, h: float, affected: bool) -> None:
    c.saveState()
    color = AFFECTED if affected else UNAFFECTED
    c.setStrokeColor(color)
    c.setFillColor(color)
    c.setLineWidth(0.6)
    cx = x + w / 2
    head_r = w * 0.17
    c.circle(cx, y + h * 0.78, head_r, stroke=1, fill=int(affected))
    body_w, body_h = w * 0.52, h * 0.5
    c.roundRect(
        cx - body_w / 2, y + h * 0.1, body_w, body_h, body_w * 0.35, stroke=1, fill=int(affected)
    )
    c.restoreState()


def _square(c: Canvas, x: float, y: float, w: float, affected: bool) -> None:
    c.saveState()
    color = AFFECTED if affected else UNAFFECTED
    c.setStrokeColor(color)
    c.setFillColor(color)
    c.setLineWidth(0.4)
    pad = w * 0.15
    c.rect(x + pad, y + pad, w - 2 * pad, w - 2 * pad, stroke=1, fill=int(affected))
    c.restoreState()
