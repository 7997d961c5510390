"""Questions, warnings and dialog buttons in the screen language.

Qt labels its standard buttons (Yes, No, OK, Save, Cancel) in English unless its own
translations are loaded, and Qt has none for Vietnamese, Tagalog or Haitian Creole: a Chinese
clinician was asked "要从中断的地方继续吗？" over "Yes" and "No". These name the buttons from our catalogs.
Tests replace :func:`warn` (a module attribute, so call it as ``messages.warn``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

from sdm_app.domain.messages import N_
from sdm_app.i18n import Translator

#: Our words for Qt's standard buttons (QMessageBox and QDialogButtonBox share the values).
BUTTON_TEXTS = {
    QMessageBox.StandardButton.Ok: N_("OK"),
    QMessageBox.StandardButton.Yes: N_("Yes"),
    QMessageBox.StandardButton.No: N_("No"),
    QMessageBox.StandardButton.Save: N_("Save"),
    QMessageBox.StandardButton.Cancel: N_("Cancel"),
}


def name_buttons(box: QDialogButtonBox | QMessageBox, tr: Translator) -> None:
    """Label the standard buttons of ``box`` in ``tr``'s language."""
    for standard, text in BUTTON_TEXTS.items():
        button = (
            box.button(QDialogButtonBox.StandardButton(standard.value))
            if isinstance(box, QDialogButtonBox)
            else box.button(standard)
        )
        if button is not None:
            button.setText(tr.gettext(text))


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton,
    tr: Translator,
) -> QMessageBox.StandardButton:
    """A question; the button chosen. Escape and closing the window choose the button Qt
    takes for escape (No, or Cancel); should nothing be chosen at all, NoButton."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
    box.setDefaultButton(default)
    name_buttons(box, tr)
    box.exec()
    clicked = box.clickedButton()
    return (
        box.standardButton(clicked) if clicked is not None else QMessageBox.StandardButton.NoButton
    )


def warn(parent: QWidget | None, title: str, text: str, tr: Translator) -> None:
    """A warning with one OK button."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    name_buttons(box, tr)
    box.exec()
