"""The library of decision aids: where aids are found, and what loaded.

Aids are looked for, in this order, in:

1. folders named in the ``SDM_AID_PATH`` environment variable (separated by ``:``,
   or ``;`` on Windows) — for a clinic's shared content;
2. the per-user folder, ``<user data dir>/sdm-app/decision_aids`` (``platformdirs``);
3. the aids bundled with the app.

An aid is identified by ``id``, ``version`` and the SHA-256 of its file. When the same
id and version appear twice, the first found is used and the other is reported.
A broken file never stops the others from loading.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from sdm_app.content.aid_cache import AidCache
from sdm_app.content.diagnostics import Diagnostic
from sdm_app.content.loader import LoadedAid, load_aid

ENV_VAR = "SDM_AID_PATH"
AID_SUFFIXES = (".yaml", ".yml")


def bundled_aids_dir() -> Path:
    """The folder of aids that ship with the app (source checkout or installed wheel)."""
    here = Path(__file__).resolve()
    for candidate in (
        here.parents[2] / "decision_aids",
        here.parents[1] / "bundled" / "decision_aids",
    ):
        if candidate.is_dir():
            return candidate
    return here.parents[2] / "decision_aids"


def user_aids_dir() -> Path:
    """The per-user folder for aids a clinic adds."""
    return Path(platformdirs.user_data_dir("sdm-app", appauthor=False)) / "decision_aids"


def default_search_path() -> list[Path]:
    """The folders searched, in order of precedence."""
    folders = [Path(p) for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    folders += [user_aids_dir(), bundled_aids_dir()]
    return folders


def aid_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Aid files under ``paths`` (files are taken as given; folders are searched, sorted)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.suffix in AID_SUFFIXES
                    and child.is_file()
                    and not child.name.startswith(".")
                ):
                    yield child
        else:
            yield path


@dataclass
class Library:
    """Every aid file found, loaded or not."""

    entries: list[LoadedAid] = field(default_factory=list)
    duplicates: list[LoadedAid] = field(default_factory=list)

    @classmethod
    def load(
        cls, paths: Iterable[Path] | None = None, cache: AidCache | bool | None = True
    ) -> Library:
        """Find and load aids under ``paths`` (default: :func:`default_search_path`).

        ``cache`` is an :class:`AidCache`, True for the per-user one, or False/None for none.
        """
        folders = list(paths) if paths is not None else default_search_path()
        store = cache if isinstance(cache, AidCache) else AidCache.default() if cache else None
        library = cls()
        seen: dict[tuple[str, str], LoadedAid] = {}
        for file in aid_files(p for p in folders if p.exists() or p.suffix in AID_SUFFIXES):
            entry = load_aid(file, cache=store)
            if entry.summary is not None:  # (read from the summary: the aid is read when used)
                key = (entry.summary.id, entry.summary.version)
                first = seen.get(key)
                if first is not None:
                    if first.content_hash != entry.content_hash:
                        entry.diagnostics.append(
                            Diagnostic(
                                str(file),
                                1,
                                1,
                                "id",
                                f"{key[0]} {key[1]} is already loaded from "
                                f"{first.path} with different content; this copy is ignored. "
                                "Give it a new version.",
                                severity="warning",
                            )
                        )
                    library.duplicates.append(entry)
                    continue
                seen[key] = entry
            library.entries.append(entry)
        return library

    @property
    def aids(self) -> list[LoadedAid]:
        """The aids that loaded and are in use (duplicates left out)."""
        return [e for e in self.entries if e.ok]

    @property
    def failed(self) -> list[LoadedAid]:
        """The files that did not load, each with its diagnostics."""
        return [e for e in self.entries if e.summary is None]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Every message about every file."""
        return [d for e in (*self.entries, *self.duplicates) for d in e.diagnostics]

    def find(self, aid_id: str, version: str | None = None) -> LoadedAid | None:
        """The aid with this id (and version, if given); the newest version otherwise."""
        matches = [e for e in self.aids if e.summary and e.summary.id == aid_id]
        if version is not None:
            matches = [e for e in matches if e.summary and e.summary.version == version]
        if not matches:
            return None
        return max(matches, key=lambda e: _version_key(e.summary.version if e.summary else "0"))


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))
