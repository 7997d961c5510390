"""Step 4, compare: one card per question patients ask, every option's answer side by side.

As with Mayo's issue cards, each question is its own card, so the patient can
start with whichever matters most; options wrap onto more lines when there are
more than fit the window. Quantified answers are icon arrays with one denominator
per row and the number in words beside them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from sdm_app.domain.aid import Row, RowKind
from sdm_app.domain.steps import Step
from sdm_app.i18n.phrases import outcome_words
from sdm_app.ui.session import VisitSession
from sdm_app.ui.steps.base import StepPage, card, clear_layout, label
from sdm_app.ui.widgets.icon_array import IconArrayWidget

#: Grid rows per line of options (name, icon array, number, text), plus one empty row between
#: lines of options, and that row's height.
ROWS_PER_LINE = 5
LINE_GAP = 8


class CompareStep(StepPage):
    """Option talk: every option on every question."""

    step = Step.compare

    def __init__(self, session: VisitSession) -> None:
        super().__init__(session)
        self.hint = label("muted")
        self.no_aid = label("warning")
        cards_box = QWidget()
        self.cards = QVBoxLayout(cards_box)
        self.cards.setContentsMargins(0, 0, 0, 0)
        self.cards.setSpacing(16)
        self.icon_arrays: list[IconArrayWidget] = []
        for widget in (self.hint, self.no_aid, cards_box):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        session.register(self)

    def retranslate_ui(self) -> None:
        """Set every text in the screen language."""
        super().retranslate_ui()
        _ = self.session.tr.gettext
        self.hint.setText(
            _(
                "Each card is a question people often ask, with every option's answer. Start with the questions that matter most to you."
            )
        )
        self.no_aid.setText(_("Choose a decision first (step 2)."))
        self.refresh()

    def column_count(self) -> int:
        """Options side by side as far as the width allows, in even rows."""
        return self.option_columns()

    def refresh(self) -> None:
        """Draw one card per question for the visit's aid."""
        aid = self.session.aid
        self.no_aid.setVisible(aid is None)
        self.hint.setVisible(aid is not None)
        clear_layout(self.cards)
        self.icon_arrays = []
        self.columns = self.column_count()
        if aid is None:
            return
        for row in aid.rows:
            self.cards.addWidget(self._card(row))

    def _card(self, row: Row) -> QFrame:
        aid = self.session.aid
        assert aid is not None
        tr = self.session.tr
        _ = tr.gettext
        text = self.session.text
        kinds = {
            RowKind.benefit: _("Benefit"),
            RowKind.harm: _("Harm or side effect"),
            RowKind.practical: _("Daily life"),
            RowKind.cost: _("Cost"),
        }
        frame, box = card((16, 12, 16, 14))
        question = label("subtitle")
        question.setText(text(row.question))
        kind = label("muted")
        kind.setText(kinds[row.kind])
        box.addWidget(question)
        box.addWidget(kind)
        if row.population:
            who = label("muted")
            who.setText(_("Who the numbers are about: {who}").format(who=text(row.population)))
            box.addWidget(who)
        # Each line of options is one set of grid rows (names, icon arrays, numbers, texts,
        # then an empty row before the next line), so the pictures of one question start at
        # the same height and can be compared at a glance even when one option's name takes
        # two lines.
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        top = Qt.AlignmentFlag.AlignTop  # texts keep the column's width, to wrap in it
        for index, option in enumerate(aid.options):
            cell = row.cells.get(option.id)
            line, column = divmod(index, self.columns)
            first = line * ROWS_PER_LINE
            if line and column == 0:
                grid.setRowMinimumHeight(first - 1, LINE_GAP)  # the empty row between lines
            name = label()
            name.setText(text(option.name))
            name.setProperty("role", "strong")
            grid.addWidget(name, first, column, top)
            if cell is not None and cell.outcome is not None:
                o = cell.outcome
                words = outcome_words(
                    tr, o.events, o.per, o.over.amount, o.over.unit, text(row.event)
                )
                icons = IconArrayWidget(o.events, o.per)
                icons.setMaximumWidth(230 if o.per <= 100 else 400)
                icons.setAccessibleName(words)
                icons.setToolTip(words)
                self.icon_arrays.append(icons)
                at_start = QHBoxLayout()  # at the start of the line, as wide as it may be
                at_start.addWidget(icons, 1)
                at_start.addStretch(0)
                grid.addLayout(at_start, first + 1, column)  # (aligned, it would take
                # its preferred height, not the height its width needs)
                number = label()
                number.setText(words)
                grid.addWidget(number, first + 2, column, top)
            if cell is not None and cell.text is not None:
                body = label()
                body.setText(text(cell.text))
                grid.addWidget(body, first + 3, column, top)
        for c in range(self.columns):
            grid.setColumnStretch(c, 1)
        box.addLayout(grid)
        return frame
