"""Translation and locale formatting, one object per locale.

Never a global ``_``: the screen and the printed plan can be in different
languages at once, so code asks for a :class:`Translator` for a language and
passes it along. Catalogs are the ``.po`` files in ``translations/``; they are
compiled in memory the first time a language is used (no build step), then cached.
Babel is imported when a date, number or catalog first needs it, not at start: the first
screen in English needs none of it.

Mark strings for extraction (``pybabel extract -F babel.cfg``) with
``tr.gettext("...")``, ``tr.ngettext("...", "...", n)``, or :func:`N_` for text
that is translated later, at display time.
"""

from __future__ import annotations

import datetime as dt
import io
from functools import cache, cached_property
from gettext import NullTranslations
from pathlib import Path
from typing import TYPE_CHECKING

from sdm_app.domain.messages import N_ as N_  # marks messages; translated where shown

if TYPE_CHECKING:  # (decimal is ~1.7 ms of start-up, before the first paint, for annotations)
    from decimal import Decimal

    from babel import Locale

DOMAIN = "messages"

#: The languages the app ships, in the order they are offered.
LANGUAGES = ("en", "es", "zh", "vi", "ko", "ru", "ar", "tl", "ht", "pt", "fr")

#: Countries whose paper is US Letter.
LETTER_COUNTRIES = {"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR", "DO", "SV"}

#: The region assumed for a bare language code when formatting (the app serves US clinics).
DEFAULT_REGION = {
    "en": "US",
    "es": "US",
    "zh": "CN",
    "vi": "VN",
    "ko": "KR",
    "ru": "RU",
    "ar": "EG",
    "tl": "PH",
    "ht": "HT",
    "pt": "BR",
    "fr": "FR",
}


#: The shipped languages written right to left, as CLDR's character order says (checked
#: against Babel by tests/i18n/test_language_names.py); other languages ask Babel.
RTL_LANGUAGES = frozenset({"ar"})

#: Where CLDR's name is not what speakers call the language (CLDR maps tl to Filipino).
NATIVE_NAME_OVERRIDES = {"tl": "Tagalog"}

#: CLDR's name of each shipped language in that language, exactly as Babel (pinned in uv.lock)
#: gives it, kept so the first screen need not load ten locales' data (~90 ms).
#: tests/i18n/test_language_names.py checks it against Babel; other languages ask Babel directly.
CLDR_NATIVE_NAMES = {
    "en": "English",
    "es": "español",
    "zh": "中文 (简体)",
    "vi": "Tiếng Việt",
    "ko": "한국어",
    "ru": "русский",
    "ar": "العربية",
    "ht": "Kreyòl Ayisyen",
    "pt": "português",
    "fr": "français",
}


def translations_dir() -> Path:
    """Where the ``.po`` catalogs live (source checkout or installed wheel)."""
    here = Path(__file__).resolve()
    for candidate in (
        here.parents[2] / "translations",
        here.parents[1] / "bundled" / "translations",
    ):
        if candidate.is_dir():
            return candidate
    return here.parents[2] / "translations"


def babel_locale(language: str) -> Locale:
    """The Babel locale for a language code such as ``es`` or ``zh``."""
    from babel import Locale, UnknownLocaleError

    code = language.replace("-", "_")
    try:
        return Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def format_locale(language: str) -> str:
    """The locale used for formatting numbers, money and dates for ``language``."""
    if "-" in language or "_" in language:
        return language.replace("-", "_")
    region = DEFAULT_REGION.get(language)
    return f"{language}_{region}" if region else language


def language_name(language: str, *, in_sentence: bool = False) -> str:
    """A language's name in that language ("Español", "Tiếng Việt", "العربية"); capitalised
    for menus, or as the language writes it inside a sentence ("español")."""
    if language in NATIVE_NAME_OVERRIDES:
        return NATIVE_NAME_OVERRIDES[language]
    name = CLDR_NATIVE_NAMES.get(language) or cldr_native_name(language)
    return name if in_sentence else name[:1].upper() + name[1:]


