"""Dialogs speak the screen language, their standard buttons included."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from sdm_app.i18n import translator
from sdm_app.settings import Settings
from sdm_app.ui.dialogs import messages
from sdm_app.ui.dialogs.settings_dialog import SettingsDialog


def test_settings_buttons_are_in_the_screen_language(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(), translator("zh"))
    qtbot.addWidget(dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    texts = {button.text() for button in box.buttons()}
    assert texts == {"保存", "取消"}


def ask_yes_no(language: str, person: Callable[[], None]) -> QMessageBox.StandardButton:
    """Ask "Continue?" (Yes by default); ``person`` answers once the question is open."""
    QTimer.singleShot(50, person)
    return messages.ask(
        None,
        "title",
        "Continue?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
        translator(language),
    )


@pytest.mark.parametrize(
    ("language", "yes", "no"), [("vi", "Có", "Không"), ("ar", "نعم", "لا"), ("en", "Yes", "No")]
)
def test_a_question_names_its_answers_and_returns_the_one_chosen(
    qtbot: QtBot, language: str, yes: str, no: str
) -> None:
    seen: list[set[str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append({button.text() for button in box.buttons()})
        box.button(QMessageBox.StandardButton.No).click()

    assert ask_yes_no(language, answer) == QMessageBox.StandardButton.No
    assert seen == [{yes, no}]


@pytest.mark.parametrize(("language", "scale"), [("en", 100), ("ar", 150), ("ru", 200)])
def test_settings_fit_the_screen_with_save_and_cancel_in_view(
    qtbot: QtBot, language: str, scale: int
) -> None:
    """At large text the form is taller than the screen: it scrolls, and the buttons stay."""
    from PySide6.QtWidgets import QScrollArea

    from sdm_app.ui.style import scale_sheet

    dialog = SettingsDialog(Settings(text_scale=scale), translator(language))
    qtbot.addWidget(dialog)
    dialog.setStyleSheet(scale_sheet(scale))  # as the main window's own sheet gives it
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.height() <= screen.height() and dialog.width() <= screen.width()
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    for button in box.buttons():
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner)
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None and scroll.widget().isAncestorOf(dialog.clinic_name)


def test_qt_s_own_texts_follow_the_screen_language(qtbot: QtBot) -> None:
    """A text field's context menu (and Qt's file dialog) in the screen language, where Qt
    has a translation; English where it has none."""
    from PySide6.QtWidgets import QLineEdit

    from sdm_app.ui.qt_translations import use_qt_translations

    field = QLineEdit()
    qtbot.addWidget(field)

    def menu_texts() -> str:
        menu = field.createStandardContextMenu()
        texts = " ".join(action.text() for action in menu.actions())
        menu.deleteLater()
        return texts

    try:
        assert use_qt_translations("zh")
        assert "复制" in menu_texts()  # Copy
        assert use_qt_translations("es") and "Copiar" in menu_texts()
        assert not use_qt_translations("vi")  # Qt has no Vietnamese
        assert "Copy" in menu_texts()
    finally:
        use_qt_translations("en")
    assert "Copy" in menu_texts()


@pytest.mark.parametrize(("language", "scale"), [("en", 175), ("ru", 200)])
def test_collaborate_questions_and_answers_are_whole_at_large_text(
    qtbot: QtBot, language: str, scale: int
) -> None:
    """In the patient view (175 % and more) the three questions were squeezed into a window
    shorter than they need: each lost its last words and the 0-4 buttons their lower half."""
    from sdm_app.ui.style import scale_sheet
    from sdm_app.ui.widgets.handoff_panel import CollaborateDialog
    from sdm_app.ui.widgets.text_label import TextLabel

    dialog = CollaborateDialog(translator(language), language)
    qtbot.addWidget(dialog)
    dialog.setStyleSheet(scale_sheet(scale))
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(50)  # the scroll bar appears, the text rewraps beside it
    assert dialog.height() <= dialog.screen().availableGeometry().height()
    for answers in dialog.answers:
        assert answers.height() >= answers.minimumSizeHint().height()
    for text in dialog.findChildren(TextLabel):
        assert text.height() >= text.heightForWidth(text.width()), text.text()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert dialog.rect().contains(save.mapTo(dialog, save.rect().bottomRight()))


def test_escape_chooses_no(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    def press_escape() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    assert ask_yes_no("en", press_escape) == QMessageBox.StandardButton.No
