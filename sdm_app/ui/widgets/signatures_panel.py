"""Both signatures on the plan: the patient's (or a representative's, or a recorded
refusal) and the clinician's. Reads and writes ``visit.signatures`` only."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sdm_app.domain.visit import DrawnSignature, SignatureRole
from sdm_app.ui.session import VisitSession
from sdm_app.ui.widgets.signature_pad import SignaturePad


class SignatureBox(QFrame):
    """One signer: the pad, a name, and Clear; for the patient, refusal and representative."""

    def __init__(self, panel: SignaturesPanel, patient_side: bool) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.panel = panel
        self.patient_side = patient_side
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setProperty("role", "strong")
        self.pad = SignaturePad()
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.clear = QPushButton()
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.clear)
        layout.addWidget(self.title)
        layout.addWidget(self.pad)
        layout.addLayout(row)
        self.declined = QCheckBox()
        self.representative = QCheckBox()
        self.relationship = QLineEdit()
        self.relationship.setMaxLength(200)
        if patient_side:
            layout.addWidget(self.declined)
            layout.addWidget(self.representative)
            layout.addWidget(self.relationship)
        layout.addStretch(1)  # side by side, both boxes start at the top: pads and names line up
        self.pad.changed.connect(self._save)
        self.name.textEdited.connect(lambda _t: self._save())
        self.clear.clicked.connect(self.pad.clear)
        self.declined.toggled.connect(lambda _on: self._save())
        self.representative.toggled.connect(lambda _on: self._save())
        self.relationship.textEdited.connect(lambda _t: self._save())

    def retranslate_ui(self) -> None:
        """Set every text in the screen language."""
        _ = self.panel.session.tr.gettext
        self.title.setText(
            _("Patient's signature") if self.patient_side else _("Clinician's signature")
        )
        self.pad.setAccessibleName(self.title.text())
        self.pad.setAccessibleDescription(_("Sign with a finger, a pen or the mouse."))
        self.name.setPlaceholderText(_("Name"))
        self.name.setAccessibleName(_("Name under the signature"))
        self.clear.setText(_("Clear"))
        self.clear.setAccessibleName(_("Clear the signature: {who}").format(who=self.title.text()))
        self.declined.setText(_("The patient chose not to sign"))
        self.representative.setText(_("Signed by a legal representative"))
        self.relationship.setPlaceholderText(
            _("Relationship to the patient, e.g. daughter, guardian")
        )
        self.relationship.setAccessibleName(_("Relationship to the patient"))

    def roles(self) -> tuple[SignatureRole, ...]:
        """The roles this box writes."""
        if self.patient_side:
            return (SignatureRole.patient, SignatureRole.representative)
        return (SignatureRole.clinician,)

    def current(self) -> DrawnSignature | None:
        """This box's entry in the visit."""
        return next(
            (s for s in self.panel.session.visit.signatures if s.role in self.roles()), None
        )

    def refresh(self) -> None:
        """Show the visit's signature for this box."""
        visit = self.panel.session.visit
        sig = self.current()
        widgets = (self.pad, self.name, self.declined, self.representative, self.relationship)
        for widget in widgets:
            widget.blockSignals(True)
        default_name = visit.patient.display_name if self.patient_side else visit.clinician.name
        self.pad.set_strokes(sig.strokes if sig else [])
        self.name.setText(sig.name if sig and sig.name else default_name)
        self.declined.setChecked(bool(sig and sig.declined))
        self.representative.setChecked(bool(sig and sig.role is SignatureRole.representative))
        self.relationship.setText(sig.relationship or "" if sig else "")
        for widget in widgets:
            widget.blockSignals(False)
        self._enable()

    def _enable(self) -> None:
        declined = self.declined.isChecked()
        self.pad.setEnabled(not declined)
        self.clear.setEnabled(not declined)
        self.representative.setEnabled(not declined)
        self.relationship.setVisible(self.representative.isChecked() and not declined)

    def _save(self) -> None:
        visit = self.panel.session.visit
        others = [s for s in visit.signatures if s.role not in self.roles()]
        declined = self.patient_side and self.declined.isChecked()
        strokes = [] if declined else self.pad.strokes
        before = self.current()
        if not strokes and not declined:
            visit.signatures = others
        else:
            role = SignatureRole.clinician
            if self.patient_side:
                role = (
                    SignatureRole.representative
                    if self.representative.isChecked()
                    else SignatureRole.patient
                )
            signed_at = before.signed_at if before and before.strokes == strokes else None
            visit.signatures = [
                *others,
                DrawnSignature(
                    role=role,
                    name=self.name.text(),
                    relationship=self.relationship.text() or None
                    if role is SignatureRole.representative
                    else None,
                    strokes=strokes,
                    declined=declined,
                    signed_at=signed_at or dt.datetime.now().astimezone().replace(microsecond=0),
                ),
            ]
        self._enable()
        self.panel.changed()


class SignaturesPanel(QWidget):
    """The two signature boxes side by side."""

    def __init__(self, session: VisitSession, on_change: object = None) -> None:
        super().__init__()
        self.session = session
        self._on_change = on_change
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.patient = SignatureBox(self, patient_side=True)
        self.clinician = SignatureBox(self, patient_side=False)
        self._stacked: bool | None = None
        self._place(stacked=False)

    def _place(self, stacked: bool) -> None:
        if stacked == self._stacked:
            return
        self._stacked = stacked
        self.grid.removeWidget(self.patient)
        self.grid.removeWidget(self.clinician)
        self.grid.addWidget(self.patient, 0, 0)
        self.grid.addWidget(self.clinician, 1 if stacked else 0, 0 if stacked else 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Side by side when there is room, one above the other when not."""
        super().resizeEvent(event)
        self._place(stacked=self.width() < self.fontMetrics().averageCharWidth() * 90)

    def retranslate_ui(self) -> None:
        """Set every text in the screen language."""
        self.patient.retranslate_ui()
        self.clinician.retranslate_ui()

    def refresh(self) -> None:
        """Show the visit's signatures."""
        self.patient.refresh()
        self.clinician.refresh()

    def changed(self) -> None:
        """Tell the page the signatures changed."""
        if callable(self._on_change):
            self._on_change()
