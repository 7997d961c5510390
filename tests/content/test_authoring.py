"""The authoring kit: the scaffold and the generated reference."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_app.cli.main import main
from sdm_app.content.lint import lint_aid
from sdm_app.content.loader import load_aid
from sdm_app.content.reference import reference_markdown
from tests.conftest import ROOT


def test_new_aid_validates_and_lints_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "asthma-inhalers.yaml"
    assert main(["new-aid", "asthma-inhalers", "-o", str(target)]) == 0
    loaded = load_aid(target)
    assert loaded.ok, loaded.diagnostics
    assert loaded.aid is not None and loaded.aid.id == "asthma-inhalers"
    assert [d for d in lint_aid(loaded) if d.severity != "info"] == []
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=file://")
    assert "Never invent a number" in text
    assert main(["new-aid", "asthma-inhalers", "-o", str(target)]) == 2  # will not overwrite
    assert main(["new-aid", "Not An Id", "-o", str(tmp_path / "x.yaml")]) == 2


def test_new_aid_defaults_to_the_user_folder(capsys: pytest.CaptureFixture[str]) -> None:
    from sdm_app.content.library import Library, user_aids_dir

    assert main(["new-aid", "my-aid"]) == 0
    assert (user_aids_dir() / "my-aid.yaml").is_file()
    assert Library.load().find("my-aid") is not None


def test_reference_is_generated_and_current() -> None:
    text = reference_markdown()
    assert (ROOT / "docs" / "aid-reference.md").read_text(encoding="utf-8") == text + "\n" or (
        (ROOT / "docs" / "aid-reference.md").read_text(encoding="utf-8") == text
    ), "docs/aid-reference.md is stale: uv run sdm schema --reference > docs/aid-reference.md"
    for model in ("## DecisionAid", "## Option", "## Row", "## Outcome", "## Evidence"):
        assert model in text
    assert "| `no_change` |" in text and "PydanticUndefined" not in text
