"""Logging: a rotating, owner-only file in the per-user folder. Never patient data.

The rule for every log call in sdm-app: identifiers of *content* (aid id, version,
hash, document ID), counts, timings and exception class names may be logged;
names, dates of birth, record numbers and anything typed in a visit may not.
Exception messages are not logged where they could quote typed text (ReportLab's
do). ``tests/test_privacy.py`` drives a whole visit at DEBUG and searches the log.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

LOG_NAME = "sdm-app.log"
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def log_dir() -> Path:
    """The per-user log folder."""
    return Path(platformdirs.user_log_dir("sdm-app", appauthor=False))


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """A rotating file whose files are readable by the owner only."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        os.chmod(self.baseFilename, 0o600)
        return stream


def configure_logging(level: int = logging.INFO, folder: Path | None = None) -> Path:
    """Send the app's log records to the rotating file; returns its path."""
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    path = folder / LOG_NAME
    handler = _PrivateRotatingHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger("sdm_app")
    root.setLevel(level)
    for old in [h for h in root.handlers if isinstance(h, _PrivateRotatingHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    return path
