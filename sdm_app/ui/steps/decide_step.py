"""Step 7, decide: the choice or "not yet", the reasons, the SURE test and teach-back."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sdm_app.domain.steps import Step
from sdm_app.domain.visit import DecisionStatus
from sdm_app.i18n import N_
from sdm_app.ui.patient_view import clinician_only
from sdm_app.ui.session import VisitSession
from sdm_app.ui.steps.base import (
    StepPage,
    clear_layout,
    label,
    localize_date_edit,
    set_role,
)
from sdm_app.ui.widgets.check_row import CheckRow
from sdm_app.ui.widgets.choice_buttons import ChoiceButtons

LATER = "__later__"
SURE_FIELDS = ("sure", "understand", "risk_benefit", "encouragement")

#: The SURE test's exact wording (O'Connor & Légaré 2008); it may not be altered.
SURE_QUESTIONS = {
    "sure": N_("Do you feel SURE about the best choice for you?"),
    "understand": N_("Do you know the benefits and risks of each option?"),
    "risk_benefit": N_("Are you clear about which benefits and risks matter most to you?"),
    "encouragement": N_("Do you have enough support and advice to make a choice?"),
}
#: Languages whose SURE wording is the Ottawa group's own (others are marked as ours).
OFFICIAL_SURE_LANGUAGES = {"en"}
SURE_LETTERS = {"sure": "S", "understand": "U", "risk_benefit": "R", "encouragement": "E"}


class DecideStep(StepPage):
    """Decision talk, part two: deciding together, or deciding to take more time."""

    step = Step.decide

    def __init__(self, session: VisitSession) -> None:
        super().__init__(session)
        self.choice_title = label("subtitle")
        choice_box = QWidget()
        self.choices = QVBoxLayout(choice_box)
        self.choices.setContentsMargins(0, 0, 0, 0)
        self.choice_group = QButtonGroup(self)
        self.option_buttons: dict[str, QRadioButton] = {}
        self.decide_by = QDateEdit()
        self.decide_by.setCalendarPopup(True)
        self.decide_by.setMinimumDate(QDate.currentDate())
        self.decide_by_label = label(wrap=False)
        later_row = QHBoxLayout()
        later_row.setContentsMargins(32, 0, 0, 0)
        later_row.addWidget(self.decide_by_label)
        later_row.addWidget(self.decide_by)
        later_row.addStretch(1)
        self.reasons_label = label()
        self.reasons_label.setProperty("role", "strong")
        self.reasons = QPlainTextEdit()
        self.reasons.setTabChangesFocus(True)
        self.reasons.setMaximumHeight(110)
        self.sure_title = label("subtitle")
        self.sure_intro = label("muted")
        sure_box = QFrame()
        sure_box.setProperty("role", "card")
        sure_grid = QGridLayout(sure_box)
        self.sure_labels: dict[str, object] = {}
        self.sure_buttons: dict[str, ChoiceButtons] = {}
        for row, field in enumerate(SURE_FIELDS):
            text = label()
            buttons = ChoiceButtons([True, False])
            buttons.value_changed.connect(lambda value, f=field: self._sure_answered(f, value))
            sure_grid.addWidget(text, row, 0)
            sure_grid.addWidget(buttons, row, 1)
            self.sure_labels[field] = text
            self.sure_buttons[field] = buttons
        sure_grid.setColumnStretch(0, 1)
        self.sure_result = label("warning")
        self.sure_citation = label("muted")
        self.teach_title = label("subtitle")
        self.teach_prompt = label("muted")
        self.teach_done = QCheckBox()
        self.teach_words = QLineEdit()
        self.teach_words.setMaxLength(1000)
        for widget in (self.choice_title, choice_box):
            self.body.addWidget(widget)
        self.body.addLayout(later_row)
        for widget in (
            self.reasons_label,
            self.reasons,
            self.sure_title,
            self.sure_intro,
            sure_box,
            self.sure_result,
            self.sure_citation,
            self.teach_title,
            self.teach_prompt,
            self.teach_done,
            self.teach_words,
        ):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        self.later = QRadioButton()
        clinician_only(self.teach_prompt)
        self.choice_group.buttonToggled.connect(self._choice_toggled)
        self.decide_by.dateChanged.connect(self._decide_by_changed)
        self.reasons.textChanged.connect(self._reasons_changed)
        self.teach_done.toggled.connect(self._teach_done)
        self.teach_words.textEdited.connect(self._teach_words)
        session.register(self)

    def retranslate_ui(self) -> None:
        """Set every text in the screen language."""
        super().retranslate_ui()
        _ = self.session.tr.gettext
        self.choice_title.setText(_("What did you decide together?"))
        self.decide_by_label.setText(_("Decide by:"))
        self.decide_by.setAccessibleName(_("Decide by"))
        localize_date_edit(self.decide_by, self.session.language)
        self.reasons_label.setText(_("Why: the reasons, in the patient's own words"))
        self.reasons.setAccessibleName(_("The reasons, in the patient's own words"))
        self.sure_title.setText(_("Are you ready? (SURE test)"))
        self.sure_intro.setText(_("The patient answers yes or no."))
        for field in SURE_FIELDS:
            text = self.sure_labels[field]
            text.setText(f"{SURE_LETTERS[field]}  {_(SURE_QUESTIONS[field])}")  # type: ignore[attr-defined]
            self.sure_buttons[field].set_labels(
                [_("Yes"), _("No")],
                [f"{_(SURE_QUESTIONS[field])} {_('Yes')}", f"{_(SURE_QUESTIONS[field])} {_('No')}"],
            )
        citation = _("SURE test © O'Connor & Légaré, 2008. Ottawa Hospital Research Institute.")
        if self.session.language.split("-")[0] not in OFFICIAL_SURE_LANGUAGES:
            citation += " " + _(
                "This translation was made by the sdm-app project; it is not the official version."
            )
        self.sure_citation.setText(citation)
        self.teach_title.setText(_("Teach-back"))
        self.teach_prompt.setText(
            _(
                'Clinician: ask "I want to make sure I explained it well. Can you tell me what you will do next?" If something is missed, explain again and ask again.'
            )
        )
        self.teach_done.setText(_("The patient explained the plan back in their own words"))
        self.teach_words.setPlaceholderText(_("What the patient said"))
        self.teach_words.setAccessibleName(_("What the patient said"))
        self.refresh()

    def refresh(self) -> None:
        """Show the visit's decision, SURE answers and teach-back."""
        _ = self.session.tr.gettext
        visit = self.session.visit
        aid = self.session.aid
        self.choice_group.blockSignals(True)
        for button in self.choice_group.buttons():
            self.choice_group.removeButton(button)
        clear_layout(self.choices)
        self.option_buttons = {}
        if aid is not None:
            for option in aid.options:
                row = CheckRow(self.session.text(option.name), radio=True)
                self.choice_group.addButton(row.check)
                self.choices.addWidget(row)
                self.option_buttons[option.id] = row.check  # type: ignore[assignment]
        later = CheckRow(_("Not yet: take more time and decide later"), radio=True)
        self.later = later.check  # type: ignore[assignment]
        self.choice_group.addButton(self.later)
        self.choices.addWidget(later)
        decision = visit.decision
        if decision.status is DecisionStatus.chosen and decision.option_id in self.option_buttons:
            self.option_buttons[decision.option_id].setChecked(True)
        elif decision.status is DecisionStatus.decide_later:
            self.later.setChecked(True)
        self.choice_group.blockSignals(False)
        later = decision.status is DecisionStatus.decide_later
        self.decide_by.setEnabled(later)
        self.decide_by.blockSignals(True)
        when = decision.decide_by or (dt.date.today() + dt.timedelta(days=14))
        self.decide_by.setDate(QDate(when.year, when.month, when.day))
        self.decide_by.blockSignals(False)
        if self.reasons.toPlainText() != decision.reasons:
            self.reasons.blockSignals(True)
            self.reasons.setPlainText(decision.reasons)
            self.reasons.blockSignals(False)
        for field in SURE_FIELDS:
            self.sure_buttons[field].set_value(getattr(visit.sure, field))
        self.teach_done.blockSignals(True)
        self.teach_done.setChecked(visit.teach_back.done)
        self.teach_done.blockSignals(False)
        self.teach_words.setText(visit.teach_back.patient_words)
        self._show_sure_result()

    def _choice_toggled(self, button: QRadioButton, checked: bool) -> None:
        if not checked:
            return
        decision = self.session.visit.decision
        if button is self.later:
            # the status first: while it says "chosen" the decision must name its option
            decision.status = DecisionStatus.decide_later
            decision.option_id = None
            date = self.decide_by.date()
            decision.decide_by = dt.date(date.year(), date.month(), date.day())
        else:
            option_id = next(k for k, b in self.option_buttons.items() if b is button)
            decision.option_id = option_id
            decision.status = DecisionStatus.chosen
            decision.decide_by = None
        self.decide_by.setEnabled(button is self.later)
        self.changed("decision")

    def _decide_by_changed(self, date: QDate) -> None:
        decision = self.session.visit.decision
        if decision.status is DecisionStatus.decide_later:
            decision.decide_by = dt.date(date.year(), date.month(), date.day())
            self.changed("decision")

    def _reasons_changed(self) -> None:
        self.session.visit.decision.reasons = self.reasons.toPlainText()[:4000]
        self.changed("decision")

    def _sure_answered(self, field: str, value: bool | None) -> None:
        setattr(self.session.visit.sure, field, value)
        self.changed("sure")
        self._show_sure_result()

    def _show_sure_result(self) -> None:
        _ = self.session.tr.gettext
        sure = self.session.visit.sure
        if sure.conflict_likely:
            set_role(self.sure_result, "warning")
            self.sure_result.setText(
                _(
                    "Score {score} of 4. The patient may not feel ready yet. That is common. Offer more information, more time, someone to talk it over with, or a follow-up visit, rather than deciding now."
                ).format(score=sure.score)
            )
            self.sure_result.setVisible(True)
        elif sure.answered:
            set_role(self.sure_result, "note")
            self.sure_result.setText(_("Score 4 of 4: the patient feels ready."))
            self.sure_result.setVisible(True)
        else:
            self.sure_result.setVisible(False)

    def _teach_done(self, on: bool) -> None:
        self.session.visit.teach_back.done = on
        self.changed("teach_back")

    def _teach_words(self, text: str) -> None:
        self.session.visit.teach_back.patient_words = text
        self.changed("teach_back")
