"""A checkbox or radio button whose text wraps: Qt's cannot wrap, so the text is a buddy label."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QHBoxLayout, QRadioButton, QWidget

from sdm_app.ui.widgets.text_label import TextLabel


class _ClickableLabel(TextLabel):
    def __init__(self, check: QAbstractButton) -> None:
        super().__init__()
        self._check = check

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self._check.isEnabled():
            self._check.click()
            self._check.setFocus()


class CheckRow(QWidget):
    """A checkbox followed by wrapping text; clicking the text toggles the box."""

    def __init__(
        self, text: str = "", parent: QWidget | None = None, *, radio: bool = False
    ) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.check: QAbstractButton = QRadioButton() if radio else QCheckBox()
        self.label = _ClickableLabel(self.check)
        self.label.setBuddy(self.check)
        layout.addWidget(self.check, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        """The text beside the box, which is also the box's accessible name."""
        self.label.setText(text)
        self.check.setAccessibleName(text)

    def text(self) -> str:
        """The text beside the box."""
        return self.label.text()
