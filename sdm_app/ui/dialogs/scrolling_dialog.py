"""A dialog whose body scrolls while its buttons stay in view.

At 150 % text and more, a form or a questionnaire is taller than a 768-pixel screen: laid
out directly in the dialog, the dialog grew past the screen's edge with Save below it, or
squeezed its rows until questions lost their last words and buttons their lower half.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget


class ScrollingDialog(QDialog):
    """Call :meth:`set_body` once with the body and the buttons. The dialog opens as tall as
    the body needs, up to 90 % of the screen (Qt opens a window at most two thirds of the
    screen high); beyond that the body scrolls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._body: QWidget | None = None
        self._buttons: QDialogButtonBox | None = None
        self._scroll: QScrollArea | None = None
        self._sized = False
        self.setMaximumHeight(max(self.screen().availableGeometry().height() * 9 // 10, 400))

    def set_body(self, body: QWidget, buttons: QDialogButtonBox) -> None:
        """Put ``body`` in a scroll area above ``buttons``."""
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self._body, self._buttons, self._scroll = body, buttons, scroll

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Tall enough for the whole body at this width, up to the maximum height."""
        hint = super().sizeHint()
        layout = self.layout()
        if self._body is None or self._buttons is None or layout is None:
            return hint
        margins = layout.contentsMargins()
        width = max(self.width(), hint.width()) - margins.left() - margins.right()
        body = (
            self._body.heightForWidth(width)
            if self._body.hasHeightForWidth()
            else self._body.sizeHint().height()
        )
        wanted = (
            max(body, self._body.sizeHint().height())
            + self._buttons.sizeHint().height()
            + layout.spacing()
            + margins.top()
            + margins.bottom()
            + 4  # the scroll area's own margin
        )
        return QSize(hint.width(), min(max(hint.height(), wanted), self.maximumHeight()))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Open wide enough for the body beside a scroll bar (so it never scrolls sideways,
        screen allowing) and at the height :meth:`sizeHint` asks for."""
        layout = self.layout()
        if not self._sized and self._body is not None and self._scroll and layout is not None:
            self._sized = True
            margins = layout.contentsMargins()
            needed = (
                self._body.minimumSizeHint().width()
                + self._scroll.verticalScrollBar().sizeHint().width()
                + margins.left()
                + margins.right()
                + 4
            )
            room = self.screen().availableGeometry().width() * 9 // 10
            self.setMinimumWidth(max(self.minimumWidth(), min(needed, room)))
            self.resize(max(self.width(), self.minimumWidth()), self.sizeHint().height())
        super().showEvent(event)
