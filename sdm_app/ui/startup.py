"""Putting the app together: library, session, autosave, idle lock, crash recovery."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from sdm_app.settings_file import Display, config_dir
from sdm_app.ui.gc_guard import GarbageCollector
from sdm_app.ui.main_window import MainWindow
from sdm_app.ui.privacy import IdleWatcher

if TYPE_CHECKING:  # imported after the first paint (pydantic comes with them)
    from sdm_app.content.library import Library
    from sdm_app.settings import Settings
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
    from sdm_app.ui.session import VisitSession

    window = MainWindow(VisitSession(library if library is not None else _load_library, settings))
    watch_idle(window, app, settings)
    attach_autosave(window)
    return window


def watch_idle(window: MainWindow, app: QApplication, settings: Settings) -> None:
    """Hide the visit behind the privacy screen after the idle time in ``settings``."""
    watcher = IdleWatcher(settings.idle_lock_minutes, window)
    watcher.idle.connect(window.lock)
    window.winId()  # the main window's QWindow exists from now on, so it can be watched
    watcher.watch(window.windowHandle())
    watcher.watch_application(app)  # dialogs and any other window, as they get the focus
    window.idle_watcher = watcher  # type: ignore[attr-defined]


def _load_library() -> Library:
    from sdm_app.content.library import Library

    return Library.load()


def attach_autosave(window: MainWindow, store: AutosaveStore | None = None) -> None:
    """Save the window's visit in the encrypted autosave ``store`` from now on (opened here
    when not given: its key comes from the system keyring, which can take a quarter of a
    second to answer)."""
    from sdm_app.ui.autosave_controller import AutosaveController

    if store is None:
        store = open_store()
        store.expire(window.session.settings.autosave_retention_days)
    controller = AutosaveController(window.session, store)
    window.attach_autosave(controller)
    controller.save_soon()  # anything typed before the store was open


def load_saved_settings() -> Settings:
    """The settings saved on this machine (imports the settings model)."""
    from sdm_app.settings import load_settings

    return load_settings()


def launch(
    app: QApplication, display: Display, settings: Callable[[], Settings] = load_saved_settings
) -> MainWindow:
    """Show the main window as early as it can be painted, then finish starting.

    Before the first paint: the window's frame, drawn with ``display`` (the screen's
    language, text size and contrast, read from the settings file without the settings
    model: pydantic alone takes longer to import than Qt takes to show a window). After it,
    each in its own turn of the event loop so that input never waits long: the settings
    model and the visit models are imported and ``settings`` called on a thread
    (:class:`SettingsLoader`); the window is bound to a new visit and shows the first step
    (who the patient is), which needs no decision aid (``window.bound``); then the library
    of aids (from its cache), the other steps one by one, the autosave store, whose key is
    looked up on a thread (:class:`StoreOpener`), the offer to resume an unfinished visit,
    and last, what start-up built is set aside from garbage collection. ``window.started``
    is emitted when all of that is done. What is typed meanwhile is saved as soon as the
    store is open.
    """
    window = MainWindow(display=display)
    window.show()

    def bind(loaded: Settings) -> None:
        from sdm_app.ui.session import VisitSession

        window.bind(VisitSession(_load_library, loaded))
        watch_idle(window, app, loaded)
        # once the first step is on screen (a timer set now would run before that paint)
        after_next_paint(window, load_library)

    def load_library() -> None:
        window.session.library  # noqa: B018 - loaded now, while the clinician reads the screen
        QTimer.singleShot(0, lambda: window.build_remaining_pages(then=open_autosave))

    def open_autosave() -> None:
        # After the pages: the lookup's imports would otherwise compete with them for the
        # interpreter and double the time each takes on the GUI thread.
        StoreOpener(window, then=ready)

    def ready() -> None:
        offer_recovery(window)
        GarbageCollector.freeze_survivors()
        window.started.emit()

    # each piece in its own turn of the event loop
    after_next_paint(window, lambda: SettingsLoader(window, settings, then=bind))
    return window


class SettingsLoader(QObject):
    """Loads the settings on a thread of its own, importing the settings and visit models
    there, then hands them to ``then`` on the GUI thread.

    The imports take ~0.1 s (pydantic builds every model's validator); on the GUI thread
    the window could not answer meanwhile. Nothing on the GUI thread needs these modules
    until ``then`` runs. An unexpected error is raised on the GUI thread, as it would have
    been had the settings been loaded there.
    """

    _loaded = Signal(object)  # the Settings, or the exception

    def __init__(
        self, window: QWidget, load: Callable[[], Settings], then: Callable[[Settings], None]
    ) -> None:
        super().__init__(window)
        self.then = then
        self._loaded.connect(self._deliver)  # queued: emitted from the loading thread
        self.loading = threading.Thread(  # (not "thread": QObject.thread() is Qt's)
            target=self._load, args=(load,), name="settings", daemon=True
        )
        self.loading.start()

    def _load(self, load: Callable[[], Settings]) -> None:
        result: object
        try:
            import sdm_app.domain.flow  # noqa: F401 - the visit models, for the session

            result = load()
        except Exception as exc:
            result = exc
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            self._loaded.emit(result)

    def _deliver(self, result: object) -> None:
        if isinstance(result, Exception):
            raise result
        self.then(result)  # type: ignore[arg-type]


class StoreOpener(QObject):
    """Opens the autosave store on a thread of its own, then attaches it to the window.

    Finding the key takes the system keyring a quarter of a second or more (on Linux,
    keyring looks for every platform's backend, some by running programs), during which
    the window would not answer. The store is attached on the GUI thread; what was typed
    before is saved then. If it cannot be opened, the window's banner says so and the app
    goes on (the visit stays in memory).
    """

    _opened = Signal(object)  # the AutosaveStore
    _failed = Signal(str)  # a reason safe to show

    def __init__(self, window: MainWindow, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.then = then
        self._opened.connect(self._attach)  # queued: emitted from the opening thread
        self._failed.connect(self._report)
        days = window.session.settings.autosave_retention_days
        # A daemon: a keyring that never answers (a prompt nobody unlocks) must not keep the
        # app from quitting. Nothing was saved with a key that was still being looked up.
        self.lookup = threading.Thread(
            target=self._open, args=(days,), name="autosave-key", daemon=True
        )
        self.lookup.start()

    def _open(self, retention_days: int) -> None:
        try:
            store = open_store()
            store.expire(retention_days)
        except OSError as exc:
            log.error("the autosave store could not be opened (%s)", exc.strerror)
            self._emit("_failed", exc.strerror or type(exc).__name__)
        except Exception as exc:  # a broken key file or keyring: never quote it
            log.error("the autosave store could not be opened (%s)", type(exc).__name__)
            self._emit("_failed", type(exc).__name__)
        else:
            self._emit("_opened", store)

    def _emit(self, signal: str, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            getattr(self, signal).emit(value)

    def _attach(self, store: AutosaveStore) -> None:
        attach_autosave(self.window, store)
        self.then()

    def _report(self, reason: str) -> None:
        self.window.autosave_failed(reason)
        self.then()


class _NextPaint(QObject):
    """Calls back once, just after ``window`` is next painted, or after ``longest`` ms.

    A window is sent a paint event when it is first shown. Later, when only a part of it
    changes (a step's page), the parts are painted and the window itself may get no paint
    event of its own; what it always gets is the update request in which Qt paints them.
    A window that is not painted at all (minimised as it starts, a locked screen) must not
    hold start-up back: after ``longest`` ms the callback runs anyway.
    It filters the window's own events only: an application-wide Python filter would be
    called for every event of every widget while the window is built and shown.
    """

    PAINTS = (QEvent.Type.Paint, QEvent.Type.UpdateRequest)

    def __init__(self, window: QWidget, callback: Callable[[], None], longest: int) -> None:
        super().__init__(window)
        self.window = window
        self.callback: Callable[[], None] | None = callback
        self.deadline = QTimer(self)
        self.deadline.setSingleShot(True)
        self.deadline.timeout.connect(self._call)
        self.deadline.start(longest)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() in self.PAINTS:
            QTimer.singleShot(0, self._call)  # after this paint is flushed to the screen
            self.window.removeEventFilter(self)
        return False

    def _call(self) -> None:
        self.deadline.stop()
        self.window.removeEventFilter(self)
        callback, self.callback = self.callback, None
        if callback is not None:  # once: a paint and the deadline may both come
            callback()


def after_next_paint(window: QWidget, callback: Callable[[], None], longest: int = 1000) -> None:
    """Call ``callback`` once, after ``window`` is next painted (first, if not yet shown),
    or after ``longest`` milliseconds if it is not painted by then."""
    window.installEventFilter(_NextPaint(window, callback, longest))


def ask_resume(parent: MainWindow, text: str, title: str) -> bool:
    """Ask whether to resume (tests replace this)."""
    from PySide6.QtWidgets import QMessageBox

    from sdm_app.ui.dialogs import messages

    answer = messages.ask(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
        parent.session.tr,
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
            from sdm_app.ui.dialogs import messages

            messages.warn(
                window,
                _("Unfinished visit"),
                _("An unfinished visit could not be read and was set aside: {path}").format(
                    path=exc.set_aside
                ),
                window.session.tr,
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
