"""The take-home care plan as a PDF, drawn with ReportLab from a :class:`CarePlan`.

The document reads like a letter: the decision first, then why, then the
options compared, costs and help, next steps, who to call, and signatures.
Every string is either the plan's own (already in the patient's language) or a
catalog string from :mod:`sdm_app.i18n`; dates and money go through Babel.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from sdm_app.domain.plan import CarePlan
from sdm_app.domain.visit import DecisionStatus
from sdm_app.i18n import Translator, paper_is_letter, translator
from sdm_app.i18n.phrases import IMPORTANCE_LABELS, WHO_LABELS, cost_words, outcome_words
from sdm_app.pdf.fonts import fonts_for
from sdm_app.pdf.icon_array import AFFECTED, IconArray

INK = colors.HexColor("#1b1b1b")
MUTED = colors.HexColor("#4a5560")
RULE = colors.HexColor("#c9d1d9")
TINT = colors.HexColor("#eef3f8")


@dataclass(frozen=True)
class RenderOptions:
    """How to print: large print, paper size (None: by the plan's language)."""

    large_print: bool = False
    paper: str | None = None  # "letter" or "a4"
    region: str | None = None


class _Styles:
    def __init__(self, language: str, large: bool) -> None:
        fonts = fonts_for(language)
        size = 16.0 if large else 12.0
        lead = size * 1.4
        base = ParagraphStyle(
            "body",
            fontName=fonts.regular,
            fontSize=size,
            leading=lead,
            textColor=INK,
            alignment=TA_LEFT,
            spaceAfter=size * 0.4,
        )
        self.body = base
        self.small = ParagraphStyle(
            "small", parent=base, fontSize=size * 0.8, leading=size, textColor=MUTED
        )
        self.bold = ParagraphStyle("bold", parent=base, fontName=fonts.bold)
        self.title = ParagraphStyle(
            "title",
            parent=base,
            fontName=fonts.bold,
            fontSize=size * 1.8,
            leading=size * 2.2,
            spaceAfter=size * 0.3,
        )
        self.h1 = ParagraphStyle(
            "h1",
            parent=base,
            fontName=fonts.bold,
            fontSize=size * 1.35,
            leading=size * 1.8,
            spaceBefore=size * 0.9,
            spaceAfter=size * 0.35,
            textColor=AFFECTED,
        )
        self.h2 = ParagraphStyle(
            "h2", parent=self.bold, spaceBefore=size * 0.4, spaceAfter=size * 0.15
        )
        self.cell = ParagraphStyle("cell", parent=base, leading=size * 1.25, spaceAfter=size * 0.2)
        self.cell_bold = ParagraphStyle("cellb", parent=self.cell, fontName=fonts.bold)
        self.fonts = fonts
        self.size = size


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: escaped, so no text can be read as markup."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def render_plan(plan: CarePlan, options: RenderOptions | None = None) -> bytes:
    """The plan as PDF bytes. Same plan and options, same bytes (invariant mode)."""
    options = options or RenderOptions()
    tr = translator(plan.language)
    _ = tr.gettext
    styles = _Styles(plan.language, options.large_print)
    if options.paper:
        pagesize = LETTER if options.paper.lower() == "letter" else A4
    else:
        pagesize = LETTER if paper_is_letter(plan.language, options.region) else A4
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=24 * mm,
        title=f"{_('Your shared care plan')}: {plan.aid.title}",
        author=plan.clinic.name or plan.clinician_name or "sdm-app",
        subject=plan.question,
        creator="sdm-app",
        producer="sdm-app",
        invariant=1,
        lang=plan.language,
        displayDocTitle=1,
        initialFontName=styles.fonts.regular,
    )
    story = _story(plan, tr, styles, doc.width)
    footer = _Footer(plan, tr, styles)
    doc.build(story, canvasmaker=footer.canvas_class())
    return buffer.getvalue()


