"""Setting text in any of the plan's scripts: font per run, Arabic shaping, right to left.

* Every character gets a font that has a glyph for it, tried in the language's
  order (:func:`sdm_app.pdf.fonts.family_order`); what was used is recorded so a
  test can prove that no character falls back to a missing-glyph box.
* Left-to-right languages use ReportLab paragraphs (CJK line breaking for Chinese;
  Korean breaks between words, as Latin scripts do). Right-to-left text (Arabic) is
  shaped with ``arabic_reshaper``, wrapped by measured width in logical order, then
  each line is put in visual order with the Unicode bidi algorithm (``python-bidi``)
  and drawn right-aligned.
* All text is escaped before it reaches a paragraph, so typed text can never be
  read as markup.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import textsplit as _textsplit
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import paragraph as _platypus_paragraph
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from sdm_app.i18n import is_rtl
from sdm_app.pdf.fonts import coverage, covered_characters, family, family_order

#: Marks the fonts lack and that only steer the bidi algorithm.
BIDI_MARKS = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
#: Runs that must keep left-to-right order inside Arabic text: phone numbers, "US$25", "A1C".
LTR_RUN = re.compile(
    r"\(?\+?\d[\d ().\-]*\d"  # phone numbers: "(555) 010-0100", "+1 555 0100"
    r"|[A-Za-z$€£][\w$€£%+#@.,:/\-]*(?: [A-Za-z0-9$€£%+#@.,:/\-]+)*"  # Latin words: "Medicare Part D"
)
# Brackets stay outside the runs, so the bidi algorithm mirrors both of a pair alike.
#: Languages written without spaces between words, whose lines may break between any two
#: characters. Not Korean: it puts spaces between words, and a word cut in two ("겪어" /
#: "요.") is harder to read than a shorter line (as Korean web pages do with keep-all).
CJK_LANGUAGES = {"zh", "ja"}
BULLET = "•"
#: Every character ``str.isspace`` calls a space (none is recorded as set in a font).
WHITESPACE = frozenset(c for c in map(chr, range(0x3001)) if c.isspace())

#: Punctuation that must not begin a line in Chinese (kinsoku). ReportLab's CJK line breaking
#: keeps such a character on the line it ends, but its table (``textsplit.ALL_CANNOT_START``,
#: made for Japanese) lacks the full-width comma, colon, semicolon, question and exclamation
#: marks and closing quotes Chinese uses most: plans had lines starting with "，". The table is
#: read when lines are broken (by both of ReportLab's CJK line breakers, one per module), so
#: it is extended here, once, for every plan.
NOT_AT_LINE_START = "\uff0c\uff1a\uff1b\uff01\uff1f\u300b\u3009\uff5d\u201d\u2019\u2026"
for _module in (_textsplit, _platypus_paragraph):
    _module.ALL_CANNOT_START += "".join(
        c for c in NOT_AT_LINE_START if c not in _module.ALL_CANNOT_START
    )


@dataclass
class Typesetter:
    """Fonts and text handling for one document language."""

    language: str
    used: dict[str, set[str]] = field(default_factory=dict)  # font name -> characters set in it
    missing: set[str] = field(default_factory=set)  # characters no shipped font has

    def __post_init__(self) -> None:
        self.order = family_order(self.language)
        self.rtl = is_rtl(self.language)
        self.cjk = self.language.split("-")[0] in CJK_LANGUAGES
        self.primary = family(self.order[0])
        self._cache: dict[tuple[str, bool], str] = {}
        # (id of a style, font or "" for a line break) -> (the style, a fragment as parsed)
        self._fragments: dict[tuple[int, str], tuple[ParagraphStyle, ParaFrag]] = {}
        self._cjk_styles: dict[int, tuple[ParagraphStyle, ParagraphStyle]] = {}

    # -- fonts ------------------------------------------------------------------------------

    def font_for(self, char: str, bold: bool) -> str:
        """The first font in the language's order with a glyph for ``char``."""
        key = (char, bold)
        found = self._cache.get(key)
        if found is not None:
            return found
        code = ord(char)
        chosen = None
        if char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
            chosen = self.primary.face(bold)
        else:
            for name in self.order:
                face = family(name).face(bold)
                if code in coverage(face):
                    chosen = face
                    break
        if chosen is None:
            self.missing.add(char)
            chosen = self.primary.face(bold)
        self._cache[key] = chosen
        return chosen

    def runs(self, text: str, bold: bool = False) -> list[tuple[str, str]]:
        """Split ``text`` into (font, chunk) runs; spaces join the run they are in."""
        primary = self.primary.face(bold)
        chars = set(text)
        if all(self.font_for(c, bold) == primary for c in chars - covered_characters(primary)):
            # the usual case: the document font has every character, so one run
            self.used.setdefault(primary, set()).update(chars - WHITESPACE)
            return [(primary, text)] if text else []
        out: list[tuple[str, str]] = []
        for char in text:
            font = out[-1][0] if out and char == " " else self.font_for(char, bold)
            if not char.isspace():
                self.used.setdefault(font, set()).add(char)
            if out and out[-1][0] == font:
                out[-1] = (font, out[-1][1] + char)
            else:
                out.append((font, char))
        return out

    def markup(self, text: str, bold: bool = False, style_font: str = "") -> str:
        """Paragraph markup: every run escaped and in its font (runs in ``style_font``, the
        paragraph style's own, need no tag); newlines as breaks."""
        lines = []
        for line in text.split("\n"):
            lines.append(
                "".join(
                    escape(chunk)
                    if font == style_font
                    else f'<font name="{font}">{escape(chunk)}</font>'
                    for font, chunk in self.runs(line, bold)
                )
            )
        return "<br/>".join(lines)

    def fragments(self, text: str, bold: bool, style: ParagraphStyle) -> list[ParaFrag]:
        """The paragraph's fragments as ReportLab's parser makes them from :meth:`markup`,
        without writing markup and parsing it back (the parser was a sixth of drawing a plan).

        Each fragment is a copy of one the parser made (per style and font, once per
        document), so it carries exactly the parser's attributes. Whitespace is cleaned as
        ``Paragraph`` cleans its markup before parsing: runs collapse to one space, and the
        ends of the whole text are stripped where no font tag stands before or after them.
        Adjacent text in one font is one fragment (the parser splits at ``&amp;``).
        """
        pieces: list[tuple[str, str]] = []  # (font, text); font "" is a line break
        for number, line in enumerate(text.split("\n")):
            if number:
                pieces.append(("", ""))
            pieces.extend(self.runs(line, bold))
        clean = _whitespace_cleaner(text)
        out: list[ParaFrag] = []
        last = len(pieces) - 1
        for index, (font, chunk) in enumerate(pieces):
            if font and chunk:
                chunk = clean(chunk)
                if font == style.fontName:  # no tag before or after it in the markup
                    if index == 0:
                        chunk = _platypus_paragraph.lstrip(chunk)
                    if index == last:
                        chunk = _platypus_paragraph.rstrip(chunk)
                if not chunk:
                    continue
            out.append(self._fragment(style, font).clone(text=chunk))
        return out

    def _fragment(self, style: ParagraphStyle, font: str) -> ParaFrag:
        """The fragment ReportLab's parser makes for text in ``font`` (a line break for
        "") in a paragraph of ``style``."""
        key = (id(style), font)
        known = self._fragments.get(key)
        if known is None:
            if not font:
                markup = "x<br/>x"
            elif font == style.fontName:
                markup = "x"
            else:
                markup = f'<font name="{escape(font)}">x</font>'
            _style, parsed, _bullet = ParaParser().parse(markup, style)
            known = self._fragments[key] = (style, parsed[1 if not font else 0])
        return known[1]

    def cjk_style(self, style: ParagraphStyle) -> ParagraphStyle:
        """``style`` breaking lines between any two characters (one per style)."""
        known = self._cjk_styles.get(id(style))
        if known is None:
            derived = ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")
            known = self._cjk_styles[id(style)] = (style, derived)
        return known[1]

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """The drawn width of ``text`` (already shaped and in visual order)."""
        return sum(stringWidth(chunk, font, size) for font, chunk in self.runs(text, bold))

    # -- flowables --------------------------------------------------------------------------

    def paragraph(self, text: str, style: ParagraphStyle, *, bullet: bool = False) -> Flowable:
        """A paragraph of plain (untrusted) text in ``style``; with ``bullet``, an item of a
        list, the bullet leading in the document's direction."""
        bold = style.fontName.endswith("-Bold")
        if self.rtl:
            return RtlParagraph(text, style, self, bold, bullet=bullet)
        if self.cjk and getattr(style, "wordWrap", None) != "CJK":
            style = self.cjk_style(style)
        if bullet:
            text = f"{BULLET}  {text}"
        paragraph = PlanParagraph("", style, frags=self.fragments(text, bold, style))
        if style.textTransform:
            _platypus_paragraph.textTransformFrags(paragraph.frags, style)
        return paragraph

    def shape_line(self, line: str) -> str:
        """One line of logical-order text, shaped, in visual order (for RTL documents)."""
        return visual(shape(line), base_direction(line))

    def draw(
        self,
        canvas: Any,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        bold: bool = False,
        align: str = "left",
    ) -> float:
        """Draw one line at (x, y); ``align`` "right" puts its end at x. Returns its width."""
        line = self.shape_line(text) if self.rtl else text
        runs = self.runs(line, bold)
        total = sum(stringWidth(chunk, font, size) for font, chunk in runs)
        start = x - total if align == "right" else x
        for font, chunk in runs:
            canvas.setFont(font, size)
            canvas.drawString(start, y, chunk)
            start += stringWidth(chunk, font, size)
        return total


