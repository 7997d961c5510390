"""Numbers, dates, money and lists through one parsed Babel locale per language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from babel import localedata
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal

from sdm_app.i18n import LANGUAGES, Translator, format_locale, translator


@pytest.mark.parametrize("language", LANGUAGES)
def test_same_text_as_babel_given_the_locale_by_name(language: str) -> None:
    tr = translator(language)
    name = format_locale(language)
    day = dt.date(2026, 12, 21)
    assert tr.format_number(1234.5) == format_decimal(1234.5, locale=name)
    assert tr.format_date(day) == format_date(day, format="long", locale=name)
    assert tr.format_money(Decimal("1234.50"), "USD") == format_currency(
        Decimal("1234.50"), "USD", locale=name
    )
    assert tr.format_list(["a", "b", "c"]) == format_list(["a", "b", "c"], locale=name)


@pytest.mark.parametrize("language", ["tl", "zh"])
def test_locale_names_are_looked_up_once(language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Babel resolves "tl_PH" (CLDR's fil_PH) and "zh_CN" (zh_Hans_CN) by reading the name of
    every locale it has, 0.3-0.5 ms each time: over half of drawing a Tagalog plan once
    every number and date did it."""
    tr = Translator(language, translator(language)._catalog)
    tr.format_number(1)  # the first use parses the locale
    lookups: list[str] = []
    normalize = localedata.normalize_locale

    def counting(name: str) -> str | None:
        lookups.append(name)
        return normalize(name)

    monkeypatch.setattr(localedata, "normalize_locale", counting)
    for n in range(20):
        tr.format_number(n)
        tr.format_date(dt.date(2026, 1, 1 + n))
        tr.format_money(Decimal(n), "USD")
    assert lookups == []


def test_a_language_babel_does_not_know_formats_as_english() -> None:
    tr = translator("xx")
    assert tr.format_number(1234.5) == "1,234.5"
    assert tr.format_date(dt.date(2026, 12, 21)) == "December 21, 2026"


def test_labels_and_asides_use_each_language_s_punctuation() -> None:
    """Composed texts ("Option: cost", "cost (per visit)") take their colon and brackets from
    the catalog: Chinese writes them full-width, French puts a no-break space before the
    colon."""
    assert translator("en").labelled("Exercise", "Medium cost") == "Exercise: Medium cost"
    assert translator("en").aside("Medium cost", "per visit") == "Medium cost (per visit)"
    assert translator("zh").labelled("运动", "费用中等") == "运动：费用中等"
    assert translator("zh").aside("费用中等", "每次看诊") == "费用中等（每次看诊）"
    assert translator("fr").labelled("Exercice", "coût moyen") == "Exercice\u00a0: coût moyen"
    for language in LANGUAGES:
        tr = translator(language)
        assert "A" in tr.labelled("A", "B") and "B" in tr.aside("A", "B")
