"""Printing a plan: Qt's PDF module draws each page onto the printer, paper size respected.

Pages are drawn at up to 300 dpi in bands of a few centimetres: a whole page at once is a
33 MB image (twice, with its paper-white copy), and one band is a short piece of work, so
printing on a thread of its own (:class:`PrintJob`) never holds the window up for long.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRect, QSize, Signal
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from sdm_app.domain.plan import CarePlan
from sdm_app.i18n import paper_is_letter

log = logging.getLogger(__name__)


def choose_printer(parent: QWidget | None, plan: CarePlan) -> QPrinter | None:
    """The print dialog, set to the plan's paper size (tests replace this)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    size = (
        QPageSize.PageSizeId.Letter if paper_is_letter(plan.language) else QPageSize.PageSizeId.A4
    )
    printer.setPageSize(QPageSize(size))
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


#: Height of a band in device pixels (~2.5 cm at 300 dpi).
BAND = 300


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print every page of ``pdf``; returns how many. Raises RuntimeError when it cannot."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    pages = document.pageCount()
    if document.status() != QPdfDocument.Status.Ready or pages == 0:
        raise RuntimeError("the plan could not be read for printing")
    printer.setFullPage(True)
    first_size = document.pagePointSize(0)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageSize(QPageSize(first_size, QPageSize.Unit.Point))  # the plan's own paper
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("the printer is not available")
    try:
        dpi = min(printer.resolution(), 300)
        for page in range(pages):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
            target = painter.viewport()
            scale = target.height() / size.height()
            for top in range(0, size.height(), BAND):
                band = QRect(0, top, size.width(), min(BAND, size.height() - top))
                options = QPdfDocumentRenderOptions()
                options.setScaledSize(size)
                options.setScaledClipRect(band)
                image = document.render(page, band.size(), options)
                canvas = QImage(image.size(), QImage.Format.Format_RGB32)
                canvas.fill(QColor("white"))  # the render is transparent: put it on paper-white
                p = QPainter(canvas)
                p.drawImage(0, 0, image)
                p.end()
                painter.drawImage(
                    QRect(
                        target.x(),
                        target.y() + round(top * scale),
                        target.width(),
                        round((top + band.height()) * scale) - round(top * scale),
                    ),
                    canvas,
                )
    finally:
        painter.end()
        document.close()
    return pages


class PrintJob(QObject):
    """Prints PDF files on a thread of its own, so the window stays usable meanwhile.

    ``done`` (pages sent) or ``failed`` (a reason safe to show) arrives on the GUI thread.
    The printer was chosen on the GUI thread and is used only here from then on.
    """

    done = Signal(int)
    failed = Signal(str)

    def __init__(self, printer: QPrinter, files: list[Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.printer = printer
        self.files = files
        self.worker = threading.Thread(target=self._run, name="print")

    def start(self) -> None:
        """Start printing."""
        self.worker.start()

    def wait(self, timeout: float | None = None) -> None:
        """Block until printing has finished (closing the app, tests)."""
        if self.worker.is_alive():
            self.worker.join(timeout)

    def _run(self) -> None:
        try:
            pages = sum(print_pdf(path.read_bytes(), self.printer) for path in self.files)
        except OSError as exc:
            self.failed.emit(exc.strerror or type(exc).__name__)
        except RuntimeError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # never leave the print button waiting for a lost job
            log.error("printing failed (%s)", type(exc).__name__)
            self.failed.emit(type(exc).__name__)
        else:
            self.done.emit(pages)