def _story(plan: CarePlan, tr: Translator, s: _Styles, width: float) -> list[Any]:
    _ = tr.gettext
    story: list[Any] = []
    if plan.clinic.name:
        story.append(_p(plan.clinic.name, s.small))
    story.append(_p(_("Your shared care plan"), s.title))
    facts = [
        (_("For"), plan.patient_name or "—"),
        (_("Date of visit"), tr.format_date(plan.visit_date)),
        (_("Clinician"), plan.clinician_name or "—"),
        (_("About"), plan.aid.title),
    ]
    story.append(_facts_table(facts, s, width))

    story.append(_p(_("The decision we made together"), s.h1))
    story.append(_p(plan.question, s.bold))
    if plan.decision_status is DecisionStatus.chosen and plan.chosen:
        story.append(_p(_("We chose: {option}.").format(option=plan.chosen.name), s.body))
        story.append(_p(plan.chosen.summary, s.body))
    elif plan.decision_status is DecisionStatus.decide_later:
        if plan.decide_by:
            text = _("We agreed to take more time. We will decide by {date}.").format(
                date=tr.format_date(plan.decide_by)
            )
        else:
            text = _("We agreed to take more time before deciding.")
        story.append(_p(text, s.body))
    else:
        story.append(_p(_("We have not made a decision yet."), s.body))

    story.append(_p(_("Why: what matters to you"), s.h1))
    if plan.reasons:
        story.append(_p(_("In your words:"), s.h2))
        story.append(_p(f"“{plan.reasons}”", s.body))
    if plan.priorities or plan.own_priorities:
        story.append(_p(_("What you said matters most:"), s.h2))
        for priority in plan.priorities:
            label = _(IMPORTANCE_LABELS[priority.importance])
            story.append(_p(f"•  {priority.prompt} ({label})", s.body))
        for own in plan.own_priorities:
            story.append(_p(f"•  {own}", s.body))
    if not (plan.reasons or plan.priorities or plan.own_priorities):
        story.append(_p(_("We did not write down your priorities at this visit."), s.body))

    story.append(CondPageBreak(60 * mm))
    story.append(_p(_("Your options compared"), s.h1))
    story.append(_p(plan.aid.title, s.small))
    story.extend(_comparison(plan, tr, s, width))

    story.append(_p(_("Costs and help with costs"), s.h1))
    story.extend(_costs(plan, tr, s))

    story.append(_p(_("Your next steps"), s.h1))
    if plan.next_steps:
        rows = []
        for step in plan.next_steps:
            when = tr.format_date(step.when) if step.when else ""
            rows.append(
                [
                    _CheckBox(s.size * 0.9),
                    _p(step.what, s.cell),
                    _p(_(WHO_LABELS[step.who]), s.cell),
                    _p(when, s.cell),
                ]
            )
        table = Table(
            [
                [
                    "",
                    _p(_("What"), s.cell_bold),
                    _p(_("Who"), s.cell_bold),
                    _p(_("When"), s.cell_bold),
                ],
                *rows,
            ],
            colWidths=[8 * mm, width * 0.55, width * 0.2, width * 0.25 - 8 * mm],
            repeatRows=1,
        )
        table.setStyle(_grid_style(s))
        story.append(table)
    else:
        story.append(_p(_("No next steps were written down."), s.body))
    if plan.follow_up_date or plan.follow_up_with:
        parts = [_("Follow-up")]
        if plan.follow_up_date:
            parts.append(tr.format_date(plan.follow_up_date))
        if plan.follow_up_with:
            parts.append(plan.follow_up_with)
        if plan.follow_up_how:
            parts.append(plan.follow_up_how)
        story.append(Spacer(1, s.size * 0.5))
        story.append(_p(": ".join(parts[:1]) + ": " + ", ".join(parts[1:]), s.bold))

    story.append(_p(_("Questions? Call us"), s.h1))
    contacts = []
    if plan.clinic.phone:
        contacts.append((plan.clinic.name or _("The clinic"), plan.clinic.phone))
    contacts.extend(
        (c.label, " ".join(x for x in (c.phone, c.hours) if x)) for c in plan.clinic.contacts
    )
    if contacts:
        story.append(_facts_table(contacts, s, width))
    else:
        story.append(_p(_("Call the clinic where you had this visit."), s.body))

    story.append(_p(_("Signatures"), s.h1))
    story.extend(_signatures(plan, tr, s, width))

    story.append(_p(_("About this information"), s.h1))
    story.append(_p(plan.uncertainty, s.small))
    status = _("Content version {version}, last reviewed {date}.").format(
        version=plan.aid.version, date=tr.format_date(plan.aid.last_reviewed)
    )
    story.append(_p(status, s.small))
    if plan.aid.review_overdue:
        story.append(
            _p(_("This information is due for review; ask whether anything has changed."), s.small)
        )
    if plan.aid.translation and plan.aid.translation.value in ("drafted", "machine"):
        story.append(
            _p(
                _("This translation has not yet been checked by a qualified medical translator."),
                s.small,
            )
        )
    if plan.aid.uses_fallback_text:
        story.append(
            _p(_("Some parts of this plan are not yet available in your language."), s.small)
        )
    story.append(_p(_("Sources:"), s.small))
    for source in plan.aid.sources:
        story.append(_p(f"•  {source}", s.small))
    return story


