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
