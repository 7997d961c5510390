"""Marking English messages for translation where they are shown (the domain never
translates). A module of its own so that what imports it needs nothing else."""

from __future__ import annotations


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark ``message`` for extraction; it is translated where it is shown."""
    return message
