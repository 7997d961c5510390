"""Collect Python garbage on the GUI thread only.

The plan is rendered on a worker thread. If Python's cyclic garbage collector
happened to run there, it could free Qt wrappers from the wrong thread and crash
the app. So automatic collection is switched off and a timer on the GUI thread
collects each generation when its threshold is reached, as automatic collection
would (the pattern calibre uses).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GarbageCollector(QObject):
    """Runs generational collection from a GUI-thread timer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        """Collect the oldest generation whose count passed its threshold."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                break

    @staticmethod
    def freeze_survivors() -> None:
        """Collect once, then set everything still alive aside for good (``gc.freeze``).

        Called when the app has finished starting: its modules, widgets and aids live as
        long as the app, and scanning them made each full collection take ~70 ms on the GUI
        thread (a visible hitch when moving between steps); after this, ~1 ms. Start-up's
        garbage is all in the young generations (measured: ~700 objects, and a full
        collection after this one finds none), so only they are collected: 20-30 ms
        instead of 50-65 ms.
        """
        gc.collect(1)
        gc.freeze()

    def stop(self) -> None:
        """Give collection back to Python."""
        self.timer.stop()
        gc.enable()
