"""The visit being worked on, shared by every step: the single source of truth.

Steps read ``session.visit`` to show it and write to it when the user changes
something, then call :meth:`VisitSession.changed_by` so other views can follow.
No step keeps visit data of its own.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from sdm_app.domain.flow import clear_aid_answers
from sdm_app.domain.visit import AidRef, PersonalGuide, Visit
from sdm_app.i18n import Translator, translator
from sdm_app.settings import Settings

if TYPE_CHECKING:  # the content layer is imported when the library is first used
    from sdm_app.content.library import Library
    from sdm_app.content.loader import LoadedAid
    from sdm_app.domain.aid import DecisionAid
    from sdm_app.domain.plan import CarePlan


class Translatable(Protocol):
    """A widget that sets all its text in one method."""

    def retranslate_ui(self) -> None:
        """Set every visible text in the session's current language."""


class VisitSession(QObject):
    """Holds the visit, its aid, the library and settings; announces changes."""

    #: a part of the visit changed ("patient", "language", "aid", "ratings", ...), and who
    #: changed it
    visit_changed = Signal(str, object)
    #: the screen language changed
    language_changed = Signal(str)
    #: a new, empty visit replaced the old one
    visit_replaced = Signal()

    def __init__(self, library: Library | Callable[[], Library], settings: Settings) -> None:
        """``library`` may be a function that loads it: it is then called on first use, so
        the first screen (which needs no aid) can be painted before the aids are read."""
        super().__init__()
        self._library = library
        self.settings = settings
        self.visit = self._fresh_visit()
        self.entry: LoadedAid | None = None
        self._translatables: weakref.WeakSet[object] = weakref.WeakSet()

    def _fresh_visit(self) -> Visit:
        visit = Visit()
        visit.patient.language = self.settings.default_language
        visit.clinician.name = self.settings.default_clinician
        return visit

    @property
    def library(self) -> Library:
        """The decision aids to choose from."""
        if callable(self._library):
            self._library = self._library()
        return self._library

    @library.setter
    def library(self, library: Library) -> None:
        self._library = library

    # -- language -------------------------------------------------------------------------

    @property
    def language(self) -> str:
        """The language on screen: the patient's."""
        return self.visit.patient.language

    @property
    def tr(self) -> Translator:
        """Translations and formatting for the screen language."""
        return translator(self.language)

    def register(self, widget: Translatable) -> None:
        """Call ``widget.retranslate_ui()`` now and whenever the language changes."""
        self._translatables.add(widget)
        widget.retranslate_ui()

    def set_language(self, language: str) -> None:
        """Switch the patient's (and the screen's) language at once."""
        if language == self.visit.patient.language:
            return
        self.visit.patient.language = language
        self.visit.touch()
        self._rebuild_guide()
        # "language", not "patient", and before retranslating: every step redraws itself in
        # retranslate_ui (and is current then), so none needs drawing again, now or when it
        # is next entered; a "patient" change after it drew each step twice, then a third time
        self.visit_changed.emit("language", None)
        for widget in list(self._translatables):
            widget.retranslate_ui()  # type: ignore[attr-defined]
        self.language_changed.emit(language)

    # -- the visit ------------------------------------------------------------------------

    @property
    def aid(self) -> DecisionAid | None:
        """The aid in use, if one is chosen."""
        return self.entry.aid if self.entry else None

    def changed_by(self, section: str, source: object = None) -> None:
        """Record that ``section`` of the visit changed, and tell the other views."""
        self.visit.touch()
        self.visit_changed.emit(section, source)

    def choose_aid(self, entry: LoadedAid | None) -> None:
        """Use this aid for the visit; answers about another aid are cleared."""
        if entry is self.entry:
            return
        if self.visit.guide is not None:
            clear_aid_answers(self.visit)
        if entry is None or entry.aid is None:
            self.entry = None
            self.visit.aid = None
        else:
            if self.visit.aid is not None and self.visit.aid.content_hash != entry.content_hash:
                clear_aid_answers(self.visit)
            self.entry = entry
            self.visit.aid = AidRef(
                id=entry.aid.id, version=entry.aid.version, content_hash=entry.content_hash
            )
        self.changed_by("aid")

    @property
    def using_guide(self) -> bool:
        """Whether the visit uses a blank guide rather than a library aid."""
        return self.visit.guide is not None

    def start_guide(self) -> None:
        """No aid fits: start a blank guide (answers about an aid are cleared)."""
        if self.visit.guide is not None:
            return
        clear_aid_answers(self.visit)
        self.visit.aid = None
        self.visit.guide = PersonalGuide()
        self._rebuild_guide()
        self.changed_by("aid")

    def guide_edited(self, source: object = None) -> None:
        """The guide's text changed: rebuild the aid made from it."""
        self._rebuild_guide()
        self.changed_by("guide", source)

    def _rebuild_guide(self) -> None:
        if self.visit.guide is not None:
            from sdm_app.content.guide import guide_aid

            self.entry = guide_aid(self.visit.guide, self.language, self.visit.visit_date)

    def new_visit(self) -> None:
        """Replace the visit with an empty one: nothing of the last patient stays."""
        language_before = self.language
        self.visit = self._fresh_visit()
        self.entry = None
        if self.language != language_before:
            for widget in list(self._translatables):
                widget.retranslate_ui()  # type: ignore[attr-defined]
            self.language_changed.emit(self.language)
        self.visit_replaced.emit()

    def open_visit(self, visit: Visit) -> bool:
        """Continue a saved visit. False when its exact aid is not in the library (the
        visit is still opened, without an aid, so nothing entered is lost)."""
        language_before = self.language
        self.visit = visit
        self.entry = None
        if visit.aid is not None:
            self.entry = next(
                (e for e in self.library.aids if e.content_hash == visit.aid.content_hash), None
            )
        self._rebuild_guide()
        if self.language != language_before:
            for widget in list(self._translatables):
                widget.retranslate_ui()  # type: ignore[attr-defined]
            self.language_changed.emit(self.language)
        self.visit_replaced.emit()
        return visit.aid is None or self.entry is not None

    def text(self, value: object) -> str:
        """Resolve an aid's localized text in the screen language."""
        aid = self.aid
        if aid is None or value is None:
            return ""
        return aid.text(value, self.language)  # type: ignore[arg-type]

    def build_plan(self, language: str | None = None) -> CarePlan:
        """The care plan of the visit as it stands (needs an aid)."""
        if self.entry is None or self.entry.aid is None:
            raise ValueError("no decision aid chosen")
        if self.visit.guide is not None:
            self._rebuild_guide()
        from sdm_app.domain.plan import build_care_plan  # the plan models: when first needed

        return build_care_plan(
            self.entry.aid,
            self.visit,
            language,
            content_hash=self.entry.content_hash,
            clinic=self.settings.clinic,
        )
