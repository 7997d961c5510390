"""Getting the clinic's certificate and passphrase ready to sign, with the user's help.

The passphrase comes from, in order: this session's memory, the system keyring,
or the user (asked once per session). On the very first export without a
certificate, the app explains and creates the local, self-signed clinic
certificate, so plans are signed from day one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sdm_app.i18n import Translator
from sdm_app.settings import Settings
from sdm_app.signing.keystore import (
    SigningError,
    create_local_certificate,
    local_certificate_path,
    remember_passphrase,
    stored_passphrase,
)
from sdm_app.ui.dialogs import messages
from sdm_app.ui.widgets.text_label import TextLabel


@dataclass(frozen=True)
class SignRequest:
    """What the export worker needs to sign."""

    certificate: Path
    passphrase: str
    timestamp_url: str
    location: str


class PassphraseDialog(QDialog):
    """Ask for a passphrase (twice when a new certificate is being made)."""

    def __init__(self, tr: Translator, message: str, confirm: bool, parent: QWidget | None) -> None:
        super().__init__(parent)
        _ = tr.gettext
        self.setWindowTitle(_("Signing the plan"))
        layout = QVBoxLayout(self)
        text = TextLabel(message)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(_("Passphrase"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(_("Passphrase again"))
        self.remember = QCheckBox(_("Remember it in this computer's keyring"))
        form.addRow(_("Passphrase"), self.passphrase)
        if confirm:
            form.addRow(_("Again"), self.again)
        self.error = TextLabel()
        self.error.setProperty("role", "warning")
        self.error.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        messages.name_buttons(buttons, tr)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._confirm = confirm
        self._tr = tr

    def _check(self) -> None:
        _ = self._tr.gettext
        if self._confirm and self.passphrase.text() != self.again.text():
            self.error.setText(_("The two passphrases are not the same."))
        elif self._confirm and len(self.passphrase.text()) < 8:
            self.error.setText(_("Choose a passphrase of at least 8 characters."))
        elif not self.passphrase.text():
            self.error.setText(_("Enter the passphrase."))
        else:
            self.accept()
            return
        self.error.setVisible(True)


class SigningService:
    """Prepares signing for the session; remembers the passphrase in memory only."""

    def __init__(self) -> None:
        self._passphrases: dict[Path, str] = {}

    def certificate(self, settings: Settings) -> Path:
        """The certificate plans are signed with."""
        configured = settings.signing.certificate
        return Path(configured).expanduser() if configured else local_certificate_path()

    def ask(
        self, tr: Translator, message: str, confirm: bool, parent: QWidget | None
    ) -> tuple[str, bool] | None:
        """Ask the user (tests replace this): (passphrase, remember) or None if cancelled."""
        dialog = PassphraseDialog(tr, message, confirm, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase.text(), dialog.remember.isChecked()

    def prepare(
        self, settings: Settings, tr: Translator, parent: QWidget | None = None
    ) -> SignRequest | None:
        """A ready request, or None when the user cancelled (a message says why)."""
        _ = tr.gettext
        certificate = self.certificate(settings)
        passphrase = self._passphrases.get(certificate) or stored_passphrase(certificate)
        remember = False
        if not certificate.exists():
            if settings.signing.certificate:
                messages.warn(
                    parent,
                    _("Signing the plan"),
                    _("The clinic's certificate was not found at {path}. Check Settings.").format(
                        path=certificate
                    ),
                    tr,
                )
                return None
            answer = self.ask(
                tr,
                _(
                    "Every plan is signed so that it cannot be changed unnoticed. This computer has no clinic certificate yet, so sdm-app will create a local, self-signed one now. Choose a passphrase to protect it. To use a certificate from your organisation instead, set it in Settings."
                ),
                True,
                parent,
            )
            if answer is None:
                return None
            passphrase, remember = answer
            try:
                create_local_certificate(certificate, passphrase, settings.clinic.name)
            except (SigningError, OSError) as exc:
                messages.warn(parent, _("Signing the plan"), str(exc), tr)
                return None
        elif not passphrase:
            answer = self.ask(
                tr, _("Enter the passphrase of the clinic's signing certificate."), False, parent
            )
            if answer is None:
                return None
            passphrase, remember = answer
        if remember:
            remember_passphrase(certificate, passphrase)
        self._passphrases[certificate] = passphrase
        return SignRequest(
            certificate, passphrase, settings.signing.timestamp_url, settings.clinic.name
        )

    def forget(self, certificate: Path) -> None:
        """Drop a passphrase that turned out to be wrong."""
        self._passphrases.pop(certificate, None)
