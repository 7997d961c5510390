"""The first screen's look, read from the settings file before the settings model exists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sdm_app.settings import Settings, load_settings, save_settings, settings_path
from sdm_app.settings_file import Display, read_display


@pytest.mark.parametrize(
    "settings",
    [
        Settings(),
        Settings(default_language="ar", text_scale=150, high_contrast=True),
        Settings(default_language="zh", text_scale=200),
        Settings(default_language="xx", text_scale=125),  # unknown language: the model keeps it
    ],
)
def test_a_saved_file_reads_as_the_model_reads_it(settings: Settings) -> None:
    save_settings(settings)
    assert read_display() == settings.display() == load_settings().display()


def test_no_file_reads_as_the_defaults() -> None:
    assert not settings_path().exists()
    assert read_display() == Display() == Settings().display()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe\x00",
        b"[1, 2]",
        b'"a string"',
        b"null",
    ],
)
def test_a_file_that_cannot_be_read_reads_as_the_defaults(content: bytes) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    assert read_display() == Display()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("text_scale", 99),
        ("text_scale", 201),
        ("text_scale", "150"),
        ("text_scale", 150.0),
        ("text_scale", True),
        ("text_scale", None),
        ("high_contrast", "yes"),
        ("high_contrast", 1),
        ("default_language", 7),
        ("default_language", ""),
        ("default_language", ["ar"]),
    ],
)
def test_an_odd_value_reads_as_its_default_and_the_rest_still_counts(
    field: str, value: object, tmp_path: Path
) -> None:
    good = {"default_language": "vi", "text_scale": 175, "high_contrast": True}
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({**good, field: value}), encoding="utf-8")
    expected = {**good, field: getattr(Display(), field.replace("default_", ""))}
    assert read_display(path) == Display(
        expected["default_language"], expected["text_scale"], expected["high_contrast"]
    )
