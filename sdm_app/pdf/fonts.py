"""Fonts for the plan, one family per script, registered on first use and cached.

ReportLab has no font fallback of its own, so :mod:`sdm_app.pdf.text` picks a font
for every run of characters from the language's preferred order below. All fonts
ship in ``assets/fonts`` (SIL OFL 1.1) and are embedded as subsets.
"""

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

    def face(self, bold: bool) -> str:
        """The registered name of the regular or bold face."""
        return self.bold if bold else self.regular


#: family -> (regular name, regular file, bold name, bold file)
FAMILIES: dict[str, tuple[str, str, str, str]] = {
    "latin": ("SdmLatin", "NotoSans-Regular.ttf", "SdmLatin-Bold", "NotoSans-Bold.ttf"),
    "arabic": (
        "SdmArabic",
        "NotoSansArabic-Regular.ttf",
        "SdmArabic-Bold",
        "NotoSansArabic-Bold.ttf",
    ),
    "sc": ("SdmSC", "NotoSansSC-Regular.ttf", "SdmSC-Bold", "NotoSansSC-Bold.ttf"),
    "kr": ("SdmKR", "NotoSansKR-Regular.ttf", "SdmKR-Bold", "NotoSansKR-Bold.ttf"),
}

#: The order fonts are tried in, by language; the first is the document's own.
DEFAULT_ORDER = ("latin", "arabic", "sc", "kr")
ORDER = {
    "ar": ("arabic", "latin", "sc", "kr"),
    "zh": ("sc", "latin", "arabic", "kr"),
    "ko": ("kr", "latin", "sc", "arabic"),
}


def family_order(language: str) -> tuple[str, ...]:
    """Fonts to try for ``language``, its own script first."""
    return ORDER.get(language.split("-")[0], DEFAULT_ORDER)


@cache
def family(name: str) -> FontPair:
    """Register (once) and return a font family."""
    regular, regular_file, bold, bold_file = FAMILIES[name]
    folder = fonts_dir()
    pdfmetrics.registerFont(TTFont(regular, str(folder / regular_file)))
    pdfmetrics.registerFont(TTFont(bold, str(folder / bold_file)))
    pdfmetrics.registerFontFamily(
        regular, normal=regular, bold=bold, italic=regular, boldItalic=bold
    )
    return FontPair(regular, bold)


@cache
def coverage(font_name: str) -> frozenset[int]:
    """The code points a registered font has glyphs for."""
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


@cache
def covered_characters(font_name: str) -> frozenset[str]:
    """The characters a registered font has glyphs for."""
    return frozenset(map(chr, coverage(font_name)))


def fonts_for(language: str) -> FontPair:
    """The document font of ``language`` (registered)."""
    return family(family_order(language)[0])
