"""Every shipped catalog is complete, not fuzzy, and keeps every placeholder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from sdm_app.i18n import translations_dir, translator

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
CATALOGS = sorted(translations_dir().glob("*/LC_MESSAGES/messages.po"))


def test_there_are_catalogs() -> None:
    assert CATALOGS


def test_catalogs_match_the_template() -> None:
    with (translations_dir() / "messages.pot").open("rb") as handle:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    for path in CATALOGS:
        with path.open("rb") as handle:
            ids = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
        assert ids == template, f"{path}: run scripts/update_catalogs.sh"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parts[-3])
def test_catalog_complete_and_placeholders_kept(path: Path) -> None:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy, f"{path}: fuzzy: {message.id!r}"
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        assert all(strings), f"{path}: untranslated: {message.id!r}"
        expected = sorted(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            assert sorted(PLACEHOLDER.findall(text)) == expected, f"{path}: {message.id!r}"


def test_plural_forms_spanish() -> None:
    tr = translator("es")
    assert tr.ngettext("{n} year", "{n} years", 1).format(n=1) == "1 año"
    assert tr.ngettext("{n} year", "{n} years", 10).format(n=10) == "10 años"


def test_unknown_language_falls_back_to_english() -> None:
    assert translator("xx").gettext("Next") == "Next"
