"""Step 2, choose the decision: the library, searchable, with review status and failures."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidgetItem

from sdm_app.content.loader import LoadedAid
from sdm_app.domain.steps import Step
from sdm_app.domain.text import first_sentence
from sdm_app.ui.session import VisitSession
from sdm_app.ui.steps.base import StepPage, label
from sdm_app.ui.widgets.guide_editor import GuideEditor
from sdm_app.ui.widgets.wrap_button import WrapButton
from sdm_app.ui.widgets.wrapped_list import WrappedList


class ChooseStep(StepPage):
    """Pick the aid for this visit."""

    step = Step.choose

    def __init__(self, session: VisitSession) -> None:
        super().__init__(session)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.aid_list = WrappedList()  # each entry wraps to the list's width, fully shown
        self.aid_list.setMinimumHeight(260)
        self.empty = label("muted")
        self.failed_title = label("subtitle")
        self.failed = label("warning")
        self.failed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.guide_button = WrapButton()  # long in some languages: wraps at large text
        self.guide_title = label("subtitle")
        self.guide = GuideEditor(session)
        for widget in (
            self.search,
            self.aid_list,
            self.empty,
            self.guide_button,
            self.guide_title,
            self.guide,
            self.failed_title,
            self.failed,
        ):
            # the list takes the room the page has, so a library is seen whole where it fits
            self.body.addWidget(widget, 1 if widget is self.aid_list else 0)
        self.search.textChanged.connect(self._filter)
        self.aid_list.currentItemChanged.connect(self._chosen)
        self.guide_button.clicked.connect(self._start_guide)
        session.register(self)
        self.refresh()

    def retranslate_ui(self) -> None:
        """Set every text in the screen language."""
        super().retranslate_ui()
        _ = self.session.tr.gettext
        self.search.setPlaceholderText(_("Search by title or condition"))
        self.search.setAccessibleName(_("Search decision aids"))
        self.aid_list.setAccessibleName(_("Decision aids"))
        self.empty.setText(_("No decision aid matches the search."))
        self.failed_title.setText(_("Not available"))
        self.guide_button.setText(_("None of these fits: write a blank guide together"))
        self.guide_title.setText(_("Personal decision guide"))
        self.guide.retranslate_ui()
        self.refresh()

    def _entries(self) -> list[LoadedAid]:
        return self.session.library.aids

    def refresh(self) -> None:
        """List the aids in the screen language and select the visit's aid."""
        tr = self.session.tr
        _ = tr.gettext
        language = self.session.language
        self.aid_list.blockSignals(True)
        self.aid_list.clear()
        statuses = {
            "draft": _("Draft: not yet clinically reviewed"),
            "in_review": _("In clinical review"),
            "reviewed": _("Clinically reviewed"),
            "retired": _("Retired"),
        }
        today = dt.date.today()
        for entry in self._entries():
            aid = entry.summary  # the list needs no more: an aid is read in full when chosen
            assert aid is not None
            lines = [
                aid.text(aid.title, language),
                first_sentence(aid.text(aid.condition, language)),
                _("{status} · last reviewed {date}").format(
                    status=statuses[aid.review_status.value],
                    date=tr.format_date(aid.last_reviewed, "medium"),
                ),
            ]
            if today > aid.next_review:
                lines.append(_("Review date has passed: check that the content is still current."))
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.aid_list.addItem(item)
            if self.session.entry is entry:
                self.aid_list.setCurrentItem(item)
        self.aid_list.blockSignals(False)
        self.aid_list.fit_items()
        failed = self.session.library.failed
        self.failed.setText("\n".join(str(d) for e in failed for d in e.diagnostics))
        self.failed.setVisible(bool(failed))
        self.failed_title.setVisible(bool(failed))
        self._filter(self.search.text())
        guide = self.session.using_guide
        self.guide_title.setVisible(guide)
        self.guide.setVisible(guide)
        self.guide_button.setVisible(not guide)
        self.guide.refresh()

    def on_visit_changed(self, section: str) -> None:
        """Follow the aid and the language (typing in the guide needs no redraw)."""
        if section in ("aid", "patient"):
            self.refresh()

    def _start_guide(self) -> None:
        self.aid_list.blockSignals(True)
        self.aid_list.setCurrentItem(None)
        self.aid_list.clearSelection()
        self.aid_list.blockSignals(False)
        self.session.start_guide()
        self.refresh()
        self.guide.decision.setFocus()

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        shown = 0
        for row in range(self.aid_list.count()):
            item = self.aid_list.item(row)
            entry: LoadedAid = item.data(Qt.ItemDataRole.UserRole)
            aid = entry.summary
            assert aid is not None
            haystack = " ".join(
                [*aid.title.values(), *aid.condition.values(), *aid.question.values(), aid.id]
            ).casefold()
            hidden = bool(needle) and needle not in haystack
            item.setHidden(hidden)
            shown += not hidden
        self.empty.setVisible(shown == 0)

    def _chosen(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        entry: LoadedAid = current.data(Qt.ItemDataRole.UserRole)
        if entry is not self.session.entry:
            self.session.choose_aid(entry)
