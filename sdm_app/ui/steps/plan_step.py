"""Step 8, plan: next steps (pre-filled from the aid, editable), the follow-up, who to call."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sdm_app.domain.flow import suggested_steps
from sdm_app.domain.steps import Step
from sdm_app.domain.visit import DecisionStatus, NextStep
from sdm_app.domain.who import Who
from sdm_app.i18n.phrases import WHO_LABELS
from sdm_app.ui.patient_view import clinician_only
from sdm_app.ui.session import VisitSession
from sdm_app.ui.steps.base import StepPage, clear_layout, label, localize_date_edit

NO_DATE = QDate(2000, 1, 1)


def to_qdate(value: dt.date | None) -> QDate:
    """A QDate, or the "no date" sentinel."""
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def from_qdate(value: QDate) -> dt.date | None:
    """A date, or None for the "no date" sentinel."""
    return None if value == NO_DATE else dt.date(value.year(), value.month(), value.day())


def date_edit(tr_none: str, language: str) -> QDateEdit:
    """A date field in the patient's way of writing dates that can also be "no date"."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(tr_none)
    localize_date_edit(edit, language)
    return edit


class StepRow(QFrame):
    """One editable next step: what, who, when, and a remove button; ``stacked`` puts "when"
    on a line of its own (large text, where who and when side by side are too wide)."""

    def __init__(self, page: PlanStep, index: int, step: NextStep, stacked: bool = False) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.page = page
        self.index = index
        _ = page.session.tr.gettext
        row = QGridLayout(self)
        self.what = QPlainTextEdit(step.what)
        self.what.setTabChangesFocus(True)
        lines = self.what.fontMetrics().lineSpacing()
        self.what.setFixedHeight(int(lines * 2.6) + 12)
        self.what.setAccessibleName(_("Step {n}: what").format(n=index + 1))
        self.who = QComboBox()
        for who in Who:
            self.who.addItem(_(WHO_LABELS[who]), who)
        self.who.setCurrentIndex(list(Who).index(step.who))
        self.who.setAccessibleName(_("Step {n}: who").format(n=index + 1))
        self.when = date_edit(_("No date"), page.session.language)
        self.when.setDate(to_qdate(step.when))
        self.when.setAccessibleName(_("Step {n}: when").format(n=index + 1))
        self.remove = QPushButton(_("Remove"))
        self.remove.setAccessibleName(_("Remove step {n}").format(n=index + 1))
        row.addWidget(self.what, 0, 0, 1, 4)  # the step on its own line: it wraps at any text size
        row.addWidget(self.who, 1, 0)
        row.addWidget(self.when, 2 if stacked else 1, 0 if stacked else 1)
        row.addWidget(self.remove, 1, 3)
        row.setColumnStretch(2, 1)
        self.what.textChanged.connect(self._save)
        self.who.currentIndexChanged.connect(lambda _index: self._save())
        self.when.dateChanged.connect(lambda _date: self._save())
        self.remove.clicked.connect(lambda: page.remove_step(self.index))

    def _save(self) -> None:
        steps = list(self.page.session.visit.next_steps)
        steps[self.index] = NextStep(
            what=self.what.toPlainText()[:4000],
            who=self.who.currentData(),
            when=from_qdate(self.when.date()),
        )
        self.page.session.visit.next_steps = steps
        self.page.changed("next_steps")


