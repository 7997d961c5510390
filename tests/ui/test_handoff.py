"""After saving: print (to a PDF printer), FHIR and calendar files, CollaboRATE answers."""

from __future__ import annotations

import io
import sys
import threading
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from sdm_app.domain.steps import Step
from sdm_app.storage.metrics import connect, summarize
from sdm_app.ui import printing
from sdm_app.ui.main_window import MainWindow
from sdm_app.ui.widgets.handoff_panel import HandoffPanel
from tests.ui.test_signatures import export, ready_to_export


def pdf_printer(path: Path) -> QPrinter:
    """A printer that writes a PDF file (what the print dialog would give)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def saved_plan_handoff(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: object, printed: Path
) -> HandoffPanel:
    """Save a plan; the hand-off panel, with the print dialog answered by ``printed``."""
    ready_to_export(qtbot, window)
    export(qtbot, window, tmp_path / "plan.pdf")
    monkeypatch.setattr(  # type: ignore[attr-defined]
        printing, "choose_printer", lambda _parent, _plan: pdf_printer(printed)
    )
    return window.pages[Step.review].handoff


def test_print_and_record_and_calendar_and_collaborate(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: object
) -> None:
    printed = tmp_path / "printed.pdf"
    handoff = saved_plan_handoff(qtbot, window, tmp_path, monkeypatch, printed)
    assert handoff.isVisible()
    assert handoff.print_plan()  # on a thread of its own: the window is usable meanwhile
    assert not handoff.print_button.isEnabled() and "Printing" in handoff.status.text()
    qtbot.waitUntil(lambda: handoff.print_job is None, timeout=60_000)
    assert handoff.print_button.isEnabled()
    assert "page(s) to the printer" in handoff.status.text()
    source_pages = len(PdfReader(tmp_path / "plan.pdf").pages)
    assert len(PdfReader(io.BytesIO(printed.read_bytes())).pages) == source_pages
    box = PdfReader(printed).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (
        612,
        792,
    )  # US Letter for English

    # the record's models were loaded on a thread while the panel was shown
    assert handoff.fhir_warm_up is not None and handoff.fhir_warm_up is not threading.main_thread()
    handoff.fhir_warm_up.join(30)
    assert not handoff.fhir_warm_up.is_alive()
    assert "fhir.resources.R4B.documentreference" in sys.modules
    fhir = handoff.save_fhir()
    ics = handoff.save_calendar()
    assert fhir is not None and fhir.read_text(encoding="utf-8").startswith("{")
    assert ics is not None and ics.read_bytes().startswith(b"BEGIN:VCALENDAR")

    handoff.collaborate_answers = lambda _dialog: (4, 4, 3)  # type: ignore[method-assign]
    assert handoff.ask_collaborate() == (4, 4, 3)
    report = summarize(connect())
    assert report.total.visits == 1 and report.total.collaborate_answered == 1
    assert report.total.deferred == 1 and report.total.collaborate_top_box == 0


def test_a_print_that_fails_says_why_and_can_be_tried_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: object
) -> None:
    refusing = tmp_path / "no-such-folder" / "printed.pdf"
    handoff = saved_plan_handoff(qtbot, window, tmp_path, monkeypatch, refusing)
    assert handoff.print_plan()
    assert not handoff.print_plan()  # one print at a time
    qtbot.waitUntil(lambda: handoff.print_job is None, timeout=60_000)
    assert "could not be printed" in handoff.status.text()
    assert handoff.print_button.isEnabled()


def test_printed_bands_cover_the_whole_page(tmp_path: Path) -> None:
    """Each page is printed in bands: the bands meet, top to bottom, and nothing is left out."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    from sdm_app.pdf.render import render_plan_checked
    from tests.pdf.test_render import plan

    source = render_plan_checked(plan("en")).pdf
    printer = pdf_printer(tmp_path / "printed.pdf")
    assert printing.print_pdf(source, printer) == len(PdfReader(io.BytesIO(source)).pages)

    def first_page(data: bytes) -> QImage:
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        canvas = QImage(QSize(306, 396), QImage.Format.Format_RGB32)
        canvas.fill(QColor("white"))  # the render is transparent
        painter = QPainter(canvas)
        painter.drawImage(0, 0, document.render(0, canvas.size()))
        painter.end()
        document.close()
        return canvas

    def ink_rows(image: QImage) -> list[int]:
        return [
            y
            for y in range(image.height())
            if any(image.pixelColor(x, y).lightness() < 128 for x in range(0, image.width(), 2))
        ]

    printed = ink_rows(first_page((tmp_path / "printed.pdf").read_bytes()))
    original = ink_rows(first_page(source))
    assert abs(printed[0] - original[0]) <= 2  # the title, at the top
    assert abs(printed[-1] - original[-1]) <= 2  # the footer, at the bottom
    assert abs(len(printed) - len(original)) <= len(original) * 0.03  # and the rows between
