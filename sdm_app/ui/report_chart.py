"""The ``sdm report`` chart, drawn with Qt's painter into a PNG (no plotting library)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication

from sdm_app.storage.metrics import Report

COLORS = (QColor("#1f4e79"), QColor("#6a9fd4"), QColor("#c77d12"))


def save_chart(report: Report, path: Path) -> None:
    """Bars per aid: CollaboRATE top-box, SURE 4/4 and deferred shares, each labelled in %."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([])  # a QApplication, so widgets can follow
    groups = [("All aids", report.total), *sorted(report.by_aid.items())]
    width, height = 220 + 180 * len(groups), 520
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(15)
    painter.setFont(font)
    painter.setPen(QColor("#1b1b1b"))
    period = f"{report.since or 'start'} to {report.until or 'today'}"
    painter.drawText(
        QRectF(20, 10, width - 40, 30),
        Qt.AlignmentFlag.AlignLeft,
        f"Shared decision-making, {period}",
    )
    top, bottom = 60, height - 110
    painter.setPen(QPen(QColor("#c9d1d9"), 1))
    for tick in range(0, 101, 25):
        y = bottom - (bottom - top) * tick / 100
        painter.drawLine(70, int(y), width - 20, int(y))
        painter.drawText(QRectF(10, y - 10, 50, 20), Qt.AlignmentFlag.AlignRight, f"{tick}%")
    labels = ("CollaboRATE top-box", "SURE 4 of 4", "Decision deferred")
    for g, (name, summary) in enumerate(groups):
        x0 = 90 + g * 180
        values = (summary.top_box_share, summary.sure_positive_share, summary.deferred_share)
        for b, value in enumerate(values):
            x = x0 + b * 48
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(COLORS[b])
            if value is not None:
                h = (bottom - top) * value
                painter.drawRect(QRectF(x, bottom - h, 40, h))
            painter.setPen(QColor("#1b1b1b"))
            text = "n/a" if value is None else f"{value:.0%}"
            painter.drawText(
                QRectF(x - 6, bottom - (bottom - top) * (value or 0) - 22, 52, 20),
                Qt.AlignmentFlag.AlignHCenter,
                text,
            )
        painter.drawText(
            QRectF(x0 - 10, bottom + 8, 160, 40),
            Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
            f"{name}\n{summary.visits} visit(s)",
        )
    for b, label in enumerate(labels):  # the legend: colour and words together
        x = 90 + b * 220
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(COLORS[b])
        painter.drawRect(QRectF(x, height - 40, 18, 18))
        painter.setPen(QColor("#1b1b1b"))
        painter.drawText(QRectF(x + 26, height - 42, 190, 22), Qt.AlignmentFlag.AlignLeft, label)
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        raise OSError(5, "the image could not be written")
    del app
