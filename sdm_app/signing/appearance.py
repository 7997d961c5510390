"""The signature's visible stamp: a page drawn by ReportLab in the plan's fonts, placed by
pyHanko exactly over the signature box. Imported only when signing (it imports pyHanko)."""

from __future__ import annotations

import datetime as dt
import io

from pyhanko.pdf_utils import content, layout
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.stamp import StaticStampStyle

from sdm_app.pdf.stamp import stamp_appearance


def stamp_style(
    box: tuple[float, float, float, float], signer: str, document_id: str
) -> StaticStampStyle:
    """Who signed, when, and the document's ID, in a frame the size of ``box``."""
    now = dt.datetime.now().astimezone()
    x1, y1, x2, y2 = box
    appearance = stamp_appearance(
        [
            f"Digitally signed by: {signer}",
            f"Time: {now.strftime('%Y-%m-%d %H:%M:%S %Z')}",
            f"Document ID: {document_id or '-'}",
        ],
        abs(x2 - x1),
        abs(y2 - y1),
    )
    return StaticStampStyle(
        background=PdfPageFromBytes(appearance),
        background_opacity=1.0,
        border_width=0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MIN,
            y_align=layout.AxisAlignment.ALIGN_MIN,
            margins=layout.Margins.uniform(0),
        ),
    )


class PdfPageFromBytes(content.ImportedPdfPage):  # type: ignore[misc]
    """pyHanko's ImportedPdfPage reads a file by name; this reads a PDF held in memory."""

    def __init__(self, data: bytes) -> None:
        super().__init__(file_name="", page_ix=0)
        self.data = data

    def render(self) -> bytes:
        """Import the page as a form XObject and draw it (as the parent class does)."""
        reader = PdfFileReader(io.BytesIO(self.data))
        xobject = self._ensure_writer.import_page_as_xobject(reader, page_ix=0)
        self.resources.xobject["/Stamp"] = xobject
        x1, y1, x2, y2 = xobject.get_object()["/BBox"]
        self.box = layout.BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return b"/Stamp Do"
