"""What the patient view hides: widgets marked as the clinician's only (identifiers,
instructions, private notes)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

CLINICIAN_ONLY = "clinicianOnly"


def clinician_only(*widgets: QWidget) -> None:
    """Mark widgets the patient view hides."""
    for widget in widgets:
        widget.setProperty(CLINICIAN_ONLY, True)


def show_clinician_only(root: QWidget, visible: bool) -> None:
    """Show or hide every widget under ``root`` marked as the clinician's only."""
    for widget in root.findChildren(QWidget):
        if widget.property(CLINICIAN_ONLY):
            widget.setVisible(visible)
