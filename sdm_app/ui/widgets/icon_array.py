"""An icon array painted with QPainter: ``events`` of ``per`` figures, affected ones first.

Affected figures are solid dark blue; the others are pale outlines. Fill versus
outline carries the meaning as well as colour, so it reads in greyscale and for
colour-blind viewers. The number in words sits beside it (set by the caller).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

AFFECTED = QColor("#1f4e79")
UNAFFECTED = QColor("#8f9ba8")


def grid_shape(per: int) -> tuple[int, int]:
    """Columns and rows for ``per`` figures (10 x 10, 50 x 20, 10 x 1)."""
    return {1000: (50, 20), 10: (10, 1)}.get(per, (10, 10))


def _person_path(w: float, h: float) -> QPainterPath:
    path = QPainterPath()
    head = w * 0.2
    path.addEllipse(QPointF(w / 2, h * 0.2), head, head)
    body_w, body_h = w * 0.58, h * 0.52
    path.addRoundedRect(
        QRectF((w - body_w) / 2, h * 0.42, body_w, body_h), body_w * 0.35, body_w * 0.35
    )
    return path


def _stamp(cell_w: float, cell_h: float, ratio: float, pen: QPen, fill: QColor | None) -> QPixmap:
    """One figure in its cell, at the screen's pixel density, on a transparent ground."""
    pixmap = QPixmap(max(1, math.ceil(cell_w * ratio)), max(1, math.ceil(cell_h * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(cell_w * 0.07, cell_h * 0.05)
    painter.setPen(pen)
    painter.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
    painter.drawPath(_person_path(cell_w * 0.86, cell_h * 0.9))
    painter.end()
    return pixmap


class IconArrayWidget(QWidget):
    """A reusable pictograph of natural frequencies."""

    def __init__(self, events: int = 0, per: int = 100, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._events = 0
        self._per = 100
        #: One affected and one other figure, drawn once per cell size and stamped per figure.
        self._stamps: tuple[tuple[float, float, float], QPixmap, QPixmap] | None = None
        # The height follows the width (heightForWidth). A fixed vertical policy held it at the
        # preferred size's height, so an array given more than its preferred width cut off
        # its last row of figures.
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.set_counts(events, per)

    @property
    def events(self) -> int:
        """How many figures are affected."""
        return self._events

    @property
    def per(self) -> int:
        """How many figures in all."""
        return self._per

    def set_counts(self, events: int, per: int) -> None:
        """Show ``events`` of ``per``."""
        if per <= 0 or not 0 <= events <= per:
            raise ValueError(f"cannot show {events} of {per}")
        self._events, self._per = events, per
        self.updateGeometry()
        self.update()

    def _cell(self) -> tuple[float, float, int, int]:
        cols, rows = grid_shape(self._per)
        cell_w = self.width() / cols
        cell_h = cell_w * (1.35 if self._per <= 100 else 1.0)
        return cell_w, cell_h, cols, rows

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        """The height follows the width."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        """Keep the figures' proportions."""
        width = min(width, self.maximumWidth())
        cols, rows = grid_shape(self._per)
        ratio = 1.35 if self._per <= 100 else 1.0
        return int(width / cols * ratio * rows) + 1

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """A comfortable default size."""
        width = 200 if self._per <= 100 else 320
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Small but legible."""
        width = 120 if self._per <= 100 else 250
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """Paint the figures, affected ones first, row by row."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cell_w, cell_h, cols, _rows = self._cell()
        if self._per <= 100:
            self._paint_people(painter, cell_w, cell_h, cols)
        else:
            self._paint_squares(painter, cell_w, cols)
        painter.end()

    def _paint_people(self, painter: QPainter, cell_w: float, cell_h: float, cols: int) -> None:
        ratio = self.devicePixelRatioF()
        key = (cell_w, cell_h, ratio)
        if self._stamps is None or self._stamps[0] != key:
            self._stamps = (
                key,
                _stamp(cell_w, cell_h, ratio, QPen(AFFECTED, 1.0), AFFECTED),
                _stamp(cell_w, cell_h, ratio, QPen(UNAFFECTED, 1.2), None),
            )
        _key, affected, other = self._stamps
        for index in range(self._per):
            col, row = index % cols, index // cols
            painter.drawPixmap(
                QPointF(round(col * cell_w), round(row * cell_h)),
                affected if index < self._events else other,
            )

    def _paint_squares(self, painter: QPainter, cell: float, cols: int) -> None:
        pad = max(cell * 0.14, 0.5)
        affected, others = [], []
        for index in range(self._per):
            col, row = index % cols, index // cols
            rect = QRectF(col * cell + pad, row * cell + pad, cell - 2 * pad, cell - 2 * pad)
            (affected if index < self._events else others).append(rect)
        painter.setPen(QPen(UNAFFECTED, 0.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRects(others)
        painter.setPen(QPen(AFFECTED, 0.8))
        painter.setBrush(AFFECTED)
        painter.drawRects(affected)
