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
        """Draw every figure; the affected ones first, grouped.

        Each kind of figure is drawn once per document as a form (an XObject), and so is
        each kind of row (so many affected figures, then the others); an array places its
        rows: ten placements for 100 figures, twenty for 1,000, not a set of curves each.
        """
        canvas = self.canv
        cell_h = self.height / self.rows
        kind = "person" if self.per <= 100 else "square"
        for row in range(self.rows):
            affected = min(max(self.events - row * self.cols, 0), self.cols)
            canvas.saveState()
            canvas.transform(
                self.cell,
                0,
                0,
                cell_h if kind == "person" else self.cell,
                0,
                self.height - (row + 1) * cell_h,
            )
            canvas.doForm(_define_row(canvas, kind, affected, self.cols))
            canvas.restoreState()


def _form_name(kind: str, affected: bool) -> str:
    return f"sdmIcon{kind.title()}{'On' if affected else 'Off'}"


def _define_row(canvas: Canvas, kind: str, affected: int, cols: int) -> str:
    """A row of ``cols`` figures in a ``cols`` x 1 box, the first ``affected`` of them
    affected; defined once per document. Returns the form's name."""
    name = f"sdmRow{kind.title()}{affected}of{cols}"
    if canvas.hasForm(name):
        return name
    for on in (True, False):
        _define_form(canvas, kind, on)
    canvas.beginForm(name, lowerx=0, lowery=0, upperx=cols, uppery=1)
    for col in range(cols):
        canvas.saveState()
        canvas.translate(col, 0)
        canvas.doForm(_form_name(kind, col < affected))
        canvas.restoreState()
    canvas.endForm()
    return name


def _define_form(canvas: Canvas, kind: str, affected: bool) -> None:
    """A figure in a 1 x 1 box (scaled when placed), defined once per document."""
    name = _form_name(kind, affected)
    if canvas.hasForm(name):
        return
    canvas.beginForm(name, lowerx=0, lowery=0, upperx=1, uppery=1)
    color = AFFECTED if affected else UNAFFECTED
    canvas.setStrokeColor(color)
    canvas.setFillColor(color)
    if kind == "person":
        canvas.setLineWidth(0.06)
        canvas.circle(0.5, 0.78, 0.17, stroke=1, fill=int(affected))
        canvas.roundRect(0.24, 0.1, 0.52, 0.5, 0.18, stroke=1, fill=int(affected))
    else:
        canvas.setLineWidth(0.08)
        canvas.rect(0.15, 0.15, 0.7, 0.7, stroke=1, fill=int(affected))
    canvas.endForm()
