"""Step 3, the options: the question, why more than one choice is reasonable, each option."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

from sdm_app.domain.steps import Step
from sdm_app.ui.session import VisitSession
from sdm_app.ui.steps.base import StepPage, card, clear_layout, label


class OptionsStep(StepPage):
    """Team talk: there is a choice, and the patient's view matters."""

    step = Step.options

    def __init__(self, session: VisitSession) -> None:
        super().__init__(session)
        self.question = label("subtitle")
        self.why = label()
        self.condition = label("muted")
        self.no_aid = label("warning")
        cards_box = QWidget()
        self.cards = QGridLayout(cards_box)
        self.cards.setSpacing(12)
        self.cards.setContentsMargins(0, 0, 0, 0)
        for widget in (self.no_aid, self.question, self.why, self.condition, cards_box):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        session.register(self)

    def retranslate_ui(self) -> None:
        """Set every text in the screen language."""
        super().retranslate_ui()
        self.no_aid.setText(self.session.tr.gettext("Choose a decision first (step 2)."))
        self.refresh()

    def column_count(self) -> int:
        """Option cards side by side as far as the width allows, in even rows."""
        return self.option_columns()

    def refresh(self) -> None:
        """Show the aid's question and option cards."""
        aid = self.session.aid
        self.no_aid.setVisible(aid is None)
        clear_layout(self.cards)
        for widget in (self.question, self.why, self.condition):
            widget.setVisible(aid is not None)
        if aid is None:
            return
        text = self.session.text
        self.question.setText(text(aid.question))
        self.why.setText(text(aid.why_a_choice))
        self.condition.setText(text(aid.condition))
        self.columns = columns = self.column_count()
        for index, option in enumerate(aid.options):
            frame, box = card((16, 12, 16, 12))
            name = label("subtitle")
            name.setText(text(option.name))
            summary = label()
            summary.setText(text(option.summary))
            daily = label("muted")
            daily.setText(text(option.daily_life))
            for widget in (name, summary, daily):
                box.addWidget(widget)
            box.addStretch(1)
            self.cards.addWidget(frame, index // columns, index % columns)
        for column in range(self.cards.columnCount()):  # equal widths; none left from before
            self.cards.setColumnStretch(column, 1 if column < columns else 0)
