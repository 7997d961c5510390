"""Step 9, review and export: what is missing (with a way to it), the plan as the patient
will get it, and saving it."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QStandardPaths, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from sdm_app.domain.flow import can_export, missing_for_export, unreviewed_translation
from sdm_app.domain.plan import CarePlan
from sdm_app.domain.steps import STEP_TITLES, Step
from sdm_app.domain.visit import Visit
from sdm_app.storage.audit import record_export
from sdm_app.ui.export import ExportJob, PlanWorker
from sdm_app.ui.session import VisitSession
from sdm_app.ui.signing_service import SigningService, SignRequest
from sdm_app.ui.steps.base import StepPage, clear_layout, label, set_role
from sdm_app.ui.widgets.handoff_panel import Exported, HandoffPanel, record_metrics
from sdm_app.ui.widgets.signatures_panel import SignaturesPanel

log = logging.getLogger(__name__)


class ReviewStep(StepPage):
    """The last look before the plan goes home with the patient."""

    step = Step.review
    go_to = Signal(object)  # a Step to jump to
    exported_plan = Signal()  # a plan was saved

    def __init__(self, session: VisitSession) -> None:
        super().__init__(session)
        self.worker = PlanWorker()
        self.signing = SigningService()
        self.missing_title = label("subtitle")
        missing_box = QWidget()
        self.missing_layout = QVBoxLayout(missing_box)
        self.missing_layout.setContentsMargins(0, 0, 0, 0)
        self.missing_buttons: list[QPushButton] = []
        self.preview_title = label("subtitle")
        self.status = label("muted")
        self.document = QPdfDocument(self)
        self.preview = QPdfView()
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview.setMinimumHeight(420)
        self._buffer: QBuffer | None = None
        #: What the preview on screen shows (plan, large print, paper), so re-entering the step
        #: with nothing changed does not render it again.
        self._previewed: tuple[CarePlan, bool, str | None] | None = None
        self.large_print = QCheckBox()
        self.export_button = QPushButton()
        self.export_button.setProperty("primary", True)
        self.result = label("note")
        self.result.setVisible(False)
        actions = QHBoxLayout()
        actions.addWidget(self.large_print)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        self.translation_note = label("note")
        self.signatures_title = label("subtitle")
        self.signatures = SignaturesPanel(session, on_change=self._signed)
        session.visit_replaced.connect(self.signatures.refresh)
        self.body.addWidget(self.missing_title)
        self.body.addWidget(missing_box)
        self.body.addWidget(self.translation_note)
        self.body.addWidget(self.signatures_title)
        self.body.addWidget(self.signatures)
        self.body.addLayout(actions)
        self.handoff = HandoffPanel(session)
        session.visit_replaced.connect(self.handoff.reset)
        for widget in (
            self.result,
            self.handoff,
            self.handoff.status,
            self.preview_title,
            self.status,
            self.preview,
        ):
            self.body.addWidget(widget)
        self.export_button.clicked.connect(self.export)
        self.large_print.toggled.connect(lambda _on: self.refresh())
        self.worker.rendered.connect(self._show_preview)
        self.worker.exported.connect(self._exported)
        self.worker.failed.connect(self._failed)
        self.last_export: Path | None = None
        self._exporting: tuple[CarePlan, SignRequest | None] | None = None
        self._handoff_source: tuple[CarePlan, Visit] | None = None
        session.register(self)

    def retranslate_ui(self) -> None:
        """Set every text in the screen language."""
        super().retranslate_ui()
        _ = self.session.tr.gettext
        self.preview_title.setText(_("The plan, as the patient will get it"))
        self.signatures_title.setText(_("Signatures"))
        self.handoff.retranslate_ui()
        self.signatures.retranslate_ui()
        self.large_print.setText(_("Large print"))
        self.export_button.setText(_("Save the plan (PDF)"))
        self.preview.setAccessibleName(_("Preview of the care plan"))
        if self.isVisible():
            self.refresh()

    def entered(self) -> None:
        """Check what is missing and render a fresh preview."""
        self.large_print.setChecked(
            self.session.settings.large_print or self.large_print.isChecked()
        )
        self.result.setVisible(False)
        self.signatures.refresh()
        self.refresh()

    def _signed(self) -> None:
        self.changed("signatures")
        self.refresh()

    def on_visit_changed(self, section: str) -> None:
        """Keep the preview current while visible."""
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """List what is missing and start rendering the preview."""
        _ = self.session.tr.gettext
        visit, aid = self.session.visit, self.session.aid
        clear_layout(self.missing_layout)
        self.missing_buttons = []
        missing = missing_for_export(visit, aid)
        blocking = [m for m in missing if m.blocking]
        if blocking:
            self.missing_title.setText(_("Before the plan can be saved, please add:"))
        elif missing:
            self.missing_title.setText(_("Ready to save. You may also want to add:"))
        else:
            self.missing_title.setText(_("Everything is ready."))
        for item in missing:
            button = QPushButton(f"{_(item.message)}  →  {_(STEP_TITLES[item.step])}")
            button.setAccessibleName(
                _("Go to {step}: {what}").format(
                    step=_(STEP_TITLES[item.step]), what=_(item.message)
                )
            )
            button.clicked.connect(lambda _checked=False, step=item.step: self.go_to.emit(step))
            self.missing_layout.addWidget(button)
            self.missing_buttons.append(button)
        unreviewed = unreviewed_translation(aid, self.session.language)
        policy = self.session.settings.unreviewed_translations
        self.translation_note.setVisible(unreviewed and policy != "allow")
        if unreviewed and policy == "refuse":
            set_role(self.translation_note, "warning")
            self.translation_note.setText(
                _(
                    "This plan would use a translation that a qualified medical translator has not yet reviewed. The clinic's settings do not allow saving it. Choose another language for the plan."
                )
            )
        else:
            set_role(self.translation_note, "note")
            self.translation_note.setText(
                _(
                    "The text in this language was drafted by the sdm-app project and has not yet been reviewed by a qualified medical translator. The printed plan says so."
                )
            )
        self.export_button.setEnabled(
            can_export(visit, aid) and not (unreviewed and policy == "refuse")
        )
        if aid is None:
            self.status.setText(_("Choose a decision to see the plan."))
            self.document.close()
            return
        request = (
            self.session.build_plan(),
            self.large_print.isChecked(),
            self.session.settings.paper,
        )
        if request == self._previewed and self.document.pageCount() > 0:
            self._show_page_count()
            return
        self._previewed = request
        self.status.setText(_("Preparing the preview…"))
        self.worker.render(*request)

    def _show_page_count(self) -> None:
        _ = self.session.tr.gettext
        self.status.setText(
            _("{pages} page(s). Scroll to see them all.").format(pages=self.document.pageCount())
        )

    def _show_preview(self, pdf: bytes) -> None:
        self.document.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self._show_page_count()

    def default_path(self) -> Path:
        """A sensible file name in the user's documents folder."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        stamp = dt.date.today().isoformat()
        return Path(folder or Path.home()) / f"care-plan-{stamp}.pdf"

    def choose_path(self) -> Path | None:
        """Ask where to save (tests replace this). The dialog's own words are ours, so they
        are in the screen language also where Qt has no translation (Vietnamese, Tagalog,
        Haitian Creole); a system file dialog speaks the system's language instead."""
        _ = self.session.tr.gettext
        suggested = self.default_path()
        dialog = QFileDialog(self, _("Save the plan"), str(suggested.parent))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(_("PDF files (*.pdf)"))
        dialog.selectFile(suggested.name)
        labels = {
            QFileDialog.DialogLabel.LookIn: _("Look in:"),
            QFileDialog.DialogLabel.FileName: _("File name:"),
            QFileDialog.DialogLabel.FileType: _("Files of type:"),
            QFileDialog.DialogLabel.Accept: _("Save"),
            QFileDialog.DialogLabel.Reject: _("Cancel"),
        }
        for which, text in labels.items():
            dialog.setLabelText(which, text)
        if not dialog.exec():
            return None
        chosen = dialog.selectedFiles()
        return Path(chosen[0]) if chosen else None

    def export(self) -> None:
        """Sign and save the plan PDF (and a chart copy), and the visit file beside it."""
        if not can_export(self.session.visit, self.session.aid):
            return
        target = self.choose_path()
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        sign = self.signing.prepare(self.session.settings, self.session.tr, self)
        if sign is None:
            self._failed("sign:" + self.session.tr.gettext("signing was cancelled"))
            return
        self.export_button.setEnabled(False)
        chart_language = self.session.visit.chart_language
        plan = self.session.build_plan()
        self._exporting = (plan, sign)
        self._handoff_source = (plan, self.session.visit.model_copy(deep=True))
        self.worker.export(
            ExportJob(
                plan=plan,
                large_print=self.large_print.isChecked(),
                paper=self.session.settings.paper,
                target=target,
                visit=self.session.visit,
                chart=self.session.build_plan(chart_language) if chart_language else None,
                sign=sign,
            )
        )

    def _exported(self, path: Path) -> None:
        _ = self.session.tr.gettext
        self.last_export = path
        if self._exporting is not None:
            plan, sign = self._exporting
            try:
                record_export(
                    aid_id=plan.aid.id,
                    aid_version=plan.aid.version,
                    aid_hash=plan.aid.content_hash,
                    document_id=plan.document_id,
                    language=plan.language,
                    signed=sign is not None,
                    signer=str(sign.certificate.name) if sign else "",
                )
            except OSError as exc:
                log.error("the audit trail could not be written (%s)", exc.strerror)
            self._exporting = None
        plan_and_visit = self._handoff_source
        if plan_and_visit is not None:
            plan, visit = plan_and_visit
            self.handoff.show_for(Exported(path, plan, visit, record_metrics(plan, visit)))
        self.exported_plan.emit()
        set_role(self.result, "note")
        self.result.setText(_("Saved: {path}").format(path=path))
        self.result.setVisible(True)
        self.export_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self._previewed = None  # whatever is on screen is not the preview last asked for
        _ = self.session.tr.gettext
        kind, _sep, detail = message.partition(":")
        if kind == "write":
            text = _(
                "The plan could not be saved there ({reason}). Nothing was lost: choose another folder and try again."
            ).format(reason=detail)
        elif kind == "sign":
            self.signing.forget(self.signing.certificate(self.session.settings))
            text = _(
                "The plan was not saved: it could not be signed ({reason}). Nothing was lost."
            ).format(reason=detail)
        else:
            text = _(
                "The plan could not be drawn ({reason}). Nothing was lost. Please report this to your support team."
            ).format(reason=detail)
        set_role(self.result, "warning")
        self.result.setText(text)
        self.result.setVisible(True)
        self.export_button.setEnabled(can_export(self.session.visit, self.session.aid))
