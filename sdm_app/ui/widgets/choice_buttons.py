"""A row of large, exclusive toggle buttons: a touch-friendly radio group that wraps
onto more lines when the text is large or the window narrow."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QSizePolicy, QWidget


class ChoiceButtons(QWidget):
    """Exclusive choices shown as buttons; ``value`` is the chosen item's data or None."""

    value_changed = Signal(object)

    def __init__(self, values: Sequence[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values = list(values)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # so a second click can clear the answer
        self.buttons: list[QPushButton] = []
        for index, _value in enumerate(self._values):
            button = QPushButton()
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            self.group.addButton(button, index)
            self.buttons.append(button)
        self._columns = 0
        self._place(len(self.buttons))
        self.group.idClicked.connect(self._clicked)

    def _place(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for button in self.buttons:
            self.grid.removeWidget(button)
        for index, button in enumerate(self.buttons):
            self.grid.addWidget(
                button, index // columns, index % columns, Qt.AlignmentFlag.AlignLeft
            )
        self.grid.setColumnStretch(columns, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """As many buttons on a line as fit."""
        super().resizeEvent(event)
        widest = max((b.sizeHint().width() for b in self.buttons), default=1) + self.grid.spacing()
        self._place(max(1, min(len(self.buttons), self.width() // max(widest, 1))))

    def set_labels(self, labels: Sequence[str], names: Sequence[str] | None = None) -> None:
        """Set the button texts (and accessible names)."""
        for button, text, name in zip(self.buttons, labels, names or labels, strict=True):
            button.setText(text)
            button.setAccessibleName(name)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Left and Right move between the choices, like a radio group; Space chooses."""
        focused = next((b for b in self.buttons if b.hasFocus()), None)
        if focused is not None and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 1 if event.key() == Qt.Key.Key_Right else -1
            if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                step = -step
            index = max(0, min(len(self.buttons) - 1, self.buttons.index(focused) + step))
            self.buttons[index].setFocus(Qt.FocusReason.TabFocusReason)
            return
        super().keyPressEvent(event)

    def _clicked(self, index: int) -> None:
        clicked = self.buttons[index]
        for button in self.buttons:
            if button is not clicked:
                button.setChecked(False)
        self.value_changed.emit(self.value)

    @property
    def value(self) -> Any:
        """The chosen value, or None."""
        for button, value in zip(self.buttons, self._values, strict=True):
            if button.isChecked():
                return value
        return None

    def set_value(self, value: Any) -> None:
        """Show ``value`` as chosen (None: nothing chosen), without emitting."""
        for button, candidate in zip(self.buttons, self._values, strict=True):
            button.setChecked(value is not None and candidate == value)
