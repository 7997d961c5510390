"""The plan's sections, in the order the patient reads them."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    Image,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from sdm_app.domain.plan import CarePlan, PlanCost
from sdm_app.domain.visit import CostWorry, DecisionStatus
from sdm_app.i18n import Translator
from sdm_app.i18n.phrases import IMPORTANCE_LABELS, WHO_LABELS, cost_words, outcome_words
from sdm_app.pdf.icon_array import IconArray
from sdm_app.pdf.signatures import Anchor, SignatureDrawing, StampAnchor
from sdm_app.pdf.styles import ACCENT, INK, RULE, TINT, PlanStyles
from sdm_app.pdf.text import Typesetter

log = logging.getLogger(__name__)


#: A line of option cards taller than this is allowed to split across pages (no page is taller
#: than about 250 mm of text); anything shorter moves whole to the next page.
TALLEST_WHOLE_LINE = 170 * mm


#: ReportLab's default cell padding, left and right (the comparison cards keep it).
CELL_PADDING = 6


class Story:
    """Builds the flowables of one plan; every text goes through the typesetter."""

    def __init__(
        self,
        plan: CarePlan,
        tr: Translator,
        ts: Typesetter,
        s: PlanStyles,
        width: float,
        height: float | None = None,
    ) -> None:
        self.plan = plan
        self.tr = tr
        self._ = tr.gettext
        self.ts = ts
        self.s = s
        self.width = width
        self.height = height  # of the page's frame, when known
        self.out: list[Any] = []
        self._heading: list[Any] = []
        self.anchor = Anchor()

    # -- helpers ----------------------------------------------------------------------------

    def p(self, text: str, style: Any = None) -> Flowable:
        """A paragraph of untrusted text."""
        return self.ts.paragraph(text, style or self.s.body)

    def add(self, *flowables: Any) -> None:
        """Append to the story; a pending heading joins what follows it."""
        if self._heading and flowables:
            first, rest = flowables[0], flowables[1:]
            if isinstance(first, KeepTogether):  # ReportLab's keepWithNext skips these
                first = KeepTogether([*self._heading[1:], *first._content])
                self.out.append(self._heading[0])
            else:
                self.out.extend(self._heading)
            self._heading = []
            flowables = (first, *rest)
        self.out.extend(flowables)

    def heading(self, text: str) -> None:
        """A section heading that never ends a page alone: it travels with what follows."""
        self._heading = [CondPageBreak(self.s.size * 6), self.p(text, self.s.h1)]

    def bullet(self, text: str, style: Any = None) -> Flowable:
        """An item of a list: the bullet leads in the document's direction."""
        return self.ts.paragraph(text, style or self.s.body, bullet=True)

    def row(self, cells: list[Any]) -> list[Any]:
        """A table row in reading order: mirrored for right-to-left."""
        return list(reversed(cells)) if self.ts.rtl else cells

    def widths(self, widths: list[float]) -> list[float]:
        """Column widths in reading order."""
        return list(reversed(widths)) if self.ts.rtl else widths

    def table(
        self, rows: list[list[Any]], widths: list[float], *, grid: bool = True, header: bool = False
    ) -> Table:
        """A table whose cells wrap, mirrored for right-to-left."""
        table = Table(
            [self.row(r) for r in rows],
            colWidths=self.widths(widths),
            repeatRows=1 if header else 0,
            splitInRow=1,
        )
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), self.s.fonts.regular, self.s.size),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        if grid:
            commands.append(("GRID", (0, 0), (-1, -1), 0.5, RULE))
        else:
            commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE))
        if header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), TINT))
        table.setStyle(TableStyle(commands))
        return table

    def plain_style(self, commands: list[tuple[Any, ...]]) -> TableStyle:
        """A table style in the document font (ReportLab's default would be Helvetica)."""
        return TableStyle(
            [("FONT", (0, 0), (-1, -1), self.s.fonts.regular, self.s.size), *commands]
        )

    # -- sections ---------------------------------------------------------------------------

    def header(self) -> None:
        """Clinic, logo, title, and who and when."""
        _ = self._
        plan = self.plan
        logo = self.logo()
        if logo is not None:
            self.add(logo)
        if plan.clinic.name:
            self.add(self.p(plan.clinic.name, self.s.small))
        self.add(self.p(_("Your shared care plan"), self.s.title))
        facts = [
            (_("For"), plan.patient_name or "—"),
            (_("Date of visit"), self.tr.format_date(plan.visit_date)),
            (_("Clinician"), plan.clinician_name or "—"),
            (_("About"), plan.aid.title),
        ]
        self.add(self.facts(facts))

    def logo(self) -> Flowable | None:
        """The clinic's logo, 14 mm high; skipped (with a log line) when it cannot be read."""
        path = self.plan.clinic.logo
        if not path:
            return None
        try:
            from reportlab.lib.utils import ImageReader

            reader = ImageReader(str(Path(path).expanduser()))
            width, height = reader.getSize()
        except Exception as exc:  # a missing or broken logo must not stop the plan
            log.warning("clinic logo not used (%s)", type(exc).__name__)
            return None
        image = Image(str(Path(path).expanduser()), width=14 * mm * width / height, height=14 * mm)
        image.hAlign = "RIGHT" if self.ts.rtl else "LEFT"
        return image

    def facts(self, rows: Sequence[tuple[str, str]]) -> Table:
        """Label and value pairs."""
        return self.table(
            [[self.p(k, self.s.cell_bold), self.p(v, self.s.cell)] for k, v in rows],
            [self.width * 0.3, self.width * 0.7],
            grid=False,
        )

    def decision(self) -> None:
        """What was decided together, in one or two sentences."""
        _ = self._
        plan = self.plan
        self.heading(_("The decision we made together"))
        self.add(self.p(plan.question, self.s.bold))
        if plan.decision_status is DecisionStatus.chosen and plan.chosen:
            self.add(self.p(_("We chose: {option}.").format(option=plan.chosen.name)))
            self.add(self.p(plan.chosen.summary))
        elif plan.decision_status is DecisionStatus.decide_later:
            if plan.decide_by:
                text = _("We agreed to take more time. We will decide by {date}.").format(
                    date=self.tr.format_date(plan.decide_by)
                )
            else:
                text = _("We agreed to take more time before deciding.")
            self.add(self.p(text))
        else:
            self.add(self.p(_("We have not made a decision yet.")))

    def why(self) -> None:
        """The patient's priorities and reasons in their own words."""
        _ = self._
        plan = self.plan
        self.heading(_("Why: what matters to you"))
        if plan.reasons:
            self.add(self.p(_("In your words:"), self.s.h2), self.p(f"“{plan.reasons}”"))
        if plan.priorities or plan.own_priorities:
            self.add(self.p(_("What you said matters most:"), self.s.h2))
            for priority in plan.priorities:
                self.add(
                    self.bullet(
                        self.tr.aside(priority.prompt, _(IMPORTANCE_LABELS[priority.importance]))
                    )
                )
            for own in plan.own_priorities:
                self.add(self.bullet(own))
        if not (plan.reasons or plan.priorities or plan.own_priorities):
            self.add(self.p(_("We did not write down your priorities at this visit.")))

    def comparison(self) -> None:
        """One card per question: every option's answer, icon arrays for numbers."""
        _ = self._
        plan = self.plan
        self.heading(_("Your options compared"))
        per_line = min(3, len(plan.options))
        col = self.width / per_line
        chosen_mark = _("your choice")
        names = {
            o.id: self.tr.aside(o.name, chosen_mark) if o.chosen else o.name for o in plan.options
        }
        inner = col - 2 * CELL_PADDING
        for row in plan.rows:
            cards: list[list[Any]] = []
            for cell in row.cells:
                parts: list[Any] = [self.p(names[cell.option_id], self.s.cell_bold)]
                if cell.outcome is not None:
                    o = cell.outcome
                    array = IconArray(o.events, o.per, min(inner, 26 * mm))
                    array.hAlign = "RIGHT" if self.ts.rtl else "LEFT"
                    words = outcome_words(
                        self.tr, o.events, o.per, o.over_amount, o.over_unit, row.event or ""
                    )
                    parts += [Spacer(1, 3), array, self.p(words, self.s.cell_bold)]
                if cell.text:
                    parts.append(self.p(cell.text, self.s.cell))
                cards.append(parts)
            lines = [cards[i : i + per_line] for i in range(0, len(cards), per_line)]
            for line in lines:
                _line_up(line, inner)
            lines[-1] += [[Spacer(1, 1)]] * (per_line - len(lines[-1]))
            # The question heads its own table and is repeated when the table goes on to the next
            # page; a page may end between lines of options but not inside a card, so an
            # option's name stays with its answer (unless one line is taller than a page).
            header = [self.p(row.question, self.s.h2)] + [""] * (per_line - 1)
            body = [self.row(line) for line in lines]
            note = []
            if row.population:  # under the cards, in the table so it never strays from them
                who = _("Who the numbers are about: {who}").format(who=row.population)
                note = [[self.p(who, self.s.small)] + [""] * (per_line - 1)]
            table = Table(
                [header, *body, *note],
                colWidths=self.widths([col] * per_line),
                repeatRows=1,
                splitInRow=0,
            )
            commands: list[tuple[Any, ...]] = [
                ("SPAN", (0, 0), (-1, 0)),
                ("FONT", (0, 0), (-1, -1), self.s.fonts.regular, self.s.size),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 1), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, 0), 0),
                ("RIGHTPADDING", (0, 0), (-1, 0), 0),
                ("GRID", (0, 1), (-1, len(body)), 0.5, RULE),
            ]
            if note:
                last = len(body) + 1
                commands += [
                    ("SPAN", (0, last), (-1, last)),
                    ("LEFTPADDING", (0, last), (-1, last), 0),
                    ("RIGHTPADDING", (0, last), (-1, last), 0),
                ]
            for index, cell in enumerate(row.cells):
                if plan.chosen and cell.option_id == plan.chosen.id:
                    r, c = divmod(index, per_line)
                    c = per_line - 1 - c if self.ts.rtl else c
                    commands.append(("BOX", (c, r + 1), (c, r + 1), 1.8, ACCENT))
            table.setStyle(TableStyle(commands))
            _w, tall = table.wrap(self.width, 10_000 * mm)
            if max(table._rowHeights[1:]) > TALLEST_WHOLE_LINE:
                table.splitInRow = 1
            if self._heading and self.height is not None and tall > self.height / 2:
                self._head_tall_table(table)
            else:
                # the section heading goes with the first comparison, never alone at a
                # page's foot
                self.add(KeepTogether([table]) if self._heading else table)

    def _head_tall_table(self, table: Table) -> None:
        """The pending section heading before a tall table (in large print, six options'
        first question can fill most of a page): kept whole with the heading, such a table
        moved to the next page and left the rest of this one empty. The heading goes with
        the question and the first line of cards only, and the table breaks between lines
        of cards as it would anywhere else."""
        _break, title = self._heading
        self._heading = []
        title.keepWithNext = 0
        _w, title_height = title.wrap(self.width, 10_000 * mm)
        first = table._rowHeights[0] + table._rowHeights[1]
        room = title.getSpaceBefore() + title_height + title.getSpaceAfter() + first
        self.out.extend([CondPageBreak(room), title, table])

    def costs(self) -> None:
        """The chosen option's cost, the cost conversation, concerns and their help."""
        _ = self._
        plan = self.plan
        self.heading(_("Costs and help with costs"))
        before = len(self.out)
        shown = [plan.chosen] if plan.chosen else list(plan.options)
        for option in shown:
            if option.cost is None:
                continue
            block = [self.p(self.tr.labelled(option.name, self.cost(option.cost)), self.s.bold)]
            if option.cost.insurance:
                block.append(self.p(option.cost.insurance))
            if option.cost.notes:
                block.append(self.p(option.cost.notes, self.s.small))
            self.add(KeepTogether(block))
        worry = {
            CostWorry.yes: _("You told us cost is a worry for you."),
            CostWorry.no: _("You told us cost is not a worry for you right now."),
            CostWorry.unsure: _("You were not sure yet whether cost will be a problem."),
        }
        if plan.cost_worry is not None:
            self.add(self.p(worry[plan.cost_worry]))
        if plan.coverage:
            self.add(self.p(_("Your coverage: {coverage}").format(coverage=plan.coverage)))
        if plan.help_agreed:
            self.add(self.p(_("Help we agreed on:"), self.s.h2))
            self.add(*(self.bullet(h) for h in plan.help_agreed))
        if (
            plan.cost_worry is not None
            and plan.cost_worry is not CostWorry.no
            and plan.cost_resources
        ):
            self.add(self.p(_("Ways to lower your costs:"), self.s.h2))
            for res in plan.cost_resources:
                self.add(
                    self.bullet(res.title + (f": {res.description}" if res.description else ""))
                )
        for concern in plan.concerns:
            block = [self.p(concern.label, self.s.h2)]
            if concern.note:
                block.append(self.p(f"“{concern.note}”"))
            block += [self.p(f"?  {q}") for q in concern.questions]
            for res in concern.resources:
                text = (
                    self.tr.labelled(res.title, res.description) if res.description else res.title
                )
                block.append(self.bullet(self.tr.aside(text, res.contact) if res.contact else text))
            self.add(KeepTogether(block))
        if len(self.out) == before:
            self.add(self.p(_("We did not talk about costs at this visit.")))

    def cost(self, cost: PlanCost) -> str:
        """A cost in words."""
        return cost_words(self.tr, cost.low, cost.high, cost.currency, cost.period, cost.tier)

    def next_steps(self) -> None:
        """A checklist: what, who, when; then the follow-up."""
        _ = self._
        plan = self.plan
        self.heading(_("Your next steps"))
        if plan.next_steps:
            rows: list[list[Any]] = [
                [
                    "",
                    self.p(_("What"), self.s.cell_bold),
                    self.p(_("Who"), self.s.cell_bold),
                    self.p(_("When"), self.s.cell_bold),
                ]
            ]
            for step in plan.next_steps:
                when = self.tr.format_date(step.when) if step.when else ""
                rows.append(
                    [
                        CheckBox(self.s.size),
                        self.p(step.what, self.s.cell),
                        self.p(_(WHO_LABELS[step.who]), self.s.cell),
                        self.p(when, self.s.cell),
                    ]
                )
            box = 9 * mm
            self.add(
                self.table(
                    rows,
                    [box, self.width * 0.52, self.width * 0.2, self.width * 0.28 - box],
                    header=True,
                )
            )
        else:
            self.add(self.p(_("No next steps were written down.")))
        if plan.follow_up_date or plan.follow_up_with:
            details = [self.tr.format_date(plan.follow_up_date)] if plan.follow_up_date else []
            details += [x for x in (plan.follow_up_with, plan.follow_up_how) if x]
            self.add(
                Spacer(1, self.s.size * 0.5),
                self.p(self.tr.labelled(_("Follow-up"), self.tr.format_list(details)), self.s.bold),
            )

    def contacts(self) -> None:
        """Who to call, and a QR code to the clinic's page when one is set."""
        _ = self._
        plan = self.plan
        self.heading(_("Questions? Call us"))
        contacts = []
        if plan.clinic.phone:
            contacts.append((plan.clinic.name or _("The clinic"), plan.clinic.phone))
        contacts += [
            (c.label, " ".join(x for x in (c.phone, c.hours) if x)) for c in plan.clinic.contacts
        ]
        if plan.clinic.address:
            contacts.append((_("Address"), plan.clinic.address))
        body: Any = (
            self.facts(contacts)
            if contacts
            else self.p(_("Call the clinic where you had this visit."))
        )
        if plan.clinic.url:
            qr = QrCode(plan.clinic.url, 30 * mm)
            caption = self.p(
                _("Scan for more information: {url}").format(url=plan.clinic.url), self.s.small
            )
            table = Table(
                [self.row([body, [qr, caption]])],
                colWidths=self.widths([self.width - 36 * mm, 36 * mm]),
            )
            table.setStyle(self.plain_style([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            self.add(table)
        else:
            self.add(body)

    def signatures(self) -> None:
        """Both signatures, drawn as vectors, with names and dates; and the place for the
        digital signature's stamp."""
        _ = self._
        plan = self.plan
        self.heading(_("Signatures"))
        roles = {
            "patient": _("Patient"),
            "clinician": _("Clinician"),
            "representative": _("Representative"),
        }
        by_role = {sig.role.value: sig for sig in plan.signatures}
        col = self.width / 2 - 6
        cells = []
        for role in ("patient", "clinician"):
            sig = by_role.get(role) or (
                by_role.get("representative") if role == "patient" else None
            )
            lines: list[Any] = []
            if sig and sig.declined:
                lines.append(Spacer(1, self.s.size * 1.2))
                lines.append(self.p(_("The patient chose not to sign."), self.s.cell))
            elif sig and sig.strokes:
                lines.append(SignatureDrawing(sig.strokes, col - 12, 22 * mm))
            else:
                lines.append(Spacer(1, 22 * mm))
            lines.append(
                HRFlowable(width="100%", thickness=0.8, color=INK, spaceBefore=2, spaceAfter=4)
            )
            name = (
                sig.name
                if sig and sig.name
                else (plan.patient_name if role == "patient" else plan.clinician_name)
            )
            label = roles[sig.role.value if sig else role]
            lines.append(self.p(self.tr.labelled(label, name), self.s.cell))
            if sig and sig.relationship:
                lines.append(
                    self.p(
                        _("Relationship to the patient: {who}").format(who=sig.relationship),
                        self.s.cell,
                    )
                )
            if sig and sig.signed_at and not sig.declined:
                lines.append(self.p(self.tr.format_date(sig.signed_at.date()), self.s.cell))
            cells.append(lines)
        table = Table([self.row(cells)], colWidths=[col, col])
        table.setStyle(self.plain_style([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
        stamp = StampAnchor(self.anchor, min(self.width, 90 * mm), 16 * mm)
        stamp.hAlign = "RIGHT" if self.ts.rtl else "LEFT"
        self.add(KeepTogether([table, Spacer(1, 4), stamp]))

    def about(self) -> None:
        """Where the information comes from, how current it is, and its translation."""
        _ = self._
        plan = self.plan
        self.heading(_("About this information"))
        self.add(self.p(plan.uncertainty, self.s.small))
        self.add(
            self.p(
                _("Content version {version}, last reviewed {date}.").format(
                    version=plan.aid.version, date=self.tr.format_date(plan.aid.last_reviewed)
                ),
                self.s.small,
            )
        )
        if plan.aid.review_status.value == "draft":
            self.add(
                self.p(
                    _("This decision aid is a draft: it has not yet been reviewed by clinicians."),
                    self.s.small,
                )
            )
        if plan.aid.review_overdue:
            self.add(
                self.p(
                    _("This information is due for review; ask whether anything has changed."),
                    self.s.small,
                )
            )
        if plan.aid.translation and plan.aid.translation.value in ("drafted", "machine"):
            self.add(
                self.p(
                    _(
                        "This translation has not yet been checked by a qualified medical translator."
                    ),
                    self.s.small,
                )
            )
        if plan.aid.uses_fallback_text:
            self.add(
                self.p(
                    _("Some parts of this plan are not yet available in your language."),
                    self.s.small,
                )
            )
        self.add(self.p(_("Sources:"), self.s.small))
        self.add(*(self.bullet(source, self.s.small) for source in plan.aid.sources))


def build_story(
    plan: CarePlan,
    tr: Translator,
    ts: Typesetter,
    s: PlanStyles,
    width: float,
    height: float | None = None,
) -> tuple[list[Any], Anchor]:
    """Every section of the plan, in order, and the anchor of the signature stamp
    (``width`` and ``height`` are the page frame's)."""
    story = Story(plan, tr, ts, s, width, height)
    story.header()
    story.decision()
    story.why()
    story.comparison()
    story.costs()
    story.next_steps()
    story.contacts()
    story.signatures()
    story.about()
    return story.out, story.anchor


class QrCode(Flowable):
    """A QR code built with ReportLab's own encoder and drawn as plain squares (no text,
    so no stray font enters the PDF)."""

    def __init__(self, data: str, size: float) -> None:
        super().__init__()
        from reportlab.graphics.barcode import qrencoder

        self.code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        self.code.addData(data)
        self.code.make()
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Square."""
        return self.size, self.size

    def draw(self) -> None:
        """Dark modules as filled squares, with the quiet zone the standard asks for."""
        count = self.code.getModuleCount()
        cell = self.size / (count + 8)  # four modules of quiet zone on each side
        canvas = self.canv
        canvas.setFillColor(colors.black)
        for row in range(count):
            for col in range(count):
                if self.code.isDark(row, col):
                    x = (col + 4) * cell
                    y = self.size - (row + 5) * cell
                    canvas.rect(x, y, cell, cell, stroke=0, fill=1)


class CheckBox(Flowable):
    """An empty box to tick by hand (drawn, so it needs no glyph in any font)."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Square."""
        return self.size, self.size

    def draw(self) -> None:
        """The box."""
        self.canv.setStrokeColor(colors.black)
        self.canv.setLineWidth(1)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


def _line_up(line: list[list[Any]], width: float) -> None:
    """Cards side by side with their pictures at the same height, where that costs no paper:
    each option's name is followed by the space its line's longest name takes beyond it, and
    likewise each number under a picture, so the pictures, numbers and texts of the line start
    level (one name on two lines put its picture a line lower than its neighbour's). Only
    where every card still fits the height the line takes anyway (its tallest card's): lining
    up every line made 6 of 66 example plans a page longer (a taller line pushes a question's
    whole table to the next page), and a longer plan is worse for the patient than two
    pictures a line apart, each with its number beneath it. (On screen they always line up.)"""
    pictured = [card for card in line if any(isinstance(part, IconArray) for part in card)]
    if len(pictured) < 2:
        return  # answers in words only: nothing to line up
    names = _padding([(card, 0) for card in pictured], width)
    numbers = _padding(
        [
            (card, index + 1)
            for card in pictured
            for index, part in enumerate(card[:-1])
            if isinstance(part, IconArray)
        ],
        width,
    )
    extra = {id(card): 0.0 for card in pictured}
    for card, _index, pad in (*names, *numbers):
        extra[id(card)] += pad
    line_height = max(_card_height(card, width) for card in line)
    if any(_card_height(card, width) + extra[id(card)] > line_height for card in pictured):
        return
    for card, index, pad in sorted((*names, *numbers), key=lambda item: -item[1]):
        if pad > 0:  # from the end of each card, so the earlier indexes stay right
            card.insert(index + 1, Spacer(1, pad))


def _padding(
    parts: list[tuple[list[Any], int]], width: float
) -> list[tuple[list[Any], int, float]]:
    """For each of these flowables (card, index), the height the tallest of them takes beyond
    it."""
    if len(parts) < 2:
        return []
    heights = [card[index].wrap(width, 10_000 * mm)[1] for card, index in parts]
    tallest = max(heights)
    return [
        (card, index, tallest - height)
        for (card, index), height in zip(parts, heights, strict=True)
    ]


def _card_height(card: list[Any], width: float) -> float:
    """A card's height in its table cell, counting every flowable's space before and after
    (the table counts a little less: not the first's before nor the last's after)."""
    return sum(
        part.wrap(width, 10_000 * mm)[1] + part.getSpaceBefore() + part.getSpaceAfter()
        for part in card
    )