def cldr_native_name(language: str) -> str:
    """What Babel's CLDR data calls ``language`` in itself (Simplified Chinese named as such)."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse("zh_Hans" if language == "zh" else language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return language  # a code CLDR does not know is shown as written, never as another name
    name = locale.get_display_name(locale) if language == "zh" else locale.get_language_name(locale)
    return name or language


def is_rtl(language: str) -> bool:
    """Whether ``language`` is written right to left."""
    if language in LANGUAGES:
        return language in RTL_LANGUAGES
    return babel_locale(language).character_order == "right-to-left"


class Translator:
    """Translations and formatting for one language."""

    def __init__(self, language: str, catalog: NullTranslations) -> None:
        self.language = language
        self._catalog = catalog
        self.locale = format_locale(language)

    @cached_property
    def babel(self) -> Locale:
        """The Babel locale for :attr:`locale`, parsed once.

        Babel parses a locale given by name on every call, and a name with no CLDR file of
        its own ("tl_PH" is CLDR's fil_PH, "zh_CN" its zh_Hans_CN) makes it read the name of
        every locale it has: 0.3-0.5 ms for each number or date, over half of drawing a
        Tagalog plan. A name Babel does not know formats as English, as text does.
        """
        return babel_locale(self.locale)

    def gettext(self, message: str) -> str:
        """Translate ``message``."""
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Translate with the plural form for ``n`` (the catalog knows the language's rules)."""
        return self._catalog.ngettext(singular, plural, n)

    def format_date(self, value: dt.date, form: str = "long") -> str:
        """A date in this language's way of writing it."""
        from babel.dates import format_date

        return format_date(value, format=form, locale=self.babel)

    def format_number(self, value: int | float | Decimal) -> str:
        """A number with this locale's separators (Latin digits)."""
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.babel)

    def format_money(self, amount: Decimal, currency: str) -> str:
        """An amount of money in this locale, whole units when there are no cents."""
        from babel.numbers import format_currency

        whole = amount == amount.to_integral_value()
        pattern = None
        if whole:
            pattern = self.babel.currency_formats["standard"].pattern
            pattern = pattern.replace(".00", "").replace(",00", "")
        return format_currency(
            amount, currency, format=pattern, locale=self.babel, currency_digits=not whole
        )

    def labelled(self, label: str, value: str) -> str:
        """ "label: value" with this language's colon (Chinese "：", French " :")."""
        _ = self.gettext
        return _("{label}: {value}").format(label=label, value=value)

    def aside(self, text: str, note: str) -> str:
        """ "text (note)" with this language's brackets (Chinese "（…）")."""
        _ = self.gettext
        return _("{text} ({note})").format(text=text, note=note)

    def format_list(self, items: list[str]) -> str:
        """ "a, b and c" in this language's way (Arabic joins with و, so mixed scripts keep order)."""
        from babel.lists import format_list

        return format_list(items, style="standard", locale=self.babel) if items else ""

    @property
    def rtl(self) -> bool:
        """Whether this language is written right to left."""
        return is_rtl(self.language)


@cache
def translator(language: str) -> Translator:
    """The translator for ``language`` (cached); English text where no catalog exists."""
    base = language.split("-")[0]
    po = translations_dir() / base / "LC_MESSAGES" / f"{DOMAIN}.po"
    catalog: NullTranslations = NullTranslations()
    if po.is_file():
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po
        from babel.support import Translations

        with po.open("rb") as handle:
            parsed = read_po(handle, locale=base.replace("-", "_"))
        buffer = io.BytesIO()
        write_mo(buffer, parsed, use_fuzzy=False)
        buffer.seek(0)
        catalog = Translations(buffer, domain=DOMAIN)
    return Translator(language, catalog)


def paper_is_letter(language: str, region: str | None = None) -> bool:
    """Whether plans for this language and region print on US Letter (else A4)."""
    country = region or format_locale(language).split("_")[-1]
    return country.upper() in LETTER_COUNTRIES
