"""Autosaved visits: encrypted at rest, written atomically, owner-only, never lost.

One file per visit (``<visit id>.sdmvisit``), replaced atomically on every save.
A file that cannot be read back (corrupt, truncated, written with another key)
is set aside under a new name, never deleted, and reported.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sdm_app.content.visit_file import dump_visit, load_visit_bytes
from sdm_app.domain.visit import Visit
from sdm_app.files import write_private

log = logging.getLogger(__name__)

SUFFIX = ".sdmvisit"


class CorruptAutosaveError(Exception):
    """An autosave that cannot be read; it has been set aside."""

    def __init__(self, path: Path, set_aside: Path) -> None:
        super().__init__(
            f"{path}: the autosaved visit could not be read; it was kept as {set_aside}"
        )
        self.path = path
        self.set_aside = set_aside


@dataclass(frozen=True)
class AutosaveEntry:
    """An autosaved visit on disk."""

    path: Path
    visit_id: str
    modified: dt.datetime


class AutosaveStore:
    """Encrypted autosaves in one owner-only folder."""

    def __init__(self, folder: Path, key: bytes) -> None:
        from cryptography.fernet import Fernet

        self.folder = folder
        self._fernet = Fernet(key)
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)

    def path_for(self, visit_id: str) -> Path:
        """Where a visit is autosaved."""
        return self.folder / f"{visit_id}{SUFFIX}"

    def save(self, visit: Visit) -> Path:
        """Encrypt and write the visit atomically (raises OSError, e.g. on a full disk)."""
        path = self.path_for(visit.id)
        write_private(path, self._fernet.encrypt(dump_visit(visit)))
        return path

    def entries(self) -> list[AutosaveEntry]:
        """The autosaved visits, newest first."""
        out = []
        for path in self.folder.glob(f"*{SUFFIX}"):
            try:
                modified = dt.datetime.fromtimestamp(path.stat().st_mtime).astimezone()
            except OSError:
                continue
            out.append(AutosaveEntry(path, path.name.removesuffix(SUFFIX), modified))
        return sorted(out, key=lambda e: e.modified, reverse=True)

    def load(self, path: Path) -> Visit:
        """Decrypt and read an autosave; a bad one is set aside and reported."""
        from cryptography.fernet import InvalidToken

        try:
            data = self._fernet.decrypt(path.read_bytes())
        except (InvalidToken, OSError, ValueError):
            raise CorruptAutosaveError(path, self.set_aside(path)) from None
        loaded = load_visit_bytes(data, path)
        if loaded.visit is None:
            raise CorruptAutosaveError(path, self.set_aside(path))
        return loaded.visit

    def set_aside(self, path: Path) -> Path:
        """Rename a bad autosave so it is kept for inspection but not offered again."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.name}.unreadable-{stamp}")
        try:
            path.rename(target)
        except OSError:
            log.warning("an unreadable autosave could not be set aside")
            return path
        log.warning("an unreadable autosave was set aside")
        return target

    def remove(self, visit_id: str) -> None:
        """Forget a visit's autosave (after export and a new visit)."""
        self.path_for(visit_id).unlink(missing_ok=True)

    def expire(self, retention_days: int, now: dt.datetime | None = None) -> int:
        """Delete autosaves older than the retention; returns how many."""
        now = now or dt.datetime.now().astimezone()
        removed = 0
        for entry in self.entries():
            if now - entry.modified > dt.timedelta(days=retention_days):
                entry.path.unlink(missing_ok=True)
                removed += 1
        if removed:
            log.info("%d expired autosave(s) removed", removed)
        return removed
