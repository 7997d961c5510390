"""Paragraph fragments made directly are the ones ReportLab's parser makes from the markup."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from sdm_app.pdf.styles import PlanStyles
from sdm_app.pdf.text import Typesetter

TRICKY = [
    "",
    " ",
    "Plain words.",
    "  leading and trailing  ",
    "Merck Sharp & Dohme <b>not a tag</b> &amp; 1 < 2 > 0",
    "two\nlines\n\nand a blank one\n",
    "tab\there, many   spaces, a\rreturn",
    "no-break\xa0space : and a narrow\u202fone, a zero\u200bwidth",
    "Chinese in English: 二甲双胍 (metformin), and Korean: 메트포르민",
    "二甲双胍 每天 两次，饭后服用。",
    "Arabic inside: الميتفورمين and back",
    "\u3000ideographic space\u3000",
]


def parsed(text: str, typesetter: Typesetter, bold: bool, style: Any) -> list[dict[str, Any]]:
    """What the parser made of the markup, neighbours in the same font as one fragment."""
    frags = Paragraph(typesetter.markup(text, bold, style.fontName), style).frags
    return merged(frags)


def merged(frags: list[Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for frag in frags:
        attributes = dict(frag.__dict__)
        text = attributes.pop("text")
        if out and not attributes.get("lineBreak") and out[-1][0] == attributes:
            out[-1] = (attributes, out[-1][1] + text)
        else:
            out.append((attributes, text))
    return [{**attributes, "text": text} for attributes, text in out]


def made(text: str, typesetter: Typesetter, bold: bool, style: Any) -> list[dict[str, Any]]:
    return [dict(frag.__dict__) for frag in typesetter.fragments(text, bold, style)]


@pytest.mark.parametrize("language", ["en", "zh", "ru", "vi"])
@pytest.mark.parametrize("text", TRICKY)
def test_fragments_are_the_parsers(language: str, text: str) -> None:
    typesetter = Typesetter(language)
    styles = PlanStyles(typesetter, large=False)
    for style, bold in ((styles.body, False), (styles.h2, True), (styles.small, False)):
        assert made(text, typesetter, bold, style) == parsed(text, typesetter, bold, style)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab &<>;#\t\n\r \xa0\u200b\u202f\u3000中文한ج.")), max_size=40
    )
)
def test_any_text_makes_the_parsers_fragments(text: str) -> None:
    typesetter = Typesetter("en")
    styles = PlanStyles(typesetter, large=False)
    assert made(text, typesetter, False, styles.body) == parsed(
        text, typesetter, False, styles.body
    )
    assert made(text, typesetter, True, styles.h2) == parsed(text, typesetter, True, styles.h2)


def test_a_paragraph_is_parsed_only_for_its_first_fragment_of_a_kind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reportlab.platypus import paraparser

    typesetter = Typesetter("en")
    styles = PlanStyles(typesetter, large=False)
    calls: list[str] = []
    real = paraparser.ParaParser.parse

    def counting(self: Any, text: str, style: Any) -> Any:
        calls.append(text)
        return real(self, text, style)

    monkeypatch.setattr(paraparser.ParaParser, "parse", counting)
    for _ in range(20):
        typesetter.paragraph("Some words, then 中文, then\nmore words.", styles.body)
    # one parse for each font in the style and the line break, then none: the parser was a
    # sixth of drawing a plan
    assert len(calls) == 3