def _whitespace_cleaner(text: str) -> Any:
    """How ``Paragraph`` cleans the whitespace inside a run of ``text`` (``_lineClean``):
    every run of whitespace becomes one space. What counts as whitespace is ReportLab's
    choice, made per paragraph: with a no-break space in the text, its own list (which keeps
    the no-break space); otherwise Python's."""
    if "\xa0" in text:
        split = _platypus_paragraph._wsc_re_split
        wsc = _platypus_paragraph._wsc

        def is_space(char: str) -> bool:
            return char in wsc

    else:
        split = str.split
        is_space = str.isspace

    def clean(chunk: str) -> str:
        joined = " ".join(word for word in split(chunk) if word)
        if not joined:
            return " "
        return (" " if is_space(chunk[0]) else "") + joined + (" " if is_space(chunk[-1]) else "")

    return clean


@lru_cache(maxsize=8192)
def shape(text: str) -> str:
    """Join Arabic letters into their connected forms (logical order kept)."""
    return _reshaper().reshape(text)


@lru_cache(maxsize=1)
def _reshaper():  # type: ignore[no-untyped-def]
    import arabic_reshaper  # only for right-to-left documents

    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})


def base_direction(text: str) -> str:
    """ "R" when the text has any right-to-left letter, else "L".

    Not the bidi rule's first strong character: in a right-to-left document a
    translated sentence may begin with a Latin name ("Test decision، الإصدار 1.0")
    and must still read right to left; only text with no Arabic at all (content not
    yet translated) keeps its own left-to-right order.
    """
    return "R" if any(unicodedata.bidirectional(c) in ("R", "AL") for c in text) else "L"


