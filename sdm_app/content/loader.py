"""Reading one decision-aid file: bytes -> :class:`DecisionAid`, or precise diagnostics."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from sdm_app.content.diagnostics import Diagnostic, at, from_validation_error
from sdm_app.content.marks import MAX_BYTES, Mark, SourceMap, YamlError, too_large
from sdm_app.domain.aid import AidSummary, DecisionAid, reference_problems

if TYPE_CHECKING:
    from sdm_app.content.aid_cache import AidCache


@dataclass
class LoadedAid:
    """The outcome of loading one file: the aid, or why there is none.

    An aid that validated before (found in the :class:`AidCache`) is listed from its
    :attr:`summary`; the whole aid is read the first time :attr:`aid` is asked for.
    """

    path: Path
    content_hash: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    summary: AidSummary | None = None
    _aid: DecisionAid | None = field(default=None, repr=False)
    _read_aid: Callable[[], DecisionAid | None] | None = field(default=None, repr=False)
    _source_map: SourceMap | None = field(default=None, repr=False)
    _data: bytes | None = field(default=None, repr=False)

    @property
    def aid(self) -> DecisionAid | None:
        """The validated aid (read in full on first use when it was listed from its summary)."""
        if self._aid is None and self._read_aid is not None:
            read, self._read_aid = self._read_aid, None
            self._aid = read()
        return self._aid

    @aid.setter
    def aid(self, aid: DecisionAid | None) -> None:
        self._aid = aid
        self._read_aid = None
        self.summary = aid.summary() if aid is not None else None

    @property
    def loaded(self) -> bool:
        """Whether the whole aid is in memory (not only its summary)."""
        return self._aid is not None

    @property
    def source_map(self) -> SourceMap | None:
        """Where each value sits in the file; parsed on first use for an aid read from cache."""
        if self._source_map is None and self._data is not None:
            from sdm_app.content.yaml_source import read_yaml

            with contextlib.suppress(YamlError):
                _, self._source_map = read_yaml(self._data)
            self._data = None
        return self._source_map

    @property
    def ok(self) -> bool:
        """True when the aid loaded (or validated before) with no errors."""
        return self.summary is not None and not any(d.severity == "error" for d in self.diagnostics)

    @property
    def short_hash(self) -> str:
        """The first 12 hex digits of the content hash, as shown to people."""
        return self.content_hash[:12]


def content_hash(data: bytes) -> str:
    """SHA-256 of a file's exact bytes: what a visit records to name the aid it used."""
    return hashlib.sha256(data).hexdigest()


def load_aid(
    path: Path, display_name: str | None = None, cache: AidCache | None = None
) -> LoadedAid:
    """Load and validate one aid file. Never raises for bad content; read the diagnostics.

    With a ``cache``, a file whose exact bytes validated before is read from it.
    """
    name = display_name or str(path)
    result = LoadedAid(path=path)
    try:
        if path.stat().st_size > MAX_BYTES:  # refuse before reading it into memory
            result.diagnostics.append(at(name, Mark(1, 1), (), too_large(path.stat().st_size)))
            return result
        data = path.read_bytes()
    except OSError as exc:
        result.diagnostics.append(at(name, Mark(1, 1), (), f"cannot read the file: {exc.strerror}"))
        return result
    return load_aid_bytes(data, path, name, cache)


def load_aid_bytes(
    data: bytes, path: Path, display_name: str | None = None, cache: AidCache | None = None
) -> LoadedAid:
    """Load and validate an aid from bytes already read (``path`` names it in messages)."""
    name = display_name or str(path)
    result = LoadedAid(path=path, content_hash=content_hash(data))
    if cache is not None:
        summary = cache.get_summary(result.content_hash)
        if summary is not None:
            result.summary = summary
            result._data = data

            def read_whole() -> DecisionAid | None:
                # from the cache; if its entry has gone since, from the very bytes listed
                aid = cache.get(result.content_hash)
                if aid is None:
                    fresh = load_aid_bytes(data, path, name)
                    result.diagnostics.extend(fresh.diagnostics)
                    aid = fresh.aid
                    if aid is not None:
                        cache.put(result.content_hash, aid)
                return aid

            result._read_aid = read_whole
            return result
    from sdm_app.content.yaml_source import read_yaml  # the parser only when the cache missed

    try:
        value, _ = read_yaml(data, positions=False)  # where things are: only if a problem
    except YamlError as problem:
        result.diagnostics.append(at(name, problem.mark, problem.path, problem.message))
        return result
    result._data = data  # positions are read from it when asked (lint, a problem below)
    if not isinstance(value, dict):
        result.diagnostics.append(
            at(
                name,
                (result.source_map or SourceMap()).locate(()),
                (),
                "a decision aid must be a mapping of fields (key: value)",
            )
        )
        return result
    try:
        aid = DecisionAid.model_validate(value, context={"defer_reference_checks": True})
    except ValidationError as error:
        positions = result.source_map or SourceMap()
        result.diagnostics.extend(from_validation_error(name, error, positions, DecisionAid))
        return result
    problems = reference_problems(aid)
    if problems:
        source = result.source_map or SourceMap()
        for problem_path, message in problems:
            key = problem_path[-1] if problem_path else None
            is_key = isinstance(key, str) and key not in (
                "id",
                "source",
                "row",
                "fit",
                "default_language",
            )
            result.diagnostics.append(
                at(name, source.locate(problem_path, key=is_key), problem_path, message)
            )
        return result
    result.aid = aid
    if cache is not None:
        cache.put(result.content_hash, aid)
    return result
