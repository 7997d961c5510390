"""After the plan is saved: print it, send it to the record, put the dates in a calendar,
and ask the patient the three CollaboRATE questions."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sdm_app.domain.plan import CarePlan
from sdm_app.domain.visit import Visit
from sdm_app.files import chart_copy_path, write_private
from sdm_app.i18n import Translator, language_name
from sdm_app.storage import metrics
from sdm_app.ui.dialogs.messages import name_buttons
from sdm_app.ui.dialogs.scrolling_dialog import ScrollingDialog
from sdm_app.ui.widgets.choice_buttons import ChoiceButtons
from sdm_app.ui.widgets.text_label import TextLabel

if TYPE_CHECKING:  # printing (Qt's PDF and print modules) is imported when first used
    from sdm_app.ui.printing import PrintJob

log = logging.getLogger(__name__)

#: CollaboRATE (Elwyn, Barr et al.; CC BY-NC-ND 3.0): the wording may not be changed.
COLLABORATE = (
    "How much effort was made to help you understand your health issues?",
    "How much effort was made to listen to the things that matter most to you about your health issues?",
    "How much effort was made to include what matters most to you in choosing what to do next?",
)
COLLABORATE_ENDS = ("No effort was made", "Every effort was made")
#: Languages with an official CollaboRATE translation the project has checked.
COLLABORATE_LANGUAGES = {"en"}


@dataclass
class Exported:
    """What was just saved."""

    pdf_path: Path
    plan: CarePlan
    visit: Visit
    metrics_row: int | None


class CollaborateDialog(ScrollingDialog):
    """The three CollaboRATE questions, 0 (no effort) to 4 (every effort)."""

    def __init__(self, tr: Translator, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _ = tr.gettext
        self.setWindowTitle(_("About this visit"))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = TextLabel(
            _("Three short questions about this visit. Your answers do not include your name.")
        )
        layout.addWidget(intro)
        if language.split("-")[0] not in COLLABORATE_LANGUAGES:
            note = TextLabel(
                _(
                    "These questions (CollaboRATE) are not available in {language}: no official translation is known to us. They are shown in English."
                ).format(language=language_name(language, in_sentence=True))
            )
            note.setProperty("role", "warning")
            layout.addWidget(note)
        grid = QGridLayout()
        self.answers: list[ChoiceButtons] = []
        for row, question in enumerate(COLLABORATE):
            text = TextLabel(f"{row + 1}. {question}")
            buttons = ChoiceButtons([0, 1, 2, 3, 4])
            buttons.set_labels(
                ["0", "1", "2", "3", "4"],
                [
                    f"{question} {n}"
                    for n in ("0: No effort was made", "1", "2", "3", "4: Every effort was made")
                ],
            )
            buttons.value_changed.connect(lambda _v: self._update())
            grid.addWidget(text, row * 2, 0, 1, 2)
            grid.addWidget(buttons, row * 2 + 1, 0, 1, 2)
            self.answers.append(buttons)
        ends = QHBoxLayout()
        ends.addWidget(QLabel(f"0 = {COLLABORATE_ENDS[0]}"))
        ends.addStretch(1)
        ends.addWidget(QLabel(f"4 = {COLLABORATE_ENDS[1]}"))
        source = QLabel("CollaboRATE © Elwyn, Barr, et al. CC BY-NC-ND 3.0.")
        source.setProperty("role", "muted")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        name_buttons(self.buttons, tr)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addLayout(grid)
        layout.addLayout(ends)
        layout.addWidget(source)
        self.set_body(body, self.buttons)
        self._update()

    def values(self) -> tuple[int, int, int] | None:
        """The three answers, once all are given."""
        chosen = [b.value for b in self.answers]
        return None if None in chosen else (chosen[0], chosen[1], chosen[2])

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            self.values() is not None
        )


class HandoffPanel(QWidget):
    """Print, record, calendar and CollaboRATE for the plan just saved."""

    def __init__(self, tr_source: object) -> None:
        super().__init__()
        self._tr_source = tr_source  # has a .tr (the session)
        self.exported: Exported | None = None
        self.print_job: PrintJob | None = None
        self.fhir_warm_up: threading.Thread | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.print_button = QPushButton()
        self.fhir_button = QPushButton()
        self.ics_button = QPushButton()
        self.collaborate_button = QPushButton()
        for button in (
            self.print_button,
            self.fhir_button,
            self.ics_button,
            self.collaborate_button,
        ):
            layout.addWidget(button)
        layout.addStretch(1)
        self.status = TextLabel()
        self.fhir_button.clicked.connect(self.save_fhir)
        self.ics_button.clicked.connect(self.save_calendar)
        self.collaborate_button.clicked.connect(self.ask_collaborate)
        self.print_button.clicked.connect(self.print_plan)
        self.setVisible(False)

    @property
    def tr(self) -> Translator:
        """The screen's translator."""
        return self._tr_source.tr  # type: ignore[attr-defined,no-any-return]

    def retranslate_ui(self) -> None:
        """Set every text in the screen language."""
        _ = self.tr.gettext
        self.print_button.setText(_("Print"))
        self.fhir_button.setText(_("Save for the health record (FHIR)"))
        self.ics_button.setText(_("Save dates for a calendar (.ics)"))
        self.collaborate_button.setText(_("Ask the patient about this visit"))

    def show_for(self, exported: Exported) -> None:
        """The plan was saved: offer the hand-off."""
        self.exported = exported
        self.setVisible(True)
        if self.fhir_warm_up is None:  # once a session: what it loads stays loaded
            self.fhir_warm_up = threading.Thread(
                target=_warm_up_fhir, args=(exported,), name="fhir-warm-up", daemon=True
            )
            self.fhir_warm_up.start()

    def reset(self) -> None:
        """A new visit: nothing to hand off."""
        self.exported = None
        self.setVisible(False)

    def fhir_path(self) -> Path:
        """Where the FHIR bundle is written."""
        assert self.exported is not None
        return self.exported.pdf_path.with_suffix(".fhir.json")

    def ics_path(self) -> Path:
        """Where the calendar file is written."""
        assert self.exported is not None
        return self.exported.pdf_path.with_suffix(".ics")

    def save_fhir(self) -> Path | None:
        """Write the FHIR R4 bundle beside the PDF."""
        from sdm_app.exports.fhir import build_bundle, bundle_json

        if self.exported is None:
            return None
        pdf = self.exported.pdf_path.read_bytes()
        bundle = build_bundle(self.exported.plan, self.exported.visit, pdf)
        return self._write(self.fhir_path(), bundle_json(bundle).encode("utf-8"))

    def save_calendar(self) -> Path | None:
        """Write the iCalendar file beside the PDF."""
        from sdm_app.exports.calendar import build_calendar

        if self.exported is None:
            return None
        return self._write(self.ics_path(), build_calendar(self.exported.plan))

    def _write(self, path: Path, data: bytes) -> Path | None:
        _ = self.tr.gettext
        try:
            write_private(path, data)
        except OSError as exc:
            self.status.setText(
                _("Could not save {path} ({reason}).").format(path=path, reason=exc.strerror)
            )
            return None
        self.status.setText(_("Saved: {path}").format(path=path))
        return path

    def ask_collaborate(self) -> tuple[int, int, int] | None:
        """Show the CollaboRATE questions and keep the answers (no identifiers)."""
        if self.exported is None or self.exported.metrics_row is None:
            return None
        dialog = CollaborateDialog(self.tr, self.exported.plan.language, self)
        answers = self.collaborate_answers(dialog)
        if answers is None:
            return None
        try:
            connection = metrics.connect()
            metrics.record_collaborate(connection, self.exported.metrics_row, answers)
            connection.close()
        except OSError as exc:
            log.error("CollaboRATE answers not saved (%s)", exc.strerror)
            return None
        self.collaborate_button.setEnabled(False)
        return answers

    def collaborate_answers(self, dialog: CollaborateDialog) -> tuple[int, int, int] | None:
        """Run the dialog (tests replace this)."""
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def print_plan(self) -> bool:
        """Print the patient's copy (and the chart copy when there is one) on a thread of its
        own: the window stays usable meanwhile. True when printing started."""
        from sdm_app.ui.printing import PrintJob, choose_printer

        if self.exported is None or self.print_job is not None:
            return False
        printer = choose_printer(self, self.exported.plan)
        if printer is None:
            return False
        files = [self.exported.pdf_path]
        chart_language = self.exported.visit.chart_language
        if chart_language:
            chart = chart_copy_path(self.exported.pdf_path, chart_language)
            if chart.exists():
                files.append(chart)
        self.print_job = PrintJob(printer, files, self)
        self.print_job.done.connect(self._printed)
        self.print_job.failed.connect(self._not_printed)
        self.print_button.setEnabled(False)
        self.status.setText(self.tr.gettext("Printing…"))
        self.print_job.start()
        return True

    def wait_for_printing(self) -> None:
        """Block until a print job has finished (closing the app, tests)."""
        if self.print_job is not None:
            self.print_job.wait()

    def _printed(self, pages: int) -> None:
        self._print_finished()
        _ = self.tr.gettext
        self.status.setText(_("Sent {pages} page(s) to the printer.").format(pages=pages))

    def _not_printed(self, reason: str) -> None:
        self._print_finished()
        _ = self.tr.gettext
        self.status.setText(
            _("The plan could not be printed ({reason}). It is saved; try another printer.").format(
                reason=reason
            )
        )

    def _print_finished(self) -> None:
        self.print_job = None
        self.print_button.setEnabled(True)