class PlanStep(StepPage):
    """What happens next, who does it, and when."""

    step = Step.plan

    def __init__(self, session: VisitSession) -> None:
        super().__init__(session)
        self.steps_title = label("subtitle")
        self.steps_hint = label("muted")
        steps_box = QWidget()
        self.steps_layout = QVBoxLayout(steps_box)
        self.steps_layout.setContentsMargins(0, 0, 0, 0)
        self.rows: list[StepRow] = []
        self.add_step = QPushButton()
        self.suggest = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_step)
        buttons.addWidget(self.suggest)
        buttons.addStretch(1)
        self.follow_title = label("subtitle")
        follow_box = QWidget()
        follow = QFormLayout(follow_box)
        # at large text a field moves under its label rather than off the screen
        follow.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.follow_date = date_edit("", session.language)
        self.follow_with = QLineEdit()
        self.follow_with.setMaxLength(200)
        self.follow_how = QLineEdit()
        self.follow_how.setMaxLength(200)
        self.follow_labels = [label(wrap=False) for _ in range(3)]
        for lab, field in zip(
            self.follow_labels, (self.follow_date, self.follow_with, self.follow_how), strict=True
        ):
            lab.setBuddy(field)
            follow.addRow(lab, field)
        self.contacts_title = label("subtitle")
        self.contacts = label()
        self.notes_title = label("subtitle")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(120)
        clinician_only(self.notes_title, self.notes)
        for widget in (self.steps_title, self.steps_hint, steps_box):
            self.body.addWidget(widget)
        self.body.addLayout(buttons)
        for widget in (
            self.follow_title,
            follow_box,
            self.contacts_title,
            self.contacts,
            self.notes_title,
            self.notes,
        ):
            self.body.addWidget(widget)
        self.notes.textChanged.connect(self._notes_changed)
        self.body.addStretch(1)
        self.add_step.clicked.connect(self._add_step)
        self.suggest.clicked.connect(self._use_suggestions)
        self.follow_date.dateChanged.connect(self._follow_changed)
        self.follow_with.textEdited.connect(self._follow_changed)
        self.follow_how.textEdited.connect(self._follow_changed)
        session.register(self)

    def retranslate_ui(self) -> None:
        """Set every text in the screen language."""
        super().retranslate_ui()
        _ = self.session.tr.gettext
        self.steps_title.setText(_("Next steps"))
        self.steps_hint.setText(
            _("Suggested steps come from the decision aid. Change them as you agree.")
        )
        self.add_step.setText(_("Add a step"))
        self.suggest.setText(_("Use the suggested steps"))
        self.follow_title.setText(_("Follow-up"))
        for lab, text in zip(
            self.follow_labels,
            (_("Date"), _("With whom"), _("How (visit, phone call...)")),
            strict=True,
        ):
            lab.setText(text)
        self.follow_date.setSpecialValueText(_("No date"))
        localize_date_edit(self.follow_date, self.session.language)
        self.follow_date.setAccessibleName(_("Follow-up date"))
        self.follow_with.setAccessibleName(_("Follow-up with whom"))
        self.follow_how.setAccessibleName(_("Follow-up how"))
        self.contacts_title.setText(_("Who to call"))
        self.notes_title.setText(_("Notes for the clinician only (never printed)"))
        self.notes.setAccessibleName(_("Notes for the clinician only"))
        self.refresh()

    def entered(self) -> None:
        """Pre-fill the next steps the first time the plan is reached after a choice; else
        redraw only if the visit changed elsewhere meanwhile."""
        visit = self.session.visit
        if not visit.next_steps and self._suggestions():
            visit.next_steps = self._suggestions()
            self.changed("next_steps")
            self.refresh()
            return
        super().entered()

    def _suggestions(self) -> list[NextStep]:
        aid = self.session.aid
        decision = self.session.visit.decision
        if (
            aid is None
            or decision.status is not DecisionStatus.chosen
            or decision.option_id is None
        ):
            return []
        return suggested_steps(
            aid, decision.option_id, self.session.language, self.session.visit.visit_date
        )

    def on_visit_changed(self, section: str) -> None:
        """A new choice replaces steps that were only the old choice's suggestions."""
        if section == "decision":
            aid = self.session.aid
            current = [s.what for s in self.session.visit.next_steps]
            if aid is not None and current:
                earlier = [
                    [
                        s.what
                        for s in suggested_steps(
                            aid, o.id, self.session.language, self.session.visit.visit_date
                        )
                    ]
                    for o in aid.options
                ]
                if current in earlier:
                    self.session.visit.next_steps = self._suggestions()
                    self.changed("next_steps")
            self.refresh()
        elif section in ("aid", "patient"):
            self.refresh()

    def column_count(self) -> int:
        """2 when a step's who and when fit side by side in the page, else 1."""
        if not self.rows:
            return self.columns or 2
        row = self.rows[0]
        parts = (row.who, row.when, row.remove)
        need = sum(w.sizeHint().width() for w in parts) + 4 * row.layout().spacing() + 48
        return 2 if need <= self.columns_width() else 1

    def refresh(self) -> None:
        """Show the visit's steps, follow-up and the clinic's contacts."""
        _ = self.session.tr.gettext
        visit = self.session.visit
        clear_layout(self.steps_layout)
        self.columns = self.column_count()
        self.rows = [
            StepRow(self, i, s, stacked=self.columns == 1) for i, s in enumerate(visit.next_steps)
        ]
        for row in self.rows:
            self.steps_layout.addWidget(row)
        if self.rows and self.column_count() != self.columns:
            self.refresh()  # once: the rows' own sizes say how they fit
            return
        self.suggest.setEnabled(bool(self._suggestions()))
        for widget in (self.follow_date, self.follow_with, self.follow_how):
            widget.blockSignals(True)
        self.follow_date.setDate(to_qdate(visit.follow_up.date))
        self.follow_with.setText(visit.follow_up.with_whom)
        self.follow_how.setText(visit.follow_up.how)
        for widget in (self.follow_date, self.follow_with, self.follow_how):
            widget.blockSignals(False)
        if self.notes.toPlainText() != visit.clinician_notes:
            self.notes.blockSignals(True)
            self.notes.setPlainText(visit.clinician_notes)
            self.notes.blockSignals(False)
        clinic = self.session.settings.clinic
        tr = self.session.tr
        lines: list[str] = []
        if clinic.name and clinic.phone:
            lines.append(tr.labelled(clinic.name, clinic.phone))
        elif clinic.name or clinic.phone:
            lines.append(clinic.name or clinic.phone)
        lines += [tr.labelled(c.label, f"{c.phone} {c.hours}".strip()) for c in clinic.contacts]
        self.contacts.setText(
            "\n".join(lines) or _("No clinic contacts yet. Add them in Settings.")
        )

    def remove_step(self, index: int) -> None:
        """Remove the step at ``index``."""
        steps = list(self.session.visit.next_steps)
        del steps[index]
        self.session.visit.next_steps = steps
        self.changed("next_steps")
        self.refresh()

    def _add_step(self) -> None:
        self.session.visit.next_steps = [*self.session.visit.next_steps, NextStep(what="")]
        self.changed("next_steps")
        self.refresh()
        self.rows[-1].what.setFocus()

    def _use_suggestions(self) -> None:
        self.session.visit.next_steps = self._suggestions()
        self.changed("next_steps")
        self.refresh()

    def _notes_changed(self) -> None:
        self.session.visit.clinician_notes = self.notes.toPlainText()[:4000]
        self.changed("clinician_notes")

    def _follow_changed(self, *_args: object) -> None:
        follow = self.session.visit.follow_up
        follow.date = from_qdate(self.follow_date.date())
        follow.with_whom = self.follow_with.text()
        follow.how = self.follow_how.text()
        self.changed("follow_up")
