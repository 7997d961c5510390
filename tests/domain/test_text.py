"""The documented fall-back rule for localized text."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from sdm_app.domain.text import LocalizedText, Text, fallback_chain, first_sentence


class Holder(BaseModel):
    text: Text


def test_plain_string_is_the_default_language() -> None:
    text = Holder(text="Hola").text
    assert text.resolve("es", "es") == ("Hola", "es")
    assert text.resolve("fr", "es") == ("Hola", "es")


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("es-MX", ("Hola MX", "es-MX")),  # 1. exact
        ("es-AR", ("Hola", "es")),  # 2. base language
        ("fr", ("Olá", "pt")),  # 3. the aid's default language
        ("vi", ("Olá", "pt")),
    ],
)
def test_fallback_chain(asked: str, expected: tuple[str, str]) -> None:
    text = LocalizedText({"es": "Hola", "es-MX": "Hola MX", "pt": "Olá", "en": "Hello"})
    assert text.resolve(asked, "pt") == expected


def test_english_then_first_written() -> None:
    assert LocalizedText({"en": "Hello", "es": "Hola"}).resolve("fr", "de") == ("Hello", "en")
    assert LocalizedText({"ko": "안녕", "es": "Hola"}).resolve("fr", "de") == ("안녕", "ko")


def test_chain_order() -> None:
    assert fallback_chain("zh-Hans", "es") == ["zh-Hans", "zh", "es", "en"]


def test_serializes_back_as_written() -> None:
    assert Holder(text="Hi").model_dump() == {"text": "Hi"}
    assert Holder(text={"en": "Hi", "es": "Hola"}).model_dump() == {
        "text": {"en": "Hi", "es": "Hola"}
    }


@pytest.mark.parametrize(
    "bad", ["", "   ", {}, {"en": ""}, {"english": "Hi"}, 3, ["Hi"], {"en": 3}]
)
def test_rejects(bad: object) -> None:
    with pytest.raises(ValueError):
        Holder(text=bad)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Knees wear out. It can hurt.", "Knees wear out."),
        ("No full stop at all", "No full stop at all."),
        ("Does it hurt? Often.", "Does it hurt?"),
        (
            "膝关节骨关节炎是覆盖骨头末端的软骨出现磨损。它会引起疼痛。",
            "膝关节骨关节炎是覆盖骨头末端的软骨出现磨损。",
        ),
        ("في الركبة. يمكن أن يسبب الألم.", "في الركبة."),
        ("هل يؤلم؟ أحيانًا.", "هل يؤلم؟"),
        ("  One sentence.  ", "One sentence."),
    ],
)
def test_first_sentence_in_every_script(text: str, first: str) -> None:
    assert first_sentence(text) == first