def _warm_up_fhir(exported: Exported) -> None:
    """Build this plan's FHIR bundle once and throw it away, on a thread, while the hand-off
    panel is read: fhir.resources imports and builds its models on first use (~0.2 s, during
    which the window would not answer), later bundles take ~5 ms. The real one is built when
    "Save for the health record" is pressed. In memory only; nothing is written."""
    try:
        from sdm_app.exports.fhir import build_bundle

        build_bundle(exported.plan, exported.visit, b"%PDF-")
    except Exception as exc:  # the real save reports any problem; never quote patient data
        log.debug("FHIR warm-up stopped (%s)", type(exc).__name__)


def record_metrics(plan: CarePlan, visit: Visit) -> int | None:
    """Add the visit to the local measures; None when the database cannot be written."""
    try:
        connection = metrics.connect()
        row = metrics.record_visit(
            connection,
            visit_date=plan.visit_date,
            aid_id=plan.aid.id,
            aid_version=plan.aid.version,
            language=plan.language,
            decision=plan.decision_status.value,
            sure_answered=visit.sure.answered,
            sure_score=visit.sure.score if visit.sure.answered else None,
            teach_back=visit.teach_back.done,
        )
        connection.close()
        return row
    except (OSError, metrics.sqlite3.Error) as exc:
        log.error("measures not recorded (%s)", type(exc).__name__)
        return None
