"""Localized text: what authors write once per language, and how a language is chosen.

An author writes a piece of text either as one plain string, which is in the aid's
``default_language``, or as a map from language code to text::

    title: Statin choice                      # one string: the default language
    title: {en: Statin choice, es: Elegir una estatina}

The fall-back rule, used everywhere text is shown (screen, PDF, exports):

1. the exact language asked for (``es-MX``);
2. its base language (``es``);
3. the aid's default language;
4. English;
5. the first language the author wrote.

Every step after the first is a *fall-back*, which the plan records so that a
printed plan can say which parts are not in the patient's language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
LANGUAGE_CODE_PATTERN = LANGUAGE_CODE.pattern


class LocalizedText(dict[str, str]):
    """Text in one or more languages, keyed by language code.

    A plain string written by an author is kept under the empty key ``""``, which
    means "the aid's default language"; :meth:`get` resolves it.
    """

    __slots__ = ()

    @property
    def languages(self) -> set[str]:
        """The language codes written explicitly (the default-language key excluded)."""
        return {k for k in self if k}

    def get_text(self, language: str, default_language: str = "en") -> str:
        """The text for ``language`` by the fall-back rule of this module."""
        return self.resolve(language, default_language)[0]

    def resolve(self, language: str, default_language: str = "en") -> tuple[str, str]:
        """Return ``(text, language_used)`` by the fall-back rule of this module."""
        for candidate in fallback_chain(language, default_language):
            if candidate in self:
                return self[candidate], candidate
            if candidate == default_language and "" in self:
                return self[""], default_language
        if "" in self:
            return self[""], default_language
        first = next(iter(self))
        return self[first], first

    def has(self, language: str, default_language: str) -> bool:
        """Whether this text is written in ``language`` itself, with no fall-back."""
        return language in self or (language == default_language and "" in self)


def fallback_chain(language: str, default_language: str) -> list[str]:
    """The languages tried, in order, when ``language`` is asked for."""
    chain: list[str] = []
    for code in (language, language.split("-")[0], default_language, "en"):
        if code and code not in chain:
            chain.append(code)
    return chain


#: Language codes already found valid: a library of aids repeats the same few thousands of
#: times, and a set lookup is ten times cheaper than the pattern (bounded, whatever the input).
_SEEN_CODES: set[str] = set()


def _validate_text(value: Any) -> LocalizedText:
    if isinstance(value, LocalizedText):
        return value
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("must not be empty")
        return LocalizedText({"": value})
    if isinstance(value, Mapping):
        if not value:
            raise ValueError("must give the text in at least one language")
        out = LocalizedText()
        for key, text in value.items():
            if key in _SEEN_CODES:
                pass
            elif isinstance(key, str) and LANGUAGE_CODE.match(key):
                if len(_SEEN_CODES) < 1000:
                    _SEEN_CODES.add(key)
            else:
                raise ValueError(
                    f"{key!r} is not a language code; use a code such as 'en', 'es' or 'zh'"
                )
            if not isinstance(text, str):
                raise ValueError(f"the text for {key!r} must be a string")
            if not text.strip():
                raise ValueError(f"the text for {key!r} must not be empty")
            out[key] = text
        return out
    raise ValueError("must be text, or a map of language code to text (en: ..., es: ...)")


def _serialize_text(value: LocalizedText) -> str | dict[str, str]:
    if set(value) == {""}:
        return value[""]
    return dict(value)


Text = Annotated[
    LocalizedText,
    PlainValidator(_validate_text),
    PlainSerializer(_serialize_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "object",
                    "propertyNames": {"pattern": LANGUAGE_CODE_PATTERN},
                    "additionalProperties": {"type": "string", "minLength": 1},
                    "minProperties": 1,
                },
            ],
            "description": "Text in the aid's default language, or a map of language code to text.",
        }
    ),
]
"""A pydantic field type for localized text."""


#: Where a sentence ends: after . ! ? followed by a space (Latin, Cyrillic, Arabic script),
#: or right after a full-width 。！？ (Chinese, Japanese), which takes no space.
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|(?<=[。！？])")
_TERMINAL = (".", "!", "?", "؟", "。", "！", "？")


def first_sentence(text: str) -> str:
    """The first sentence of ``text``, ending with its own full stop (one is added if the
    text had none)."""
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()
    return sentence if sentence.endswith(_TERMINAL) else sentence + "."
