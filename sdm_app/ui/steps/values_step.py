"""Step 5, what matters to you: ratings, own words, and how the options fit them.

The fit is shown plainly, per option in the aid's order, with the calculation one
click away. It is never called a recommendation and never sorted into a ranking.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sdm_app.domain.aid import FitLevel
from sdm_app.domain.fit import FIT_POINTS, option_fits
from sdm_app.domain.steps import Step
from sdm_app.domain.visit import Importance
from sdm_app.i18n import N_
from sdm_app.i18n.phrases import IMPORTANCE_LABELS
from sdm_app.ui.session import VisitSession
from sdm_app.ui.steps.base import StepPage, card, clear_layout, label
from sdm_app.ui.widgets.choice_buttons import ChoiceButtons

SHORT_IMPORTANCE = {
    Importance.not_important: N_("Not important"),
    Importance.a_little: N_("A little"),
    Importance.somewhat: N_("Somewhat"),
    Importance.very: N_("Very important"),
}


class ValuesStep(StepPage):
    """Decision talk, part one: the patient's priorities."""

    step = Step.values

    def __init__(self, session: VisitSession) -> None:
        super().__init__(session)
        self.intro = label("muted")
        self.no_aid = label("warning")
        prompts_box = QWidget()
        self.prompts = QVBoxLayout(prompts_box)
        self.prompts.setContentsMargins(0, 0, 0, 0)
        self.selectors: dict[str, ChoiceButtons] = {}
        self.own_title = label("subtitle")
        self.own_input = QLineEdit()
        self.own_input.setMaxLength(300)
        self.own_add = QPushButton()
        self.own_remove = QPushButton()
        self.own_list = QListWidget()
        self.own_list.setMaximumHeight(140)
        own_row = QHBoxLayout()
        own_row.addWidget(self.own_input, 1)
        own_row.addWidget(self.own_add)
        own_row.addWidget(self.own_remove)
        self.fit_title = label("subtitle")
        self.fit_note = label("muted")
        fit_box = QWidget()
        self.fit_rows = QVBoxLayout(fit_box)
        self.fit_rows.setContentsMargins(0, 0, 0, 0)
        self.show_calculation = QPushButton()
        self.show_calculation.setCheckable(True)
        self.calculation = label()
        self.calculation.setVisible(False)
        for widget in (self.intro, self.no_aid, prompts_box, self.own_title):
            self.body.addWidget(widget)
        self.body.addLayout(own_row)
        for widget in (
            self.own_list,
            self.fit_title,
            self.fit_note,
            fit_box,
            self.show_calculation,
            self.calculation,
        ):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        self.own_add.clicked.connect(self._add_own)
        self.own_input.returnPressed.connect(self._add_own)
        self.own_remove.clicked.connect(self._remove_own)
        self.show_calculation.toggled.connect(self.calculation.setVisible)
        session.register(self)

    def retranslate_ui(self) -> None:
        """Set every text in the screen language."""
        super().retranslate_ui()
        _ = self.session.tr.gettext
        self.intro.setText(
            _("How much does each of these matter to you? There are no right or wrong answers.")
        )
        self.no_aid.setText(_("Choose a decision first (step 2)."))
        self.own_title.setText(_("Anything else that matters to you, in your own words"))
        self.own_input.setPlaceholderText(_("For example: being able to keep working"))
        self.own_input.setAccessibleName(_("Something else that matters to you"))
        self.own_add.setText(_("Add"))
        self.own_remove.setText(_("Remove"))
        self.own_list.setAccessibleName(_("What else matters to you"))
        self.fit_title.setText(_("How the options fit what you said"))
        self.fit_note.setText(
            _(
                "This is not a recommendation. It adds up how each option does on the things you rated, so you can talk about the trade-offs."
            )
        )
        self.show_calculation.setText(_("Show how this is worked out"))
        self.refresh()

    def refresh(self) -> None:
        """Show the prompts with the visit's ratings, the own words and the fit."""
        aid = self.session.aid
        self.no_aid.setVisible(aid is None)
        clear_layout(self.prompts)
        self.selectors = {}
        _ = self.session.tr.gettext
        if aid is not None:
            for prompt in aid.values:
                row, box = card()
                question = label()
                question.setText(self.session.text(prompt.prompt))
                question.setProperty("role", "strong")
                selector = ChoiceButtons(list(Importance))
                selector.set_labels(
                    [_(SHORT_IMPORTANCE[i]) for i in Importance],
                    [
                        self.session.tr.labelled(
                            self.session.text(prompt.prompt), _(IMPORTANCE_LABELS[i])
                        )
                        for i in Importance
                    ],
                )
                selector.set_value(self.session.visit.ratings.get(prompt.id))
                selector.value_changed.connect(lambda value, pid=prompt.id: self._rated(pid, value))
                box.addWidget(question)
                box.addWidget(selector)
                self.prompts.addWidget(row)
                self.selectors[prompt.id] = selector
        self.own_list.clear()
        self.own_list.addItems(self.session.visit.own_priorities)
        self._show_fit()

    def on_visit_changed(self, section: str) -> None:
        """Follow the aid and the language."""
        if section in ("aid", "patient"):
            self.refresh()

    def _rated(self, prompt_id: str, value: Importance | None) -> None:
        ratings = dict(self.session.visit.ratings)
        if value is None:
            ratings.pop(prompt_id, None)
        else:
            ratings[prompt_id] = value
        self.session.visit.ratings = ratings
        self.changed("ratings")
        self._show_fit()

    def _add_own(self) -> None:
        text = self.own_input.text().strip()
        if not text:
            return
        self.session.visit.own_priorities = [*self.session.visit.own_priorities, text]
        self.own_input.clear()
        self.own_list.addItem(text)
        self.changed("own_priorities")

    def _remove_own(self) -> None:
        row = self.own_list.currentRow()
        if row < 0:
            return
        items = list(self.session.visit.own_priorities)
        del items[row]
        self.session.visit.own_priorities = items
        self.own_list.takeItem(row)
        self.changed("own_priorities")

    def _show_fit(self) -> None:
        clear_layout(self.fit_rows)
        aid = self.session.aid
        tr = self.session.tr
        _ = tr.gettext
        visible = aid is not None and bool(aid.values)
        for widget in (self.fit_title, self.fit_note, self.show_calculation):
            widget.setVisible(visible)
        self.calculation.setVisible(visible and self.show_calculation.isChecked())
        if aid is None:
            return
        fits = option_fits(aid, self.session.visit.ratings)
        prompts = {p.id: p for p in aid.values}
        levels = {
            FitLevel.well: _("does well"),
            FitLevel.partly: _("does partly"),
            FitLevel.poorly: _("does poorly"),
        }
        lines = [
            _(
                "For each thing you rated, each option gets points: does well = 2, partly = 1, poorly = 0."
            ),
            _(
                "The points are multiplied by how much it matters to you: not important = 0, a little = 1, somewhat = 2, very = 3."
            ),
            "",
        ]
        for fit in fits:
            name = self.session.text(aid.option(fit.option_id).name)
            row = label()
            if fit.possible:
                row.setText(
                    _("{option}: {points} of {possible} points").format(
                        option=name, points=fit.points, possible=fit.possible
                    )
                )
            else:
                row.setText(
                    _("{option}: rate what matters to you to see how it fits").format(option=name)
                )
            self.fit_rows.addWidget(row)
            lines.append(name)
            for term in fit.terms:
                lines.append(
                    "    "
                    + _("{prompt}: {level} ({fit}) × {importance} = {points}").format(
                        prompt=self.session.text(prompts[term.prompt_id].prompt),
                        level=levels[term.level],
                        fit=FIT_POINTS[term.level],
                        importance=int(term.importance),
                        points=term.points,
                    )
                )
            lines.append(
                "    "
                + _("Total: {points} of {possible}").format(
                    points=fit.points, possible=fit.possible
                )
            )
        self.calculation.setText("\n".join(lines))
