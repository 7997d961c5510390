"""Settings are edited in a dialog and persist per user."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sdm_app.domain.clinic import Contact
from sdm_app.i18n import translator
from sdm_app.settings import Settings, load_settings, save_settings
from sdm_app.ui.dialogs.settings_dialog import SettingsDialog, format_contacts, parse_contacts


def test_contacts_round_trip() -> None:
    contacts = [
        Contact(label="Nurse line", phone="555-0123", hours="Mon-Fri 8-5"),
        Contact(label="Billing", phone="555-0199"),
    ]
    assert parse_contacts(format_contacts(contacts)) == contacts


def test_dialog_edits_and_settings_persist(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(), translator("en"))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.clinic_name, "Riverside Clinic")
    qtbot.keyClicks(dialog.clinic_phone, "555-0100")
    qtbot.keyClicks(dialog.contacts, "Nurse line: 555-0123, weekdays")
    qtbot.keyClicks(dialog.default_clinician, "Dr. Lee")
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    dialog.default_language.setCurrentIndex(dialog.default_language.findData("vi"))
    dialog.large_print.setChecked(True)
    edited = dialog.result_settings()
    save_settings(edited)
    again = load_settings()
    assert again == edited
    assert again.clinic.name == "Riverside Clinic"
    assert again.clinic.contacts == [
        Contact(label="Nurse line", phone="555-0123", hours="weekdays")
    ]
    assert (again.paper, again.default_language, again.large_print) == ("a4", "vi", True)


def test_unreadable_settings_fall_back_to_defaults() -> None:
    from sdm_app.settings import settings_path

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    assert load_settings() == Settings()