@lru_cache(maxsize=8192)
def visual(line: str, base: str = "R") -> str:
    """A shaped line in display order, left-to-right runs kept whole, marks removed.

    ``base`` is the paragraph's direction: Arabic text is "R"; a sentence that is
    not (yet) translated keeps its own left-to-right order inside the page.
    """
    from bidi.algorithm import get_display  # mirrors brackets, unlike the top-level function

    guarded = LTR_RUN.sub(lambda m: f"\u202a{m.group(0)}\u202c", line) if base == "R" else line
    return get_display(guarded, base_dir=base).translate(BIDI_MARKS)


class PlanParagraph(Paragraph):
    """A ReportLab paragraph that breaks its lines once per width.

    Platypus asks a paragraph for its size several times at the same width (a table cell
    is measured for the row heights, again before it is drawn, and again when the table is
    split across pages): two of every three line-breakings of a plan were repeats. The
    result depends only on the width (the style and text do not change), so it is kept.
    """

    _wrapped_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if availWidth == self._wrapped_width and "blPara" in self.__dict__:
            return self.width, self.height  # (a refused split deletes blPara: break again)
        size = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth
        return size

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802, N803 - ReportLab's names
        """Chinese lines, with two rules ReportLab's line breaking lacks: a line does not end
        with an opening bracket or quote ("（" before "glimepiride）"), and when two closing
        marks meet a line's end ("），") both stay on it, with the character before them
        moving down (ReportLab hangs one such mark in the margin, not two). Where a line
        breaks badly, that line alone is given a little less width and the text broken
        again, by ReportLab, with the same rules otherwise."""
        widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        for _attempt in range(MAX_REBREAKS):
            lines = super().breakLinesCJK(widths)
            shorter = _bad_break(lines, widths, self.style)
            if shorter is None:
                return lines
            row, width = shorter
            widths = [*widths, *[widths[-1]] * (row + 2 - len(widths))]
            widths[row] = width
        return lines


