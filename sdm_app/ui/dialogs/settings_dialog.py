"""Settings: the clinic's name and contacts, defaults, and printing. Saved per user."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from sdm_app.domain.clinic import Clinic, Contact
from sdm_app.i18n import LANGUAGES, Translator, language_name
from sdm_app.settings import Settings, SigningSettings
from sdm_app.ui.dialogs.messages import name_buttons
from sdm_app.ui.dialogs.scrolling_dialog import ScrollingDialog


def parse_contacts(text: str) -> list[Contact]:
    """One contact per line: ``Label: phone, hours`` (hours optional)."""
    contacts = []
    for line in text.splitlines():
        if not line.strip():
            continue
        name, _sep, rest = line.partition(":")
        phone, _sep, hours = rest.partition(",")
        contacts.append(Contact(label=name.strip(), phone=phone.strip(), hours=hours.strip()))
    return contacts


def format_contacts(contacts: list[Contact]) -> str:
    """The inverse of :func:`parse_contacts`."""
    return "\n".join(
        f"{c.label}: {c.phone}" + (f", {c.hours}" if c.hours else "") for c in contacts
    )


class SettingsDialog(ScrollingDialog):
    """Edit a copy of the settings; :meth:`result_settings` gives the edited copy."""

    def __init__(self, settings: Settings, tr: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _ = tr.gettext
        self.setWindowTitle(_("Settings"))
        # wider with larger text (as far as the screen allows), so fields keep room to show
        # what is in them
        screen = self.screen().availableGeometry()
        room = screen.width() * 9 // 10
        self.setMinimumWidth(min(640 * settings.text_scale // 100, max(room, 640)))
        self._settings = settings
        form_box = QWidget()
        form = QFormLayout(form_box)
        # A label too long to leave its field room (Arabic, Russian, large text) goes above
        # the field instead of squeezing it.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.clinic_name = QLineEdit(settings.clinic.name)
        self.clinic_phone = QLineEdit(settings.clinic.phone)
        self.clinic_address = QLineEdit(settings.clinic.address)
        self.clinic_url = QLineEdit(settings.clinic.url)
        self.contacts = QPlainTextEdit(format_contacts(settings.clinic.contacts))
        self.contacts.setTabChangesFocus(True)
        self.contacts.setPlaceholderText(_("One per line, e.g.  Nurse line: 555-0100, Mon-Fri 8-5"))
        self.contacts.setMaximumHeight(120)
        self.default_clinician = QLineEdit(settings.default_clinician)
        self.default_language = QComboBox()
        for code in LANGUAGES:
            self.default_language.addItem(language_name(code), code)
        self.default_language.setCurrentIndex(
            max(self.default_language.findData(settings.default_language), 0)
        )
        self.paper = QComboBox()
        self.paper.addItem(_("By the plan's language"), None)
        self.paper.addItem(_("US Letter"), "letter")
        self.paper.addItem(_("A4"), "a4")
        self.paper.setCurrentIndex(max(self.paper.findData(settings.paper), 0))
        self.certificate = QLineEdit(settings.signing.certificate)
        self.certificate.setPlaceholderText(_("Empty: the local clinic certificate sdm-app made"))
        self.timestamp_url = QLineEdit(settings.signing.timestamp_url)
        self.timestamp_url.setPlaceholderText(_("Empty: no timestamp server (works offline)"))
        self.unreviewed = QComboBox()
        self.unreviewed.addItem(_("Allow them"), "allow")
        self.unreviewed.addItem(_("Warn before saving"), "warn")
        self.unreviewed.addItem(_("Refuse to save"), "refuse")
        self.unreviewed.setCurrentIndex(
            max(self.unreviewed.findData(settings.unreviewed_translations), 0)
        )
        self.large_print = QCheckBox(_("Large print by default"))
        self.large_print.setChecked(settings.large_print)
        rows = (
            (_("Clinic name"), self.clinic_name),
            (_("Clinic phone"), self.clinic_phone),
            (_("Clinic address"), self.clinic_address),
            (_("Web address for patients"), self.clinic_url),
            (_("Who to call"), self.contacts),
            (_("Default clinician"), self.default_clinician),
            (_("Default language"), self.default_language),
            (_("Paper size"), self.paper),
            ("", self.large_print),
            (_("Translations not yet reviewed"), self.unreviewed),
            (_("Signing certificate (.p12)"), self.certificate),
            (_("Timestamp server"), self.timestamp_url),
        )
        for text, field in rows:
            if text:
                field.setAccessibleName(text)
            form.addRow(text, field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        name_buttons(buttons, tr)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.set_body(form_box, buttons)

    def result_settings(self) -> Settings:
        """The settings as edited."""
        clinic = Clinic(
            name=self.clinic_name.text().strip(),
            phone=self.clinic_phone.text().strip(),
            address=self.clinic_address.text().strip(),
            url=self.clinic_url.text().strip(),
            contacts=parse_contacts(self.contacts.toPlainText()),
        )
        return self._settings.model_copy(
            update={
                "clinic": clinic,
                "default_clinician": self.default_clinician.text().strip(),
                "default_language": self.default_language.currentData(),
                "paper": self.paper.currentData(),
                "large_print": self.large_print.isChecked(),
                "unreviewed_translations": self.unreviewed.currentData(),
                "signing": SigningSettings(
                    certificate=self.certificate.text().strip(),
                    timestamp_url=self.timestamp_url.text().strip(),
                ),
            }
        )
