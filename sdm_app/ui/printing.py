"""Printing a plan: Qt's PDF module draws each page onto the printer, paper size respected."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from sdm_app.domain.plan import CarePlan
from sdm_app.i18n import paper_is_letter


def choose_printer(parent: QWidget | None, plan: CarePlan) -> QPrinter | None:
    """The print dialog, set to the plan's paper size (tests replace this)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    size = (
        QPageSize.PageSizeId.Letter if paper_is_letter(plan.language) else QPageSize.PageSizeId.A4
    )
    printer.setPageSize(QPageSize(size))
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


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
            image_size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
            image = document.render(page, image_size)
            canvas = QImage(image.size(), QImage.Format.Format_RGB32)
            canvas.fill(QColor("white"))  # the render is transparent: put it on paper-white
            p = QPainter(canvas)
            p.drawImage(0, 0, image)
            p.end()
            target = painter.viewport()
            painter.drawImage(target, canvas)
    finally:
        painter.end()
        document.close()
    return pages
