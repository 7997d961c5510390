"""A push button whose text wraps onto more lines when the width is short.

QPushButton draws its text on one line, so a long label in a long-worded language at large
text would make the whole page wider than the screen. This button keeps QPushButton's look,
focus, keyboard and accessibility, and lays its text out in a word-wrapped label instead.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from sdm_app.ui.widgets.text_label import TextLabel


class WrapButton(QPushButton):
    """A QPushButton with wrapping text (set and read it with ``setText``/``text``)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = TextLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setStyleSheet("background: transparent; border: none;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addWidget(self.label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        """The button's text (also its accessible name)."""
        self.label.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def text(self) -> str:
        """The button's text."""
        return self.label.text()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """What the wrapped text needs."""
        return self.layout().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As narrow as the longest word allows."""
        return self.layout().minimumSize()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        """Taller when narrower."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        """The height the text needs at ``width``."""
        return self.layout().totalHeightForWidth(width)
