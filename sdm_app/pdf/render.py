"""The take-home care plan as a PDF, drawn with ReportLab from a :class:`CarePlan`.

It reads like a letter from the clinic: the decision first, then why, the options
compared, costs and help, next steps, who to call, signatures, and what the
information is based on. Every string is the plan's own (already in the patient's
language) or comes from the catalogs; dates and money go through Babel; every
character is set in a font that has it; Arabic is shaped and laid out right to left.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from sdm_app.domain.plan import CarePlan
from sdm_app.i18n import Translator, paper_is_letter, translator
from sdm_app.pdf.sections import build_story
from sdm_app.pdf.signatures import StampPlace
from sdm_app.pdf.styles import MUTED, RULE, PlanStyles
from sdm_app.pdf.text import Typesetter

log = logging.getLogger(__name__)

MARGIN = 20 * mm
FOOTER_SIZE = 8.0
FOOTER_WIDTH = 125 * mm  # leaves room for "Page 10 of 12" beside it on Letter and A4


@dataclass(frozen=True)
class RenderOptions:
    """How to print: large print, paper size (None: by the plan's language)."""

    large_print: bool = False
    paper: str | None = None  # "letter" or "a4"
    region: str | None = None


@dataclass
class RenderResult:
    """The PDF and what was set in which font (for the no-missing-glyph check)."""

    pdf: bytes
    used: dict[str, set[str]] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)
    pages: int = 0
    stamp: StampPlace = field(default_factory=StampPlace)


def page_size(plan: CarePlan, options: RenderOptions) -> tuple[float, float]:
    """Letter or A4, by the options or the plan's language."""
    if options.paper:
        return LETTER if options.paper.lower() == "letter" else A4
    return LETTER if paper_is_letter(plan.language, options.region) else A4


def render_plan(plan: CarePlan, options: RenderOptions | None = None) -> bytes:
    """The plan as PDF bytes. Same plan and options, same bytes (invariant mode)."""
    return render_plan_checked(plan, options).pdf


def render_plan_checked(plan: CarePlan, options: RenderOptions | None = None) -> RenderResult:
    """The PDF with a record of the fonts used for every character."""
    options = options or RenderOptions()
    tr = translator(plan.language)
    _ = tr.gettext
    typesetter = Typesetter(plan.language)
    styles = PlanStyles(typesetter, options.large_print)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page_size(plan, options),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=18 * mm,
        bottomMargin=30 * mm,
        title=tr.labelled(_("Your shared care plan"), plan.aid.title),
        author=plan.clinic.name or plan.clinician_name or "sdm-app",
        subject=plan.question,
        keywords=plan.document_id,
        creator="sdm-app",
        producer="sdm-app",
        invariant=1,
        lang=plan.language,
        displayDocTitle=1,
        initialFontName=styles.fonts.regular,
    )
    story, anchor = build_story(plan, tr, typesetter, styles, doc.width, doc.height)
    footer = Footer(plan, tr, typesetter)
    doc.build(story, canvasmaker=footer.canvas_class())
    return RenderResult(
        buffer.getvalue(), typesetter.used, typesetter.missing, footer.pages, anchor.place
    )


class Footer:
    """Draws the footer on every page once the page count is known."""

    def __init__(self, plan: CarePlan, tr: Translator, typesetter: Typesetter) -> None:
        self.plan = plan
        self.tr = tr
        self.typesetter = typesetter
        self.pages = 0
        self._fixed: list[str] | None = None  # the lines every page shares

    def canvas_class(self) -> type[Canvas]:
        """A canvas that holds pages back until it knows how many there are."""
        footer = self

        class NumberedCanvas(Canvas):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self._pages: list[dict[str, Any]] = []

            def showPage(self) -> None:  # noqa: N802 - ReportLab's name
                self._pages.append(dict(self.__dict__))
                self._startPage()

            def save(self) -> None:
                footer.pages = len(self._pages)
                for state in self._pages:
                    self.__dict__.update(state)
                    footer.draw(self, footer.pages)
                    super().showPage()
                super().save()

        return NumberedCanvas

    def lines(self, page: int, total: int) -> tuple[list[str], str]:
        """The footer's text lines, and the page counter."""
        _ = self.tr.gettext
        if self._fixed is None:
            plan = self.plan
            first = _("{title}, version {version} ({hash}). Reviewed {date}.").format(
                title=plan.aid.title,
                version=plan.aid.version,
                hash=plan.aid.content_hash[:12],
                date=self.tr.format_date(plan.aid.last_reviewed, "medium"),
            )
            sources = self.sources_line(plan.aid.short_sources, FOOTER_WIDTH)
            document = _("Document ID: {id}").format(id=plan.document_id)
            self._fixed = [first, sources, document]
        counter = _("Page {page} of {pages}").format(page=page, pages=total)
        return list(self._fixed), counter

    def sources_line(self, sources: list[str], width: float) -> str:
        """As many short citations as fit on one footer line, then "(and N more)"."""
        _ = self.tr.gettext
        line = ""
        for count in range(len(sources), -1, -1):
            line = _("Sources: {sources}").format(sources="; ".join(sources[:count]))
            if count < len(sources):
                line += " " + _("(and {n} more)").format(n=len(sources) - count)
            if self.typesetter.width(line, FOOTER_SIZE) <= width:
                return line
        return line

    def draw(self, canvas: Canvas, total: int) -> None:
        """One page's footer: content identity, sources, review date, page X of Y, ID."""
        width, _height = canvas._pagesize
        left, right = MARGIN, width - MARGIN
        lines, counter = self.lines(canvas.getPageNumber(), total)
        rtl = self.typesetter.rtl
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.line(left, 24 * mm, right, 24 * mm)
        canvas.setFillColor(MUTED)
        size = FOOTER_SIZE
        y = 20 * mm
        for line in lines:
            if rtl:
                self.typesetter.draw(canvas, right, y, line, size, align="right")
            else:
                self.typesetter.draw(canvas, left, y, line, size)
            y -= size * 1.35
        last = 20 * mm - (len(lines) - 1) * size * 1.35  # beside the short document-ID line
        if rtl:
            self.typesetter.draw(canvas, left, last, counter, size)
        else:
            self.typesetter.draw(canvas, right, last, counter, size, align="right")
        canvas.restoreState()
