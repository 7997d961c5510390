"""The list of steps on the left: where the visit is, and a way to go anywhere."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from sdm_app.domain.flow import STEP_TITLES, STEPS, Step
from sdm_app.i18n import Translator

#: Room taken around an item's text: the style sheet's 10 px padding each side and 1 px rule
#: below (sdm_app/ui/style.py), the item view's own text margin of 2 px each side, and the 6 px
#: bar of the current step.
ITEM_SIDES = 2 * 10 + 2 * 2
CURRENT_BAR = 6
ITEM_ENDS = 2 * 10 + 1


class StepIndicator(QListWidget):
    """Numbered steps; the current one is selected; clicking one jumps to it."""

    step_chosen = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.setFixedWidth(270)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for step in STEPS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, step)
            self.addItem(item)
        self.currentRowChanged.connect(self._row_changed)

    def retranslate(self, tr: Translator) -> None:
        """Set the step names in the current language (the width follows the text size)."""
        self.setFixedWidth(max(230, min(330, self.fontMetrics().averageCharWidth() * 17)))
        self.setAccessibleName(tr.gettext("Steps of the visit"))
        for index, step in enumerate(STEPS):
            self.item(index).setText(f"{index + 1}.  {tr.gettext(STEP_TITLES[step])}")
        self._fit_items()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Heights follow the width the text really has (a scroll bar may have taken some)."""
        super().resizeEvent(event)
        self._fit_items()

    def _fit_items(self) -> None:
        """Give each step the height its wrapped name needs (the current one is bold), so that no
        name is cut short: Qt's own measure leaves out the style sheet's padding."""
        bold = self.font()
        bold.setBold(True)
        regular, strong = QFontMetrics(self.font()), QFontMetrics(bold)
        width = max(40, self.viewport().width() - ITEM_SIDES)
        for index in range(self.count()):
            item = self.item(index)
            current = index == self.currentRow()
            text = (strong if current else regular).boundingRect(
                QRect(0, 0, width - (CURRENT_BAR if current else 0), 10_000),
                Qt.TextFlag.TextWordWrap,
                item.text(),
            )
            hint = QSize(self.viewport().width(), text.height() + ITEM_ENDS)
            if item.sizeHint() != hint:
                item.setSizeHint(hint)

    def show_step(self, step: Step) -> None:
        """Select ``step`` without announcing it."""
        self.blockSignals(True)
        self.setCurrentRow(STEPS.index(step))
        self.blockSignals(False)
        self._fit_items()

    def _row_changed(self, row: int) -> None:
        if row >= 0:
            self.step_chosen.emit(STEPS[row])
