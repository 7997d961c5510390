"""Step 6, costs and concerns: what each option costs, the patient's worries, and real help.

A worry must lead somewhere: each help the patient accepts is written into the plan.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sdm_app.domain.aid import Concern
from sdm_app.domain.steps import Step
from sdm_app.domain.visit import ConcernNote, CostWorry
from sdm_app.i18n.phrases import cost_words
from sdm_app.ui.session import VisitSession
from sdm_app.ui.steps.base import StepPage, card, clear_layout, label
from sdm_app.ui.widgets.check_row import CheckRow
from sdm_app.ui.widgets.choice_buttons import ChoiceButtons


class ConcernCard(QFrame):
    """One barrier: a checkbox to raise it; once raised, its questions, help, and a note."""

    def __init__(self, step: CostsStep, concern: Concern) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.step = step
        self.concern = concern
        session = step.session
        box = QVBoxLayout(self)
        row = CheckRow(session.text(concern.label))
        row.label.setProperty("role", "strong")
        self.raised = row.check
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(32, 0, 0, 0)
        _ = session.tr.gettext
        for question in concern.questions:
            q = label()
            q.setText("?  " + session.text(question))
            details.addWidget(q)
        for resource in concern.resources:
            r = label("muted")
            text = session.text(resource.title)
            if resource.description:
                text = session.tr.labelled(text, session.text(resource.description))
            if resource.contact:
                text = session.tr.aside(text, resource.contact)
            r.setText("•  " + text)
            details.addWidget(r)
        self.note = QLineEdit()
        self.note.setMaxLength(1000)
        self.note.setPlaceholderText(_("What the patient said (optional)"))
        self.note.setAccessibleName(
            _("Note about: {concern}").format(concern=session.text(concern.label))
        )
        details.addWidget(self.note)
        box.addWidget(row)
        box.addWidget(self.details)
        current = next((c for c in session.visit.concerns if c.concern_id == concern.id), None)
        self.raised.setChecked(current is not None)
        self.note.setText(current.note if current else "")
        self.details.setVisible(current is not None)
        self.raised.toggled.connect(self._toggled)
        self.note.textEdited.connect(self._note_edited)

    def _toggled(self, on: bool) -> None:
        visit = self.step.session.visit
        others = [c for c in visit.concerns if c.concern_id != self.concern.id]
        visit.concerns = (
            [*others, ConcernNote(concern_id=self.concern.id, note=self.note.text())]
            if on
            else others
        )
        self.details.setVisible(on)
        self.step.changed("concerns")

    def _note_edited(self, text: str) -> None:
        visit = self.step.session.visit
        visit.concerns = [
            ConcernNote(concern_id=c.concern_id, note=text)
            if c.concern_id == self.concern.id
            else c
            for c in visit.concerns
        ]
        self.step.changed("concerns")


class CostsStep(StepPage):
    """Costs of each option, the cost conversation, and the patient's other concerns."""

    step = Step.costs

    def __init__(self, session: VisitSession) -> None:
        super().__init__(session)
        self.no_aid = label("warning")
        self.costs_title = label("subtitle")
        costs_box = QWidget()
        self.costs = QVBoxLayout(costs_box)
        self.costs.setContentsMargins(0, 0, 0, 0)
        self.worry_label = label()
        self.worry_label.setProperty("role", "strong")
        self.worry = ChoiceButtons([CostWorry.yes, CostWorry.no, CostWorry.unsure])
        self.coverage = QLineEdit()
        self.coverage.setMaxLength(1000)
        self.help_title = label("subtitle")
        self.help_hint = label("warning")
        help_box = QWidget()
        self.help = QVBoxLayout(help_box)
        self.help.setContentsMargins(0, 0, 0, 0)
        self.help_checks: list[QCheckBox] = []
        self.own_help = QLineEdit()
        self.own_help.setMaxLength(500)
        self.own_help_add = QPushButton()
        own_row = QHBoxLayout()
        own_row.addWidget(self.own_help, 1)
        own_row.addWidget(self.own_help_add)
        self.concerns_title = label("subtitle")
        concerns_box = QWidget()
        self.concern_cards_layout = QVBoxLayout(concerns_box)
        self.concern_cards_layout.setContentsMargins(0, 0, 0, 0)
        self.concern_cards: list[ConcernCard] = []
        for widget in (
            self.no_aid,
            self.costs_title,
            costs_box,
            self.worry_label,
            self.worry,
            self.coverage,
            self.help_title,
            self.help_hint,
            help_box,
        ):
            self.body.addWidget(widget)
        self.body.addLayout(own_row)
        self.body.addWidget(self.concerns_title)
        self.body.addWidget(concerns_box)
        self.body.addStretch(1)
        self.worry.value_changed.connect(self._worry_changed)
        self.coverage.textEdited.connect(self._coverage_edited)
        self.own_help_add.clicked.connect(self._add_own_help)
        self.own_help.returnPressed.connect(self._add_own_help)
        session.register(self)

    def retranslate_ui(self) -> None:
        """Set every text in the screen language."""
        super().retranslate_ui()
        _ = self.session.tr.gettext
        self.no_aid.setText(_("Choose a decision first (step 2)."))
        self.costs_title.setText(_("What each option usually costs"))
        self.worry_label.setText(_("Is cost a worry for you?"))
        self.worry.set_labels(
            [_("Yes"), _("No"), _("Not sure")],
            [_("Cost is a worry: yes"), _("Cost is a worry: no"), _("Cost is a worry: not sure")],
        )
        self.coverage.setPlaceholderText(_("Insurance or coverage, in plain words (optional)"))
        self.coverage.setAccessibleName(_("Insurance or coverage"))
        self.help_title.setText(_("Help with costs to write into the plan"))
        self.help_hint.setText(
            _("Cost is a worry: choose at least one way to help, so it is written into the plan.")
        )
        self.own_help.setPlaceholderText(_("Other help agreed, in your words"))
        self.own_help.setAccessibleName(_("Other help with costs"))
        self.own_help_add.setText(_("Add"))
        self.concerns_title.setText(_("Other concerns: what might get in the way?"))
        self.refresh()

    def refresh(self) -> None:
        """Show costs, the cost conversation and concerns from the visit."""
        aid = self.session.aid
        visit = self.session.visit
        tr = self.session.tr
        self.no_aid.setVisible(aid is None)
        clear_layout(self.costs)
        clear_layout(self.help)
        clear_layout(self.concern_cards_layout)
        self.help_checks = []
        self.concern_cards = []
        self.worry.set_value(visit.cost.worry)
        self.coverage.setText(visit.cost.coverage)
        if aid is not None:
            for option in aid.options:
                if option.cost is None:
                    continue
                c = option.cost
                frame, box = card()
                head = label()
                head.setText(
                    tr.labelled(
                        self.session.text(option.name),
                        cost_words(tr, c.low, c.high, c.currency, c.period, c.tier),
                    )
                )
                head.setProperty("role", "strong")
                box.addWidget(head)
                for extra in (c.insurance, c.notes):
                    if extra is not None:
                        more = label("muted")
                        more.setText(self.session.text(extra))
                        box.addWidget(more)
                self.costs.addWidget(frame)
            # Each offer as it reads now, and as visits saved before the fifth session wrote
            # it ("title: description" in every language), so those stay ticked.
            offered: list[tuple[str, str]] = []
            for r in aid.cost_resources:
                title = self.session.text(r.title)
                if r.description:
                    description = self.session.text(r.description)
                    offered.append((tr.labelled(title, description), f"{title}: {description}"))
                else:
                    offered.append((title, title))
            known = {text for pair in offered for text in pair}
            extra = [(t, t) for t in visit.cost.help_agreed if t not in known]
            for text, earlier in [*offered, *extra]:
                row = CheckRow(text)
                row.check.setChecked(
                    text in visit.cost.help_agreed or earlier in visit.cost.help_agreed
                )
                row.check.toggled.connect(
                    lambda on, t=text, e=earlier: self._help_toggled(t, on, e)
                )
                self.help.addWidget(row)
                self.help_checks.append(row.check)
            for concern in aid.concerns:
                concern_card = ConcernCard(self, concern)
                self.concern_cards_layout.addWidget(concern_card)
                self.concern_cards.append(concern_card)
        self._update_hint()

    def on_visit_changed(self, section: str) -> None:
        """Follow the aid and the language."""
        if section in ("aid", "patient"):
            self.refresh()

    def _update_hint(self) -> None:
        visit = self.session.visit
        self.help_hint.setVisible(visit.cost.worry is CostWorry.yes and not visit.cost.help_agreed)

    def _worry_changed(self, value: CostWorry | None) -> None:
        self.session.visit.cost.worry = value
        self.changed("cost")
        self._update_hint()

    def _coverage_edited(self, text: str) -> None:
        self.session.visit.cost.coverage = text
        self.changed("cost")

    def _help_toggled(self, text: str, on: bool, earlier: str = "") -> None:
        agreed = [h for h in self.session.visit.cost.help_agreed if h not in (text, earlier)]
        self.session.visit.cost.help_agreed = [*agreed, text] if on else agreed
        self.changed("cost")
        self._update_hint()

    def _add_own_help(self) -> None:
        text = self.own_help.text().strip()
        if not text or text in self.session.visit.cost.help_agreed:
            return
        self.own_help.clear()
        self.session.visit.cost.help_agreed = [*self.session.visit.cost.help_agreed, text]
        self.changed("cost")
        self.refresh()
