"""The list of steps on the left: where the visit is, and a way to go anywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidgetItem

from sdm_app.domain.steps import STEP_TITLES, STEPS, Step
from sdm_app.i18n import Translator
from sdm_app.ui.widgets.wrapped_list import WrappedList


class StepIndicator(WrappedList):
    """Numbered steps; the current one is selected; clicking one jumps to it."""

    step_chosen = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.setFixedWidth(270)
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
        self.fit_items()

    def show_step(self, step: Step) -> None:
        """Select ``step`` without announcing it."""
        self.blockSignals(True)
        self.setCurrentRow(STEPS.index(step))
        self.blockSignals(False)
        self.fit_items()

    def _row_changed(self, row: int) -> None:
        if row >= 0:
            self.step_chosen.emit(STEPS[row])
