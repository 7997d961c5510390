"""Messages about authored files, in the ``FILE:LINE:COL: field.path: message`` form editors read."""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from sdm_app.content.marks import Mark, SourceMap
from sdm_app.content.marks import Path as NodePath


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a file, with where it is and what to change."""

    file: str
    line: int
    column: int
    path: str
    message: str
    severity: str = "error"
    code: str = ""

    def lint_line(self) -> str:
        """``FILE:LINE:COL: severity code message``, as ``sdm lint`` prints it."""
        return f"{self.file}:{self.line}:{self.column}: {self.severity} {self.code} {self.message}"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}:"
        field = f" {self.path}:" if self.path else ""
        return f"{where}{field} {self.message}"


def dotted(path: NodePath) -> str:
    """``('rows', 2, 'cells')`` -> ``rows[2].cells``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def at(file: Path | str, mark: Mark, path: NodePath, message: str) -> Diagnostic:
    """A diagnostic at ``mark``."""
    return Diagnostic(str(file), mark.line, mark.column, dotted(path), message)


def from_validation_error(
    file: Path | str, error: ValidationError, source: SourceMap, model: type[BaseModel]
) -> list[Diagnostic]:
    """Turn pydantic's errors into positioned, instructive diagnostics."""
    out: list[Diagnostic] = []
    for item in error.errors(include_url=False):
        path: NodePath = tuple(item["loc"])
        kind = item["type"]
        if kind == "missing":
            parent, name = path[:-1], path[-1]
            message = f"the required field `{name}` is missing; add it"
            out.append(at(file, source.locate(parent), path, message))
        elif kind == "extra_forbidden":
            name = str(path[-1])
            message = f"unknown field `{name}`"
            known = field_names(model, path[:-1])
            close = difflib.get_close_matches(name, known, n=1)
            if close:
                message += f"; did you mean `{close[0]}`?"
            elif known:
                message += f"; allowed here: {', '.join(sorted(known))}"
            out.append(at(file, source.locate(path, key=True), path, message))
        else:
            message = _clean(item["msg"])
            out.append(at(file, source.locate(path), path, message))
    return out


def _clean(message: str) -> str:
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return message[:1].lower() + message[1:]


def field_names(model: type[BaseModel], path: NodePath) -> list[str]:
    """The field names allowed at ``path`` inside ``model`` (empty when not a model there)."""
    current: Any = model
    for part in path:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            if not isinstance(part, str) or part not in current.model_fields:
                return []
            current = current.model_fields[part].annotation
            continue
        args = typing.get_args(current)
        origin = typing.get_origin(current)
        if origin in (list, tuple) and args:
            current = args[0]
        elif origin is dict and len(args) == 2:
            current = args[1]
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Optional/Annotated so a model type underneath can be found."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            models = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(models) != 1:
                return annotation
            annotation = models[0]
        else:
            return annotation