#: How often one paragraph is broken again for :meth:`PlanParagraph.breakLinesCJK`.
MAX_REBREAKS = 12
#: Characters that must not end a line in Chinese: opening brackets and quotes.
NOT_AT_LINE_END = "\uff08\u300a\u3008\u300c\u300e\u3010\u3014\uff3b\uff5b\u201c\u2018("


def _bad_break(lines: Any, widths: list[float], style: ParagraphStyle) -> tuple[int, float] | None:
    """The first line that breaks against the rules of :meth:`PlanParagraph.breakLinesCJK`,
    and the width to give it instead; None when every line is fine."""
    texts = [_line_text(line) for line in lines.lines]
    for row, text in enumerate(texts[:-1]):
        if not text:
            continue
        drop = 0
        if text[-1] in NOT_AT_LINE_END:
            drop = 1
        elif (
            text[-1] in _textsplit.ALL_CANNOT_START
            and texts[row + 1][:1] in _textsplit.ALL_CANNOT_START
        ):
            drop = 2  # the character before the first mark goes down with both marks
        if drop and len(text) > drop:
            max_width = widths[min(row, len(widths) - 1)]
            used = max_width - _extra_space(lines.lines[row])
            tail = stringWidth(text[-drop:], style.fontName, style.fontSize)
            return row, used - tail - 0.01
    return None


def _line_text(line: Any) -> str:
    words = line[1] if isinstance(line, (list, tuple)) else line.words
    return "".join(w if isinstance(w, str) else getattr(w, "text", "") for w in words)


def _extra_space(line: Any) -> float:
    return float(line[0] if isinstance(line, (list, tuple)) else line.extraSpace)


