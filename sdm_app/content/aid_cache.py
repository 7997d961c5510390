"""A cache of aids that already validated, keyed by the exact bytes of their file.

Reading an aid means parsing its YAML with every value's line and column, then validating it.
For a file whose bytes were seen before, that work gives the same answer, so the validated
model is kept as JSON under ``<user cache dir>/sdm-app/aids/<model fingerprint>/<sha256>.json``
and read back with pydantic's JSON validator, which runs every field validator again and
takes a fraction of the time.

Beside each aid, its summary (:class:`AidSummary`: title, question, condition, review dates)
is kept in a small file of its own, so that listing a library reads the summaries only and
each aid is read in full when it is opened.

The key is the SHA-256 of the file, so an edited file can never be served stale; the folder is
named by a fingerprint of the model code, so a new version of sdm-app never reads an old
layout. Only aids with no diagnostics at all are stored. Anything wrong with the cache (a
missing folder, a read-only disk, a truncated entry) makes it step aside: the file is read the
slow way and nothing is reported. Aid content is not patient data.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from functools import cache
from pathlib import Path

import platformdirs
import pydantic
from pydantic import ValidationError

from sdm_app.domain import aid as aid_module
from sdm_app.domain import text as text_module
from sdm_app.domain.aid import AidSummary, DecisionAid

ENV_VAR = "SDM_CACHE_DIR"


@cache
def model_fingerprint() -> str:
    """A short hash of the code that defines an aid: a cached entry is valid only under it."""
    digest = hashlib.sha256(pydantic.VERSION.encode())
    for module in (aid_module, text_module):
        if module.__file__:
            digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


def default_cache_dir() -> Path:
    """``$SDM_CACHE_DIR`` if set, else the per-user cache folder."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir("sdm-app", appauthor=False))


class AidCache:
    """Validated aids stored by content hash. Every failure is silent and falls back."""

    def __init__(self, root: Path) -> None:
        self.root = root / "aids"
        self.folder = self.root / model_fingerprint()
        self._pruned = False

    @classmethod
    def default(cls) -> AidCache:
        """The cache in the per-user cache folder."""
        return cls(default_cache_dir())

    def get(self, content_hash: str) -> DecisionAid | None:
        """The aid stored for these bytes, or None when there is none or it does not validate."""
        try:
            data = (self.folder / f"{content_hash}.json").read_bytes()
            return DecisionAid.model_validate_json(data, context={"defer_reference_checks": True})
        except (OSError, ValidationError, ValueError):
            return None

    def get_summary(self, content_hash: str) -> AidSummary | None:
        """The summary stored for these bytes, or None (then read the aid in full)."""
        try:
            data = (self.folder / f"{content_hash}.summary.json").read_bytes()
            return AidSummary.model_validate_json(data)
        except (OSError, ValidationError, ValueError):
            return None

    def put(self, content_hash: str, aid: DecisionAid) -> None:
        """Store a validated aid and then its summary, each atomically; a cache that cannot
        be written is left alone."""
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            self._prune_old_versions()
            self._write(f"{content_hash}.json", aid.model_dump_json().encode())
            self._write(f"{content_hash}.summary.json", aid.summary().model_dump_json().encode())

    def _write(self, name: str, data: bytes) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, self.folder / name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def _prune_old_versions(self) -> None:
        """Remove the folders an earlier version of the models wrote; once per cache object."""
        if self._pruned:
            return
        self._pruned = True
        for child in self.root.iterdir():
            if child.is_dir() and child.name != self.folder.name:
                shutil.rmtree(child, ignore_errors=True)
