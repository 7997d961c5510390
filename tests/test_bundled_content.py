"""The bundled aids and examples: valid, complete in English and Spanish, and exportable."""

from __future__ import annotations

import pytest

from sdm_app.content.library import Library, bundled_aids_dir
from sdm_app.content.visit_file import load_visit
from sdm_app.domain.plan import build_care_plan
from sdm_app.domain.text import LocalizedText
from sdm_app.i18n import LANGUAGES
from sdm_app.pdf.render import render_plan
from tests.conftest import ROOT
from tests.helpers import pdf_text

MODELINE = "# yaml-language-server: $schema=./schema.json"
EXPECTED = {"diabetes-second-medicine", "statin-primary-prevention", "knee-osteoarthritis"}


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.load([bundled_aids_dir()])


def test_all_bundled_aids_load(library: Library) -> None:
    assert library.diagnostics == []
    assert {e.aid.id for e in library.aids if e.aid} == EXPECTED


def test_every_bundled_aid_names_the_schema() -> None:
    for path in sorted(bundled_aids_dir().glob("*.yaml")):
        assert path.read_text(encoding="utf-8").splitlines()[0] == MODELINE, path


def walk_texts(value: object) -> list[LocalizedText]:
    if isinstance(value, LocalizedText):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in walk_texts(v)]
    if isinstance(value, list | tuple):
        return [t for v in value for t in walk_texts(v)]
    if hasattr(value, "__pydantic_fields__"):
        return [t for name in type(value).model_fields for t in walk_texts(getattr(value, name))]
    return []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_is_written_in_every_language(library: Library, language: str) -> None:
    for entry in library.aids:
        assert entry.aid is not None
        missing = [
            dict(t)
            for t in walk_texts(entry.aid)
            if not t.has(language, entry.aid.default_language)
        ]
        assert missing == [], f"{entry.aid.id}: not in {language}: {missing[:3]}"


def test_bundled_aids_are_drafts_with_honest_translation_status(library: Library) -> None:
    for entry in library.aids:
        assert entry.aid is not None
        evidence = entry.aid.evidence
        assert evidence.review_status.value in {"draft", "in_review", "reviewed"}
        assert evidence.translations["en"].status.value == "source"
        assert set(entry.aid.languages) == set(LANGUAGES)
        for language in LANGUAGES[
            1:
        ]:  # drafted by the project until a medical translator signs off
            assert evidence.translations[language].status.value in {"drafted", "reviewed"}


def test_every_number_has_a_dated_source(library: Library) -> None:
    for entry in library.aids:
        aid = entry.aid
        assert aid is not None
        for row in aid.rows:
            for cell in row.cells.values():
                if cell.outcome:
                    source = aid.source(cell.outcome.source)
                    assert source.citation and 1990 <= source.year <= 2026


@pytest.mark.parametrize("aid_id", sorted(EXPECTED))
def test_example_visit_exports(library: Library, aid_id: str) -> None:
    path = ROOT / "examples" / "visits" / f"{aid_id}.yaml"
    loaded = load_visit(path)
    assert loaded.visit is not None, loaded.diagnostics
    visit = loaded.visit
    entry = library.find(aid_id)
    assert entry is not None and entry.aid is not None and visit.aid is not None
    assert visit.aid.content_hash == entry.content_hash, (
        f"{path} was made with an older {aid_id}: run `uv run python scripts/make_examples.py`"
    )
    plan = build_care_plan(entry.aid, visit, content_hash=entry.content_hash)
    text = pdf_text(render_plan(plan))
    assert plan.question.split()[0] in text
    if plan.chosen:
        assert plan.chosen.name.split(":")[0].split()[0] in text