class RtlParagraph(Flowable):
    """Text in a right-to-left document, wrapped by measured width and drawn right-aligned.

    ``lines`` fixes the lines (the halves of a split); otherwise they are laid out
    for whatever width the paragraph is given. With ``bullet``, a list item: the bullet
    stands at the right edge of the first line and every line hangs beside it, also when
    the item is in a left-to-right language (a patient's own words, a citation), whose
    words and punctuation keep their own order.
    """

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        typesetter: Typesetter,
        bold: bool,
        lines: list[str] | None = None,
        *,
        bullet: bool = False,
        first: bool = True,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.typesetter = typesetter
        self.bold = bold
        self.fixed_lines = lines
        self.bullet = bullet
        self.first = first  # holds the first line (which carries the bullet)
        self.indent = typesetter.width(f"{BULLET}  ", style.fontSize, bold) if bullet else 0.0
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self.keepWithNext = getattr(style, "keepWithNext", 0)
        self.base = base_direction(text)
        self._layout: tuple[float, list[str]] | None = None
        self._words: list[list[tuple[str, float, str]]] | None = None

    def lines_for(self, width: float) -> list[str]:
        """The shaped, logical-order lines that fit ``width``."""
        if self.fixed_lines is not None:
            return self.fixed_lines
        if self._layout is not None and self._layout[0] == width:
            return self._layout[1]
        room = width - self.indent
        size = self.style.fontSize
        lines: list[str] = []
        for words in self._measured_words():
            # A line's width is kept as it grows (measuring the whole line again for every
            # word took a third of drawing an Arabic plan). The sum is the width of the whole
            # line: no kerning, and a space is set in the font of the text before it
            # (Typesetter.runs).
            current = ""
            current_width = 0.0
            last_font = self.typesetter.primary.face(self.bold)
            for word, word_width, word_font in words:
                if current:
                    joined = current_width + stringWidth(" ", last_font, size) + word_width
                    if joined > room:
                        lines.append(current)
                        current, current_width = word, word_width
                    else:
                        current, current_width = f"{current} {word}", joined
                else:
                    current, current_width = word, word_width
                last_font = word_font or last_font
            lines.append(current)
        self._layout = (width, lines)
        return lines

    def _measured_words(self) -> list[list[tuple[str, float, str]]]:
        """Each paragraph's shaped words, with their widths and the font their last letter
        is set in ("" for an empty word), measured once: a table measures a cell at
        several widths."""
        if self._words is None:
            size = self.style.fontSize
            self._words = []
            for paragraph in self.text.translate(BIDI_MARKS).split("\n"):
                shaped = shape(paragraph)
                whole = self.typesetter.runs(shaped, self.bold)
                measured = []
                for word in shaped.split(" "):
                    if len(whole) == 1:  # the usual case: one font for all of it
                        font = whole[0][0] if word else ""
                        measured.append((word, stringWidth(word, whole[0][0], size), font))
                        continue
                    runs = self.typesetter.runs(word, self.bold)
                    width = sum(stringWidth(chunk, font, size) for font, chunk in runs)
                    measured.append((word, width, runs[-1][0] if runs else ""))
                self._words.append(measured)
        return self._words

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Lay out the lines for the available width."""
        self.width = avail_width
        self.height = len(self.lines_for(avail_width)) * self.style.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Split between lines when the page is full."""
        lines = self.lines_for(avail_width)
        fits = int(avail_height // self.style.leading)
        if fits <= 0 or fits >= len(lines):
            return []
        pieces = (lines[:fits], self.first), (lines[fits:], False)
        head, tail = (
            RtlParagraph(
                self.text,
                self.style,
                self.typesetter,
                self.bold,
                part,
                bullet=self.bullet,
                first=first,
            )
            for part, first in pieces
        )
        head.spaceAfter = 0
        tail.spaceBefore = 0
        return [head, tail]

    def draw(self) -> None:
        """Draw each line in visual order, flush right (beside the bullet, if any)."""
        size = self.style.fontSize
        self.canv.setFillColor(self.style.textColor)
        y = self.height - size
        if self.bullet and self.first:
            self._draw_line(self.width, y, BULLET)
        for line in self.lines_for(self.width):
            self._draw_line(self.width - self.indent, y, visual(line, self.base))
            y -= self.style.leading

    def _draw_line(self, right: float, y: float, shown: str) -> None:
        """Draw ``shown`` (in visual order) ending at ``right``."""
        size = self.style.fontSize
        runs = self.typesetter.runs(shown, self.bold)
        x = right - sum(stringWidth(chunk, font, size) for font, chunk in runs)
        for font, chunk in runs:
            self.canv.setFont(font, size)
            self.canv.drawString(x, y, chunk)
            x += stringWidth(chunk, font, size)