def _facts_table(rows: Sequence[tuple[str, str]], s: _Styles, width: float) -> Table:
    table = Table(
        [[_p(k, s.cell_bold), _p(v, s.cell)] for k, v in rows], colWidths=[width * 0.3, width * 0.7]
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), s.fonts.regular, s.size),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _grid_style(s: _Styles) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), TINT),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    commands.append(("FONT", (0, 0), (-1, -1), s.fonts.regular, s.size))
    return TableStyle(commands)


def _comparison(plan: CarePlan, tr: Translator, s: _Styles, width: float) -> list[Any]:
    """One card per question (as in Mayo's issue cards): every option's answer side by side,
    at most three options to a line, so any number of options fits the page."""
    _ = tr.gettext
    out: list[Any] = []
    per_line = min(3, len(plan.options))
    col = width / per_line
    names = {o.id: ("✓ " if o.chosen else "") + o.name for o in plan.options}
    for row in plan.rows:
        cards: list[list[Any]] = []
        for cell in row.cells:
            parts: list[Any] = [_p(names[cell.option_id], s.cell_bold)]
            if cell.outcome is not None:
                parts.append(Spacer(1, 3))
                parts.append(
                    IconArray(cell.outcome.events, cell.outcome.per, min(col - 12, 36 * mm))
                )
                o = cell.outcome
                words = outcome_words(
                    tr, o.events, o.per, o.over_amount, o.over_unit, row.event or ""
                )
                parts.append(_p(words, s.cell))
            if cell.text:
                parts.append(_p(cell.text, s.cell))
            cards.append(parts)
        lines: list[list[Any]] = [cards[i : i + per_line] for i in range(0, len(cards), per_line)]
        lines[-1] += [Spacer(1, 1)] * (per_line - len(lines[-1]))
        table = Table(lines, colWidths=[col] * per_line, splitInRow=1)
        style = _grid_style(s)
        style.add("BACKGROUND", (0, 0), (-1, 0), colors.white)
        for index, cell in enumerate(row.cells):
            if plan.chosen and cell.option_id == plan.chosen.id:
                r, c = divmod(index, per_line)
                style.add("BOX", (c, r), (c, r), 1.6, AFFECTED)
        table.setStyle(style)
        out.append(
            KeepTogether([_p(row.question, s.h2), table])
            if len(lines) <= 2
            else _p(row.question, s.h2)
        )
        if len(lines) > 2:
            out.append(table)
        if row.population:
            out.append(
                _p(_("Who the numbers are about: {who}").format(who=row.population), s.small)
            )
    return out


