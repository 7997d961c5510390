"""Language names as their speakers write them, from CLDR through Babel."""

from __future__ import annotations

import pytest

from sdm_app.i18n import (
    CLDR_NATIVE_NAMES,
    LANGUAGES,
    NATIVE_NAME_OVERRIDES,
    babel_locale,
    cldr_native_name,
    is_rtl,
    language_name,
)


def test_every_shipped_language_has_a_kept_name() -> None:
    assert set(CLDR_NATIVE_NAMES) | set(NATIVE_NAME_OVERRIDES) == set(LANGUAGES)


@pytest.mark.parametrize("language", sorted(CLDR_NATIVE_NAMES))
def test_kept_names_are_what_babel_says(language: str) -> None:
    # a Babel upgrade that renames a language fails here: update CLDR_NATIVE_NAMES from it
    assert CLDR_NATIVE_NAMES[language] == cldr_native_name(language)


def test_names_for_menus_and_for_sentences() -> None:
    assert language_name("es") == "Español"
    assert language_name("es", in_sentence=True) == "español"
    assert language_name("vi") == "Tiếng Việt"
    assert language_name("ar") == "العربية"
    assert language_name("zh") == "中文 (简体)"
    assert language_name("tl") == "Tagalog"  # CLDR says Filipino


def test_other_languages_ask_babel() -> None:
    assert language_name("de") == "Deutsch"
    assert language_name("pt-PT") == "Português"
    assert language_name("qq") == "Qq"  # a code CLDR does not know is never named as another


@pytest.mark.parametrize("language", LANGUAGES)
def test_kept_writing_directions_are_what_babel_says(language: str) -> None:
    assert is_rtl(language) == (babel_locale(language).character_order == "right-to-left")


def test_other_languages_ask_babel_for_their_direction() -> None:
    assert is_rtl("he") and is_rtl("fa") and is_rtl("ar-SA")
    assert not is_rtl("de")
