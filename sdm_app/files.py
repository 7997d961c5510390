"""Writing files that may hold patient data: atomically, and readable by the owner only."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

PRIVATE_MODE = 0o600


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that the file is either the old or the new content.

    The bytes go to a temporary file beside the target (created with mode 0600, so
    no other user ever sees a partial or finished copy), are flushed and fsynced,
    then renamed over the target; the folder is fsynced so the rename survives a
    power cut. On any error the temporary file is removed and the target is untouched.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), PRIVATE_MODE)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows cannot open folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse
        pass
    finally:
        os.close(fd)


def chart_copy_path(pdf: Path, language: str) -> Path:
    """Where the chart copy of a plan goes: ``plan.pdf`` -> ``plan.chart-en.pdf``."""
    return pdf.with_name(f"{pdf.stem}.chart-{language}{pdf.suffix or '.pdf'}")
