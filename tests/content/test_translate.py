"""Content translation: PO files out and back in, keeping the aid's comments and layout."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from sdm_app.cli.main import main
from sdm_app.content.loader import load_aid
from sdm_app.content.translate import export_po, import_po, iter_texts, missing_languages
from tests.conftest import GOOD_AID


@pytest.fixture
def aid_copy(tmp_path: Path) -> Path:
    path = tmp_path / "aid.yaml"
    shutil.copy(GOOD_AID, path)
    return path


def fill(po: bytes, prefix: str, only: set[str] | None = None) -> bytes:
    catalog = read_po(io.BytesIO(po))
    for message in catalog:
        if message.id and (only is None or message.context in only):
            message.string = f"{prefix} {message.id}"
    out = io.BytesIO()
    write_po(out, catalog)
    return out.getvalue()


def test_paths_use_ids() -> None:
    loaded = load_aid(GOOD_AID)
    assert loaded.aid is not None
    labels = [f.label for f in iter_texts(loaded.aid)]
    assert labels[:2] == ["title", "question"]
    assert "options.pill.summary" in labels
    assert "rows.harm.cells.wait.text" in labels
    assert "concerns.cost.questions.0" in labels


def test_export_carries_existing_translations(aid_copy: Path) -> None:
    loaded = load_aid(aid_copy)
    assert loaded.aid is not None
    catalog = read_po(io.BytesIO(export_po(loaded.aid, "es")))
    title = next(m for m in catalog if m.context == "title")
    assert (title.id, title.string) == ("Test decision", "Decisión de prueba")
    empty = read_po(io.BytesIO(export_po(loaded.aid, "vi")))
    assert all(m.string == "" for m in empty if m.id)
    assert str(empty.locale) == "vi"


def test_import_round_trip_keeps_comments_and_records_status(aid_copy: Path) -> None:
    loaded = load_aid(aid_copy)
    assert loaded.aid is not None
    po = fill(export_po(loaded.aid, "vi"), "VI")
    report = import_po(aid_copy, po)
    assert report.ok and not report.missing and report.imported == 33
    text = aid_copy.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../decision_aids/schema.json\n")
    assert "# A small but complete aid used by the tests." in text
    again = load_aid(aid_copy)
    assert again.aid is not None
    assert "vi" in again.aid.languages
    assert again.aid.evidence.translations["vi"].status.value == "drafted"
    assert again.aid.text(again.aid.title, "vi") == "VI Test decision"
    assert missing_languages(again.aid)["vi"] == []


def test_missing_stale_and_unknown_are_reported(aid_copy: Path) -> None:
    loaded = load_aid(aid_copy)
    assert loaded.aid is not None
    catalog = read_po(
        io.BytesIO(fill(export_po(loaded.aid, "vi"), "VI", only={"title", "question"}))
    )
    for message in catalog:
        if message.context == "question":
            message.id = "An older question"  # the source changed since export
    catalog.add("Gone", "Đã mất", context="options.gone.name")
    out = io.BytesIO()
    write_po(out, catalog)
    report = import_po(aid_copy, out.getvalue())
    assert report.imported == 1
    assert report.stale == ["question"] and report.unknown == ["options.gone.name"]
    assert "options.pill.name" in report.missing


def test_dry_run_writes_nothing(aid_copy: Path) -> None:
    before = aid_copy.read_bytes()
    loaded = load_aid(aid_copy)
    assert loaded.aid is not None
    report = import_po(aid_copy, fill(export_po(loaded.aid, "vi"), "VI"), dry_run=True)
    assert report.imported > 0 and aid_copy.read_bytes() == before


def test_cli_translate(aid_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    po = tmp_path / "vi.po"
    assert main(["translate", "export", str(aid_copy), "--lang", "vi", "-o", str(po)]) == 0
    assert main(["translate", "import", str(aid_copy), str(po)]) == 1  # all missing
    assert "missing: title" in capsys.readouterr().out
    po.write_bytes(fill(po.read_bytes(), "VI"))
    assert main(["translate", "import", str(aid_copy), str(po)]) == 0
    assert main(["translate", "import", str(aid_copy), str(tmp_path / "none.po")]) == 2