def _costs(plan: CarePlan, tr: Translator, s: _Styles) -> list[Any]:
    _ = tr.gettext
    out: list[Any] = []
    shown = [plan.chosen] if plan.chosen else [o for o in plan.options]
    for option in shown:
        if option is None or option.cost is None:
            continue
        c = option.cost
        block = [
            _p(
                f"{option.name}: {cost_words(tr, c.low, c.high, c.currency, c.period, c.tier)}",
                s.bold,
            )
        ]
        if option.cost.insurance:
            block.append(_p(option.cost.insurance, s.body))
        if option.cost.notes:
            block.append(_p(option.cost.notes, s.small))
        out.append(KeepTogether(block))
    worry = {
        "yes": _("You told us cost is a worry for you."),
        "no": _("You told us cost is not a worry for you right now."),
        "unsure": _("You were not sure yet whether cost will be a problem."),
    }
    if plan.cost_worry is not None:
        out.append(_p(worry[plan.cost_worry.value], s.body))
    if plan.coverage:
        out.append(_p(_("Your coverage: {coverage}").format(coverage=plan.coverage), s.body))
    if plan.help_agreed:
        out.append(_p(_("Help we agreed on:"), s.h2))
        out.extend(_p(f"•  {h}", s.body) for h in plan.help_agreed)
    if plan.cost_worry is not None and plan.cost_worry.value != "no" and plan.cost_resources:
        out.append(_p(_("Ways to lower your costs:"), s.h2))
        for res in plan.cost_resources:
            out.append(
                _p(f"•  {res.title}" + (f": {res.description}" if res.description else ""), s.body)
            )
    for concern in plan.concerns:
        block = [_p(concern.label, s.h2)]
        if concern.note:
            block.append(_p(concern.note, s.body))
        for question in concern.questions:
            block.append(_p(f"?  {question}", s.body))
        for res in concern.resources:
            text = res.title + (f": {res.description}" if res.description else "")
            text += f" ({res.contact})" if res.contact else ""
            block.append(_p(f"•  {text}", s.body))
        out.append(KeepTogether(block))
    if not out:
        out.append(_p(_("We did not talk about costs at this visit."), s.body))
    return out


def _signatures(plan: CarePlan, tr: Translator, s: _Styles, width: float) -> list[Any]:
    _ = tr.gettext
    roles = {
        "patient": _("Patient"),
        "clinician": _("Clinician"),
        "representative": _("Representative"),
    }
    cells = []
    by_role = {sig.role.value: sig for sig in plan.signatures}
    for role in ("patient", "clinician"):
        sig = by_role.get(role) or (by_role.get("representative") if role == "patient" else None)
        label = roles[sig.role.value if sig else role]
        lines: list[Any] = [Spacer(1, s.size * 2.2)]
        if sig and sig.declined:
            lines = [_p(_("The patient chose not to sign."), s.cell)]
        name = (
            sig.name
            if sig and sig.name
            else (plan.patient_name if role == "patient" else plan.clinician_name)
        )
        lines.append(_p(f"{label}: {name}", s.cell))
        if sig and sig.signed_at:
            lines.append(_p(tr.format_date(sig.signed_at.date()), s.cell))
        cells.append(lines)
    table = Table([cells], colWidths=[width / 2 - 4, width / 2 - 4])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), s.fonts.regular, s.size),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    return [Spacer(1, s.size), table]


class _CheckBox(Flowable):
    """An empty box to tick by hand (drawn, so it needs no glyph in any font)."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(1)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


class _Footer:
    """Draws the footer on every page, with the total page count known at the end."""

    def __init__(self, plan: CarePlan, tr: Translator, s: _Styles) -> None:
        self.plan = plan
        self.tr = tr
        self.s = s

    def canvas_class(self) -> type[Canvas]:
        footer = self

        class NumberedCanvas(Canvas):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self._pages: list[dict[str, Any]] = []

            def showPage(self) -> None:  # noqa: N802 - ReportLab's name
                self._pages.append(dict(self.__dict__))
                self._startPage()

            def save(self) -> None:
                total = len(self._pages)
                for state in self._pages:
                    self.__dict__.update(state)
                    footer.draw(self, total)
                    super().showPage()
                super().save()

        return NumberedCanvas

    def draw(self, canvas: Canvas, total: int) -> None:
        """One page's footer: content identity, review date, page X of Y, document ID."""
        _ = self.tr.gettext
        plan = self.plan
        width, _height = canvas._pagesize
        left, right = 20 * mm, width - 20 * mm
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.line(left, 17 * mm, right, 17 * mm)
        canvas.setFont(self.s.fonts.regular, 8)
        canvas.setFillColor(MUTED)
        first = _("{title}, version {version} ({hash}). Reviewed {date}.").format(
            title=plan.aid.title,
            version=plan.aid.version,
            hash=plan.aid.content_hash[:12],
            date=self.tr.format_date(plan.aid.last_reviewed, "medium"),
        )
        page = _("Page {page} of {pages}").format(page=canvas.getPageNumber(), pages=total)
        canvas.drawString(left, 13 * mm, first)
        canvas.drawRightString(right, 13 * mm, page)
        canvas.drawString(left, 9 * mm, _("Document ID: {id}").format(id=plan.document_id))
        canvas.restoreState()
