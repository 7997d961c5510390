"""A strict, position-keeping YAML reader for authored files (aids and visits).

PyYAML's own loaders inherit YAML 1.1 traps and forget where values came from.
This reader composes the node tree with the C parser (fast), then builds plain
Python values itself so that:

* every value remembers its line and column, for ``FILE:LINE:COL`` messages;
* scalars follow the YAML 1.2 core schema: ``no``, ``on`` and ``yes`` stay
  strings; only ``true``/``false`` are booleans; dates stay strings for the schema
  to parse; ``.nan`` and ``.inf`` are refused;
* duplicate keys are errors, not "last one wins";
* anchors and aliases are refused, so an alias bomb cannot expand;
* file size and nesting depth are capped.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from sdm_app.content.marks import MAX_BYTES, Mark, Path, SourceMap, YamlError, too_large

try:  # the C parser is ~3x faster; fall back to pure Python where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 32

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "Mark",
    "Path",
    "SourceMap",
    "YamlError",
    "read_yaml",
    "too_large",
]

_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = re.compile(r"^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:timestamp",  # implicit for plain dates; kept as text for the schema
}


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def read_yaml(data: bytes, *, positions: bool = True) -> tuple[Any, SourceMap]:
    """Parse one YAML document strictly; return the value and its source map.

    Raises :class:`YamlError` for anything that is not clean, bounded YAML (with its
    position). With ``positions=False`` the source map is left empty: recording where
    every value sits is a third of the reading time, and a file that validates never
    needs it (read it again with positions to report a problem).
    """
    if len(data) > MAX_BYTES:
        raise YamlError(too_large(len(data)), Mark(1, 1))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlError(
            "the file is not valid UTF-8 text; save it as UTF-8", Mark(line, col)
        ) from None
    if "\x00" in text:
        raise YamlError("the file contains NUL bytes; it is not a text file", Mark(1, 1))
    text = text.removeprefix("\ufeff")
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
        what = exc.problem or exc.context or "invalid YAML"
        raise YamlError(f"YAML syntax error: {what}", where) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"YAML error: {exc}", Mark(1, 1)) from None
    except RecursionError:
        raise YamlError(
            f"the document is nested too deeply (at most {MAX_DEPTH} levels)", Mark(1, 1)
        ) from None
    source = SourceMap()
    if node is None:
        raise YamlError("the file is empty", Mark(1, 1))
    value = _Builder(source if positions else None).build(node, (), 0)
    return value, source


class _Builder:
    def __init__(self, source: SourceMap | None) -> None:
        self.source = source
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise YamlError(
                f"the document is nested too deeply (at most {MAX_DEPTH} levels)", _mark(node), path
            )
        if id(node) in self.seen:
            raise YamlError(
                "anchors and aliases (&name, *name) are not allowed; write the value out",
                _mark(node),
                path,
            )
        self.seen.add(id(node))
        if self.source is not None:
            self.source.values[path] = _mark(node)
        if node.tag not in _STANDARD_TAGS:
            raise YamlError(f"the tag {node.tag!r} is not allowed", _mark(node), path)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return _scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlError("merge keys (<<) are not allowed", _mark(key_node), path)
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError("a key must be plain text", _mark(key_node), path)
            key = key_node.value
            if key in out:
                first = self._first_key(node, key)
                raise YamlError(
                    f"duplicate key {key!r} (first given at line {first.line}); keep only one",
                    _mark(key_node),
                    (*path, key),
                )
            if self.source is not None:
                self.source.keys[(*path, key)] = _mark(key_node)
            out[key] = self.build(value_node, (*path, key), depth + 1)
        return out

    @staticmethod
    def _first_key(node: yaml.MappingNode, key: str) -> Mark:
        return next(_mark(k) for k, _ in node.value if k.value == key)


def _scalar(node: yaml.ScalarNode, path: Path) -> Any:
    value: str = node.value
    # Quoted and block scalars are text; so is anything the resolver already called a
    # string (plain words, or an explicit !!str). Everything else is re-resolved by the
    # YAML 1.2 core schema below, which undoes YAML 1.1's `no` -> False and friends.
    if node.style or node.tag == "tag:yaml.org,2002:str":
        return value
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.match(value):
        return int(value)
    if _SPECIAL_FLOAT.match(value):
        raise YamlError(f"{value} is not a usable number here", _mark(node), path)
    if _FLOAT.match(value) and any(c.isdigit() for c in value):
        return float(value)
    return value
