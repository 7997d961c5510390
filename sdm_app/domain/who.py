"""Who does a next step: named by aids (suggested steps) and by visits (agreed steps)."""

from __future__ import annotations

from enum import StrEnum


class Who(StrEnum):
    """Who does a next step."""

    patient = "patient"
    clinician = "clinician"
    clinic = "clinic"
    pharmacy = "pharmacy"
    other = "other"
