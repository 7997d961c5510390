"""Putting the app together: library, session, autosave, idle lock, crash recovery."""

from __future__ import annotations

import logging
from pathlib import Path

import platformdirs
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sdm_app.content.library import Library
from sdm_app.settings import Settings, config_dir
from sdm_app.storage.autosave import AutosaveStore, CorruptAutosaveError
from sdm_app.storage.keys import load_or_create_key
from sdm_app.ui.autosave_controller import AutosaveController
from sdm_app.ui.main_window import MainWindow
from sdm_app.ui.privacy import IdleWatcher
from sdm_app.ui.session import VisitSession

log = logging.getLogger(__name__)


def autosave_dir() -> Path:
    """Where unfinished visits are autosaved (encrypted)."""
    return Path(platformdirs.user_data_dir("sdm-app", appauthor=False)) / "autosave"


def open_store() -> AutosaveStore:
    """The autosave store with its key."""
    return AutosaveStore(autosave_dir(), load_or_create_key(config_dir() / "autosave.key"))


def build_window(
    app: QApplication, settings: Settings, library: Library | None = None
) -> MainWindow:
    """The main window with autosave and the idle lock wired in."""
    session = VisitSession(library if library is not None else Library.load(), settings)
    store = open_store()
    store.expire(settings.autosave_retention_days)
    controller = AutosaveController(session, store)
    window = MainWindow(session, controller)
    watcher = IdleWatcher(settings.idle_lock_minutes, window)
    watcher.idle.connect(window.lock)
    app.installEventFilter(watcher)
    window.idle_watcher = watcher  # type: ignore[attr-defined]
    return window


def ask_resume(parent: QWidget | None, text: str, title: str) -> bool:
    """Ask whether to resume (tests replace this)."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def offer_recovery(window: MainWindow) -> bool:
    """After a crash or power cut: offer to continue the newest unfinished visit."""
    controller = window.autosave
    if controller is None:
        return False
    store = controller.store
    _ = window.session.tr.gettext
    for entry in store.entries():
        try:
            visit = store.load(entry.path)
        except CorruptAutosaveError as exc:
            QMessageBox.warning(
                window,
                _("Unfinished visit"),
                _("An unfinished visit could not be read and was set aside: {path}").format(
                    path=exc.set_aside
                ),
            )
            continue
        when = window.session.tr.format_date(entry.modified.date(), "medium")
        time = entry.modified.strftime("%H:%M")
        text = _("A visit was not finished ({when}, {time}). Continue where it stopped?").format(
            when=when, time=time
        )
        if ask_resume(window, text, _("Unfinished visit")):
            window.session.open_visit(visit)
            log.info("resumed an autosaved visit")
            return True
        store.remove(entry.visit_id)
        log.info("an autosaved visit was discarded at start")
    return False
