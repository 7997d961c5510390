"""Positions in authored files and the errors that carry them.

Kept apart from :mod:`sdm_app.content.yaml_source` so that code which only reports
positions (diagnostics, aids read back from the cache) does not import the YAML parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

#: The largest authored file read, in bytes.
MAX_BYTES = 2 * 1024 * 1024

#: Where a value sits in a document: the keys and list indexes leading to it.
Path = tuple[str | int, ...]


class Mark(NamedTuple):
    """A 1-based line and column in a file (a named tuple: one is made for every key and
    value of every aid read, and a tuple is made several times faster than a dataclass)."""

    line: int
    column: int


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a document came from."""

    values: dict[Path, Mark] = field(default_factory=dict)
    keys: dict[Path, Mark] = field(default_factory=dict)

    def locate(self, path: Path, *, key: bool = False) -> Mark:
        """The best mark for ``path``: the exact value (or key), else its nearest parent."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Mark(1, 1))


class YamlError(Exception):
    """A YAML file that cannot be read; carries the position of the problem."""

    def __init__(self, message: str, mark: Mark, path: Path = ()) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark
        self.path = path


def too_large(size: int) -> str:
    """The message for a file over the size cap."""
    return (
        f"the file is {size // 1024} KiB; files larger than "
        f"{MAX_BYTES // (1024 * 1024)} MiB are not read (split the content up)"
    )
