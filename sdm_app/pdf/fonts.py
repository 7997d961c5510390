"""Fonts for the plan: shipped in ``assets/fonts``, registered once, embedded as subsets."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont


def fonts_dir() -> Path:
    """Where the shipped fonts are (source checkout or installed wheel)."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[2] / "assets" / "fonts", here.parents[1] / "bundled" / "fonts"):
        if candidate.is_dir():
            return candidate
    return here.parents[2] / "assets" / "fonts"


@dataclass(frozen=True)
class FontPair:
    """The regular and bold face registered for one script."""

    regular: str
    bold: str


_LATIN = ("SdmSans", "NotoSans-Regular.ttf", "SdmSans-Bold", "NotoSans-Bold.ttf")


@cache
def fonts_for(language: str) -> FontPair:
    """Register (once) and return the fonts that cover ``language``'s script."""
    regular, regular_file, bold, bold_file = _LATIN
    folder = fonts_dir()
    pdfmetrics.registerFont(TTFont(regular, str(folder / regular_file)))
    pdfmetrics.registerFont(TTFont(bold, str(folder / bold_file)))
    pdfmetrics.registerFontFamily(
        regular, normal=regular, bold=bold, italic=regular, boldItalic=bold
    )
    return FontPair(regular, bold)
