"""Autosave: every change reaches the encrypted store within about half a second.

The visit is copied on the GUI thread (a consistent snapshot, well under a millisecond) and
encrypted and written on one autosave thread: syncing a file to a slow disk can take tens of
milliseconds, and the screen must not wait for it. Writes keep their order, and anything
that must follow them (removing a discarded visit, quitting) waits for them first.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from sdm_app.ui.session import VisitSession

if TYPE_CHECKING:
    from sdm_app.domain.visit import Visit
    from sdm_app.storage.autosave import AutosaveStore

log = logging.getLogger(__name__)

DELAY_MS = 400


class AutosaveController(QObject):
    """Saves the session's visit shortly after each change; reports failures, loses nothing."""

    failed = Signal(str)  # a reason safe to show (no patient data)
    saved = Signal()
    #: from the autosave thread: "" when a write succeeded, else the reason it failed
    _written = Signal(str)

    def __init__(self, session: VisitSession, store: AutosaveStore) -> None:
        super().__init__()
        self.session = session
        self.store = store
        self.exported_ids: set[str] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.save_now)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._last_write: Future[None] | None = None
        self._written.connect(self._report)  # queued: the report arrives on the GUI thread
        session.visit_changed.connect(lambda *_args: self.save_soon())

    def save_soon(self) -> None:
        """Save after the usual short delay."""
        self.timer.start()

    def save_now(self) -> None:
        """Start writing the visit as it is now (``saved`` or ``failed`` tells how it went)."""
        self.timer.stop()
        visit = self.session.visit
        if not visit.patient.display_name and visit.aid is None and visit.guide is None:
            return  # nothing entered yet
        snapshot = visit.model_copy(deep=True)  # the screen may go on changing the visit
        self._last_write = self._writer.submit(self._write, snapshot)

    def flush(self) -> None:
        """Write any pending change and wait until every write has reached the disk."""
        if self.timer.isActive():
            self.save_now()
        if self._last_write is not None:
            self._last_write.result()

    def _write(self, visit: Visit) -> None:  # on the autosave thread
        try:
            self.store.save(visit)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            log.error("autosave failed (%s)", reason)
            self._written.emit(reason)
            return
        log.debug("autosaved")
        self._written.emit("")

    def _report(self, problem: str) -> None:
        if problem:
            self.failed.emit(problem)
        else:
            self.saved.emit()

    def mark_exported(self) -> None:
        """The current visit's plan was saved."""
        self.exported_ids.add(self.session.visit.id)

    def was_exported(self) -> bool:
        """Whether the current visit's plan was saved."""
        return self.session.visit.id in self.exported_ids

    def discard(self, visit_id: str) -> None:
        """Remove a visit's autosave (after export and a new visit, or when discarded)."""
        self.timer.stop()
        if self._last_write is not None:
            self._last_write.result()  # a write still under way must not bring it back
        self.store.remove(visit_id)
        self.exported_ids.discard(visit_id)
