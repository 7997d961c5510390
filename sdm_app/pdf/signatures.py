"""Drawn signatures as vectors, and the place on the page for the digital signature's stamp."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.platypus import Flowable

Point = tuple[float, float]
INK = colors.HexColor("#0b2a4a")


class SignatureDrawing(Flowable):
    """Strokes recorded in a 0..1 box (y downward), drawn smooth at any size."""

    def __init__(self, strokes: list[list[Point]], width: float, height: float) -> None:
        super().__init__()
        self.strokes = strokes
        self.width = width
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Quadratic curves through the midpoints, as on screen, as PDF cubic curves."""
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(1.3)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        w, h = self.width, self.height
        for stroke in self.strokes:
            points = [(x * w, (1 - y) * h) for x, y in stroke]
            if not points:
                continue
            path = canvas.beginPath()
            path.moveTo(*points[0])
            if len(points) == 1:
                path.lineTo(points[0][0] + 0.4, points[0][1] + 0.4)
            previous = points[0]
            for current, following in itertools.pairwise(points[1:]):
                middle = ((current[0] + following[0]) / 2, (current[1] + following[1]) / 2)
                c1 = (
                    previous[0] + 2 / 3 * (current[0] - previous[0]),
                    previous[1] + 2 / 3 * (current[1] - previous[1]),
                )
                c2 = (
                    middle[0] + 2 / 3 * (current[0] - middle[0]),
                    middle[1] + 2 / 3 * (current[1] - middle[1]),
                )
                path.curveTo(*c1, *c2, *middle)
                previous = middle
            if len(points) > 1:
                path.lineTo(*points[-1])
            canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()


@dataclass
class StampPlace:
    """Where the digital signature's visible stamp goes: page (from 1) and box in points."""

    page: int = 0
    box: tuple[float, float, float, float] = (0, 0, 0, 0)


@dataclass
class Anchor:
    """Filled in while the PDF is drawn."""

    place: StampPlace = field(default_factory=StampPlace)


class StampAnchor(Flowable):
    """An empty box that remembers where on which page it was drawn."""

    def __init__(self, anchor: Anchor, width: float, height: float) -> None:
        super().__init__()
        self.anchor = anchor
        self.width = width
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Record the absolute position (nothing is drawn: the signer's stamp goes here)."""
        x, y = self.canv.absolutePosition(0, 0)
        self.anchor.place = StampPlace(
            self.canv.getPageNumber(), (x, y, x + self.width, y + self.height)
        )
