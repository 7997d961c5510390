"""Autosave: every change reaches the encrypted store within about half a second."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from sdm_app.ui.session import VisitSession

if TYPE_CHECKING:
    from sdm_app.storage.autosave import AutosaveStore

log = logging.getLogger(__name__)

DELAY_MS = 400


class AutosaveController(QObject):
    """Saves the session's visit shortly after each change; reports failures, loses nothing."""

    failed = Signal(str)  # a reason safe to show (no patient data)
    saved = Signal()

    def __init__(self, session: VisitSession, store: AutosaveStore) -> None:
        super().__init__()
        self.session = session
        self.store = store
        self.exported_ids: set[str] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.save_now)
        session.visit_changed.connect(lambda *_args: self.save_soon())

    def save_soon(self) -> None:
        """Save after the usual short delay."""
        self.timer.start()

    def save_now(self) -> bool:
        """Write the visit now (also on quit)."""
        self.timer.stop()
        visit = self.session.visit
        if not visit.patient.display_name and visit.aid is None and visit.guide is None:
            return True  # nothing entered yet
        try:
            self.store.save(visit)
        except OSError as exc:
            log.error("autosave failed (%s)", exc.strerror or type(exc).__name__)
            self.failed.emit(exc.strerror or type(exc).__name__)
            return False
        log.debug("autosaved")
        self.saved.emit()
        return True

    def mark_exported(self) -> None:
        """The current visit's plan was saved."""
        self.exported_ids.add(self.session.visit.id)

    def was_exported(self) -> bool:
        """Whether the current visit's plan was saved."""
        return self.session.visit.id in self.exported_ids

    def discard(self, visit_id: str) -> None:
        """Remove a visit's autosave (after export and a new visit, or when discarded)."""
        self.timer.stop()
        self.store.remove(visit_id)
        self.exported_ids.discard(visit_id)
