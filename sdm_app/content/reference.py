"""The field reference of the aid format, generated from the models (docs/aid-reference.md).

Generated, so the documentation cannot drift from the code: a test compares it.
"""

from __future__ import annotations

import types
import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from sdm_app.domain.aid import DecisionAid
from sdm_app.domain.text import LocalizedText


def _type_name(annotation: Any, models: list[type[BaseModel]]) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_name(args[0], models)
    if origin in (typing.Union, types.UnionType):
        names = [_type_name(a, models) for a in args if a is not type(None)]
        return " or ".join(names)
    if origin is list:
        return f"list of {_type_name(args[0], models)}"
    if origin is dict:
        return f"map of {_type_name(args[0], models)} to {_type_name(args[1], models)}"
    if origin is typing.Literal:
        return " or ".join(repr(a) for a in args)
    if annotation is LocalizedText:
        return "text (one string, or a map of language code to text)"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation not in models:
            models.append(annotation)
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return " / ".join(f"`{m.value}`" for m in annotation)
    return {str: "string", int: "whole number", float: "number", bool: "true or false"}.get(
        annotation, getattr(annotation, "__name__", str(annotation))
    )


def _required(info: FieldInfo) -> str:
    return "yes" if info.is_required() else "no"


def reference_markdown() -> str:
    """Every model of the aid format as a table of its fields."""
    models: list[type[BaseModel]] = [DecisionAid]
    lines = [
        "# Decision-aid format: field reference",
        "",
        "Generated from `sdm_app/domain/aid.py` by `uv run sdm schema --reference`; do not edit by hand.",
        "The walkthrough is in [authoring.md](authoring.md). Unknown fields are errors.",
        "",
    ]
    index = 0
    while index < len(models):
        model = models[index]
        index += 1
        lines += [f"## {model.__name__}", "", (model.__doc__ or "").strip().split("\n\n")[0], ""]
        lines += ["| Field | Type | Required | Meaning |", "| --- | --- | --- | --- |"]
        for name, info in model.model_fields.items():
            kind = _type_name(info.annotation, models).replace("|", "\\|")
            meaning = (info.description or "").replace("|", "\\|").replace("\n", " ")
            if (
                not info.is_required()
                and info.default is not PydanticUndefined
                and info.default not in (None, [], {})
            ):
                default = info.default.value if isinstance(info.default, Enum) else info.default
                meaning = f"{meaning} Default: `{default}`.".strip()
            lines.append(f"| `{name}` | {kind} | {_required(info)} | {meaning} |")
        lines.append("")
    return "\n".join(lines)
