"""A signature pad for mouse, touch and stylus: smooth vector strokes on a signing line.

Strokes are kept as points in a 0..1 box (x to the right, y downward), so they
can be stored in the visit file and drawn at any size in the PDF.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

Point = tuple[float, float]
INK = QColor("#0b2a4a")
GUIDE = QColor("#8f9ba8")


def smooth_path(points: list[QPointF]) -> QPainterPath:
    """A smooth curve through ``points``: quadratic segments between midpoints."""
    path = QPainterPath()
    if not points:
        return path
    path.moveTo(points[0])
    if len(points) == 1:
        path.lineTo(points[0] + QPointF(0.5, 0.5))  # a dot
        return path
    for current, following in itertools.pairwise(points[1:]):
        middle = (current + following) / 2
        path.quadTo(current, middle)
    path.lineTo(points[-1])
    return path


class SignaturePad(QWidget):
    """Draw with a mouse, a finger or a pen; ``strokes`` holds what was drawn."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[list[Point]] = []
        self._drawing = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(130)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Wide and low, like the signing line on paper."""
        return QSize(420, 150)

    # -- the model ------------------------------------------------------------------------

    @property
    def strokes(self) -> list[list[Point]]:
        """The strokes drawn, each a list of (x, y) in 0..1."""
        return [list(s) for s in self._strokes]

    def set_strokes(self, strokes: list[list[Point]]) -> None:
        """Show ``strokes`` (from a saved visit) without announcing a change."""
        self._strokes = [list(map(tuple, s)) for s in strokes]  # type: ignore[misc]
        self.update()

    def clear(self) -> None:
        """Start again."""
        if self._strokes:
            self._strokes = []
            self.update()
            self.changed.emit()

    def is_empty(self) -> bool:
        """Nothing drawn yet."""
        return not self._strokes

    # -- input ----------------------------------------------------------------------------

    def _normalized(self, pos: QPointF) -> Point:
        w, h = max(self.width(), 1), max(self.height(), 1)
        return (min(max(pos.x() / w, 0.0), 1.0), min(max(pos.y() / h, 0.0), 1.0))

    def _begin(self, pos: QPointF) -> None:
        self._drawing = True
        self._strokes.append([self._normalized(pos)])
        self.update()

    def _extend(self, pos: QPointF) -> None:
        if self._drawing and self._strokes:
            point = self._normalized(pos)
            if point != self._strokes[-1][-1]:
                self._strokes[-1].append(point)
                self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Start a stroke."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Extend the stroke."""
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """End the stroke."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position())
            self._end()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802 - Qt's name
        """A stylus draws like a mouse, with its own events."""
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end()
        event.accept()

    def event(self, event: QEvent) -> bool:
        """A finger draws too (the first touch point)."""
        if isinstance(event, QTouchEvent):
            points = event.points()
            if points:
                pos = points[0].position()
                if event.type() == QEvent.Type.TouchBegin:
                    self._begin(pos)
                elif event.type() == QEvent.Type.TouchUpdate:
                    self._extend(pos)
                elif event.type() in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
                    self._end()
            event.accept()
            return True
        return super().event(event)

    # -- drawing --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """The signing line, then the strokes."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        baseline = self.height() * 0.78
        painter.setPen(QPen(GUIDE, 1.5))
        painter.drawLine(QPointF(16, baseline), QPointF(self.width() - 16, baseline))
        # the "×" marks where a signature begins: at the right in a right-to-left language
        mark_x = self.width() - 46 if self.isRightToLeft() else 16
        painter.drawText(QRectF(mark_x, baseline - 34, 30, 30), Qt.AlignmentFlag.AlignBottom, "×")
        painter.setPen(
            QPen(
                INK, 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
            )
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        w, h = self.width(), self.height()
        for stroke in self._strokes:
            painter.drawPath(smooth_path([QPointF(x * w, y * h) for x, y in stroke]))
        painter.end()
