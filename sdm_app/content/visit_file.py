"""Visit files: the YAML a visit is saved to (and, later, autosaved as)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from sdm_app.content.diagnostics import Diagnostic, at, from_validation_error
from sdm_app.content.yaml_source import MAX_BYTES, Mark, YamlError, read_yaml, too_large
from sdm_app.domain.visit import Visit
from sdm_app.files import write_private

HEADER = "# sdm-app visit file. Holds patient information: keep it private.\n"


@dataclass
class LoadedVisit:
    """A visit read from a file, or the reasons it could not be."""

    path: Path
    visit: Visit | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def load_visit(path: Path) -> LoadedVisit:
    """Read and validate a visit file. Never raises for bad content."""
    try:
        if path.stat().st_size > MAX_BYTES:
            result = LoadedVisit(path=path)
            result.diagnostics.append(at(path, Mark(1, 1), (), too_large(path.stat().st_size)))
            return result
        data = path.read_bytes()
    except OSError as exc:
        result = LoadedVisit(path=path)
        result.diagnostics.append(at(path, Mark(1, 1), (), f"cannot read the file: {exc.strerror}"))
        return result
    return load_visit_bytes(data, path)


def load_visit_bytes(data: bytes, path: Path) -> LoadedVisit:
    """Validate a visit from bytes already read (``path`` names it in messages)."""
    result = LoadedVisit(path=path)
    try:
        value, source = read_yaml(data)
    except YamlError as problem:
        result.diagnostics.append(at(path, problem.mark, problem.path, problem.message))
        return result
    if not isinstance(value, dict):
        result.diagnostics.append(
            at(path, Mark(1, 1), (), "a visit file must be a mapping of fields")
        )
        return result
    try:
        result.visit = Visit.model_validate(value)
    except ValidationError as error:
        result.diagnostics.extend(from_validation_error(path, error, source, Visit))
    return result


def dump_visit(visit: Visit) -> bytes:
    """The visit as YAML text (UTF-8), in field order, readable by :func:`load_visit`."""
    body = yaml.dump(
        visit.model_dump(mode="json"),
        Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),  # libyaml's emitter: 5x faster
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )
    return (HEADER + body).encode("utf-8")


def save_visit(visit: Visit, path: Path) -> None:
    """Write the visit atomically with owner-only permissions."""
    write_private(path, dump_visit(visit))
