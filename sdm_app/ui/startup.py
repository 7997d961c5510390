"""Putting the app together: library, session, autosave, idle lock, crash recovery."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sdm_app.settings import Settings, config_dir
from sdm_app.ui.gc_guard import GarbageCollector
from sdm_app.ui.main_window import MainWindow
from sdm_app.ui.privacy import IdleWatcher
from sdm_app.ui.session import VisitSession

if TYPE_CHECKING:
    from sdm_app.content.library import Library
    from sdm_app.storage.autosave import AutosaveStore

log = logging.getLogger(__name__)


def autosave_dir() -> Path:
    """Where unfinished visits are autosaved (encrypted)."""
    return Path(platformdirs.user_data_dir("sdm-app", appauthor=False)) / "autosave"


def open_store() -> AutosaveStore:
    """The autosave store with its key."""
    from sdm_app.storage.autosave import AutosaveStore
    from sdm_app.storage.keys import load_or_create_key

    return AutosaveStore(autosave_dir(), load_or_create_key(config_dir() / "autosave.key"))


def build_window(
    app: QApplication, settings: Settings, library: Library | None = None
) -> MainWindow:
    """The main window with autosave and the idle lock wired in."""
    window = _bare_window(app, settings, library)
    attach_autosave(window)
    return window


def _bare_window(app: QApplication, settings: Settings, library: Library | None) -> MainWindow:
    session = VisitSession(library if library is not None else _load_library, settings)
    window = MainWindow(session)
    watcher = IdleWatcher(settings.idle_lock_minutes, window)
    watcher.idle.connect(window.lock)
    window.winId()  # the main window's QWindow exists from now on, so it can be watched
    watcher.watch(window.windowHandle())
    watcher.watch_application(app)  # dialogs and any other window, as they get the focus
    window.idle_watcher = watcher  # type: ignore[attr-defined]
    return window


def _load_library() -> Library:
    from sdm_app.content.library import Library

    return Library.load()


def attach_autosave(window: MainWindow) -> None:
    """Open the encrypted autosave store (its key comes from the system keyring, which can
    take a tenth of a second to find) and save the window's visit there from now on."""
    from sdm_app.ui.autosave_controller import AutosaveController

    settings = window.session.settings
    store = open_store()
    store.expire(settings.autosave_retention_days)
    controller = AutosaveController(window.session, store)
    window.attach_autosave(controller)
    controller.save_soon()  # anything typed before the store was open


def launch(app: QApplication, settings: Settings) -> MainWindow:
    """Show the main window as early as it can be painted, then finish starting.

    Before the first paint: settings and the first step (who the patient is), which needs
    no decision aid. Right after it: the library of aids (from its cache), the autosave
    store and its key, the offer to resume an unfinished visit, then the other steps, one
    per turn of the event loop; last, what start-up built is set aside from garbage
    collection. ``window.started`` is emitted when all of that is done.
    """
    window = _bare_window(app, settings, None)
    window.show()

    def finish() -> None:
        window.session.library  # noqa: B018 - loaded now, while the clinician reads the screen
        attach_autosave(window)
        offer_recovery(window)
        window.build_remaining_pages(then=started)

    def started() -> None:
        GarbageCollector.freeze_survivors()
        window.started.emit()

    after_first_paint(window, finish)
    return window


class _FirstPaint(QObject):
    """Calls back once, just after ``window`` has first been painted.

    It filters the window's own events only: an application-wide Python filter would be
    called for every event of every widget while the window is built and shown.
    """

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)  # after this paint is flushed to the screen
        return False


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once, after ``window`` (not yet shown or painted) is first painted."""
    window.installEventFilter(_FirstPaint(window, callback))


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
    from sdm_app.storage.autosave import CorruptAutosaveError

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
