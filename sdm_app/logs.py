"""Logging: a rotating, owner-only file in the per-user folder. Never patient data.

The rule for every log call in sdm-app: identifiers of *content* (aid id, version,
hash, document ID), counts, timings and exception class names may be logged;
names, dates of birth, record numbers and anything typed in a visit may not.
Exception messages are not logged where they could quote typed text (ReportLab's
do). ``tests/test_privacy.py`` drives a whole visit at DEBUG and searches the log.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

LOG_NAME = "sdm-app.log"
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def log_dir() -> Path:
    """The per-user log folder."""
    return Path(platformdirs.user_log_dir("sdm-app", appauthor=False))


if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

MAX_BYTES = 1_000_000
BACKUPS = 5


class _PrivateRotatingHandler(logging.Handler):
    """A rotating file whose files are readable by the owner only, opened when the first
    record arrives: the standard library's rotating handler imports sockets, pickle and
    queues (~13 ms here), which the window's first paint need not wait for, and a visit
    without warnings writes nothing."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: RotatingFileHandler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        """Write ``record`` to the file (called with this handler's lock held)."""
        if self._file is None:
            self._file = _open_private_rotating(self.path)
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def close(self) -> None:
        """Close the file, if it was opened."""
        self.acquire()
        try:
            if self._file is not None:
                self._file.close()
                self._file = None
        finally:
            self.release()
        super().close()


def _open_private_rotating(path: Path) -> RotatingFileHandler:
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFile(RotatingFileHandler):
        def _open(self):  # type: ignore[no-untyped-def]
            stream = super()._open()
            os.chmod(self.baseFilename, 0o600)
            return stream

    return PrivateRotatingFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")


def configure_logging(level: int = logging.INFO, folder: Path | None = None) -> Path:
    """Send the app's log records to the rotating file; returns its path."""
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    path = folder / LOG_NAME
    handler = _PrivateRotatingHandler(path)
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger("sdm_app")
    root.setLevel(level)
    for old in [h for h in root.handlers if isinstance(h, _PrivateRotatingHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    return path
