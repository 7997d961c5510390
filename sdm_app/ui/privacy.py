"""The idle lock: after a few quiet minutes, patient information leaves the screen."""

from __future__ import annotations

import weakref

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.Wheel,
    QEvent.Type.TabletPress,
}


class IdleWatcher(QObject):
    """Emits ``idle`` after ``minutes`` without input anywhere in the app (0 disables).

    It watches the app's windows (``QWindow``s), through which every mouse, key, touch and
    tablet event arrives before Qt hands it to a widget, not the whole application: an
    application-wide Python event filter would be called for every internal Qt event too
    (tens of thousands when a step is drawn), which measured 40 % slower step switching.
    """

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        self._watched: weakref.WeakSet[QWindow] = weakref.WeakSet()

    def watch_application(self, app: QGuiApplication) -> None:
        """Watch every window the user works in, starting with the one in focus now."""
        app.focusWindowChanged.connect(self.watch)
        self.watch(app.focusWindow())

    def watch(self, window: QWindow | None) -> None:
        """Count input in ``window`` (each window once)."""
        if window is not None and window not in self._watched:
            self._watched.add(window)
            window.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        """Change the idle time."""
        self.minutes = minutes
        if minutes > 0:
            self.timer.setInterval(minutes * 60_000)
            self.timer.start()
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Any input restarts the count."""
        if event.type() in ACTIVITY and self.minutes > 0:
            self.timer.start()
        return False
