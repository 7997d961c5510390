"""The blank guide: the decision, the options and their main pros and cons, typed together."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sdm_app.domain.visit import GuideOption
from sdm_app.ui.session import VisitSession
from sdm_app.ui.widgets.text_label import TextLabel

MAX_OPTIONS = 6


class GuideOptionRow(QFrame):
    """Name, pros and cons of one option."""

    def __init__(self, editor: GuideEditor, index: int) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.editor = editor
        self.index = index
        _ = editor.session.tr.gettext
        option = editor.session.visit.guide.options[index]  # type: ignore[union-attr]
        grid = QGridLayout(self)
        self.name = QLineEdit(option.name)
        self.pros = QLineEdit(option.pros)
        self.cons = QLineEdit(option.cons)
        self.remove = QPushButton(_("Remove"))
        for field, text in (
            (self.name, _("Option {n}").format(n=index + 1)),
            (self.pros, _("What is good about it?")),
            (self.cons, _("What is not so good about it?")),
        ):
            field.setMaxLength(1000)
            field.setPlaceholderText(text)
            field.setAccessibleName(f"{_('Option {n}').format(n=index + 1)}: {text}")
            field.textEdited.connect(self._edited)
        self.remove.setAccessibleName(_("Remove option {n}").format(n=index + 1))
        grid.addWidget(self.name, 0, 0)
        grid.addWidget(self.remove, 0, 1)
        grid.addWidget(self.pros, 1, 0, 1, 2)
        grid.addWidget(self.cons, 2, 0, 1, 2)
        self.remove.clicked.connect(lambda: editor.remove_option(self.index))

    def _edited(self, _text: str) -> None:
        guide = self.editor.session.visit.guide
        assert guide is not None
        options = list(guide.options)
        options[self.index] = GuideOption(
            name=self.name.text(), pros=self.pros.text(), cons=self.cons.text()
        )
        guide.options = options
        self.editor.session.guide_edited(self.editor)


class GuideEditor(QWidget):
    """Edits ``session.visit.guide``; no state of its own."""

    def __init__(self, session: VisitSession) -> None:
        super().__init__()
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.intro = TextLabel()
        self.intro.setProperty("role", "muted")
        self.decision = QLineEdit()
        self.decision.setMaxLength(1000)
        self.rows_box = QVBoxLayout()
        self.rows: list[GuideOptionRow] = []
        self.add_option = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_option)
        buttons.addStretch(1)
        layout.addWidget(self.intro)
        layout.addWidget(self.decision)
        layout.addLayout(self.rows_box)
        layout.addLayout(buttons)
        self.decision.textEdited.connect(self._decision_edited)
        self.add_option.clicked.connect(self._add_option)

    def retranslate_ui(self) -> None:
        """Set every text in the screen language."""
        _ = self.session.tr.gettext
        self.intro.setText(
            _(
                "Write the decision and the options together, with the main good and not-so-good points of each. No numbers are added for you."
            )
        )
        self.decision.setPlaceholderText(_("The decision, e.g. Should I move closer to my family?"))
        self.decision.setAccessibleName(_("The decision"))
        self.add_option.setText(_("Add an option"))
        self.refresh()

    def refresh(self) -> None:
        """Show the visit's guide."""
        guide = self.session.visit.guide
        while self.rows_box.count():
            widget = self.rows_box.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.rows = []
        if guide is None:
            return
        self.decision.setText(guide.decision)
        for index in range(len(guide.options)):
            row = GuideOptionRow(self, index)
            self.rows_box.addWidget(row)
            self.rows.append(row)
        self.add_option.setEnabled(len(guide.options) < MAX_OPTIONS)

    def _decision_edited(self, text: str) -> None:
        guide = self.session.visit.guide
        assert guide is not None
        guide.decision = text
        self.session.guide_edited(self)

    def _add_option(self) -> None:
        guide = self.session.visit.guide
        assert guide is not None
        guide.options = [*guide.options, GuideOption()]
        self.session.guide_edited(self)
        self.refresh()
        self.rows[-1].name.setFocus()

    def remove_option(self, index: int) -> None:
        """Remove one option."""
        guide = self.session.visit.guide
        assert guide is not None
        options = list(guide.options)
        del options[index]
        guide.options = options
        self.session.guide_edited(self)
        self.refresh()
