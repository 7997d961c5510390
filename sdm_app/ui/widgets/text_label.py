"""A label for plain text whose wrapped right-to-left lines stand where they belong.

Qt 6.12's QLabel draws a word-wrapped right-to-left paragraph with its lines out of place:
each line but the last stops a space's width short of the right edge, the last is ragged,
and a full line runs past the left edge, where its last letters are cut off (in the compare
step's Arabic "who the numbers are for" note, "دماغية" lost its final letter). Qt's own text
layout, asked directly, places the same lines correctly, so in right-to-left text this label
lays its text out and draws it itself, with the line breaks its height was measured with.
Left-to-right text is drawn by QLabel as before. QLabel still measures the label (the line
breaks are the same; only where the lines are drawn differs), so layouts never call into
Python for a height: overriding ``heightForWidth`` made every layout pass of a page with a
hundred labels slower (printing's longest wait for input 37 -> 70 ms).
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QTextLayout
from PySide6.QtWidgets import QLabel, QStyle, QWidget

from sdm_app.ui.widgets.wrapped_list import lay_out

_HORIZONTAL = (
    Qt.AlignmentFlag.AlignLeft
    | Qt.AlignmentFlag.AlignRight
    | Qt.AlignmentFlag.AlignHCenter
    | Qt.AlignmentFlag.AlignJustify
)

#: Text a person can select or edit is left to QLabel, which draws the selection.
_SELECTING = (
    Qt.TextInteractionFlag.TextSelectableByMouse
    | Qt.TextInteractionFlag.TextSelectableByKeyboard
    | Qt.TextInteractionFlag.TextEditable
)


class TextLabel(QLabel):
    """A QLabel showing plain text (``setText``), word-wrapped unless ``wrap`` is False."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> None:
        super().__init__(text, parent)
        self._laid_out: tuple[tuple[int, str, str, int], QTextLayout, float] | None = None
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(wrap)

    def draws_itself(self) -> bool:
        """Whether this label lays its text out itself: wrapped plain text with right-to-left
        letters in a right-to-left window (text with none is left to QLabel, as before)."""
        return (
            self.wordWrap()
            and self.layoutDirection() == Qt.LayoutDirection.RightToLeft
            and self.textFormat() == Qt.TextFormat.PlainText
            and not self.textInteractionFlags() & _SELECTING
            and has_rtl_letters(self.text())
        )

    def _text_rect(self) -> QRect:
        """Where QLabel puts its text (its ``documentRect``): inside the contents margins
        (style sheet padding and border included) and ``margin()``, less the indent on the
        aligned side. QLabel measures its height for a width no wider than this, so the
        lines drawn here never need more room than the label was given."""
        rect = self.contentsRect()
        margin = self.margin()
        rect.adjust(margin, margin, -margin, -margin)
        indent = self.indent()
        if indent < 0 and self.frameWidth():
            indent = self.fontMetrics().horizontalAdvance("x") // 2 - margin
        if indent > 0:
            align = QStyle.visualAlignment(self.layoutDirection(), self.alignment())
            if align & Qt.AlignmentFlag.AlignLeft:
                rect.setLeft(rect.left() + indent)
            if align & Qt.AlignmentFlag.AlignRight:
                rect.setRight(rect.right() - indent)
            if align & Qt.AlignmentFlag.AlignTop:
                rect.setTop(rect.top() + indent)
            if align & Qt.AlignmentFlag.AlignBottom:
                rect.setBottom(rect.bottom() - indent)
        return rect

    def _horizontal(self) -> Qt.AlignmentFlag:
        return Qt.AlignmentFlag(self.alignment() & _HORIZONTAL) or Qt.AlignmentFlag.AlignLeft

    def _lay_out(self, rect: QRect) -> tuple[QTextLayout, float]:
        """The text laid out at ``rect``'s width (the last layout is kept: a label is
        painted far more often than its text or width change)."""
        key = (rect.width(), self.text(), self.font().key(), int(self._horizontal()))
        if self._laid_out is None or self._laid_out[0] != key:
            self._laid_out = (
                key,
                *lay_out(self.text(), self.font(), rect, self, self._horizontal()),
            )
        return self._laid_out[1], self._laid_out[2]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """Right-to-left wrapped text: each line laid out and drawn here (see the module)."""
        if not self.draws_itself():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        self.drawFrame(painter)
        rect = self._text_rect()
        layout, text_height = self._lay_out(rect)
        top = float(rect.top())
        vertical = self.alignment() & Qt.AlignmentFlag.AlignVertical_Mask
        if vertical & Qt.AlignmentFlag.AlignVCenter:
            top += max(0.0, (rect.height() - text_height) / 2)
        elif vertical & Qt.AlignmentFlag.AlignBottom:
            top += max(0.0, rect.height() - text_height)
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, self.foregroundRole()))
        layout.draw(painter, QPointF(rect.left(), top))


def has_rtl_letters(text: str) -> bool:
    """Whether ``text`` has a right-to-left letter (Arabic, Hebrew...)."""
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)
