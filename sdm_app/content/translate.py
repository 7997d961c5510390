"""Translating an aid's content with translators' own tools: PO files out, PO files in.

``export_po`` writes every localized text of an aid as a PO entry: the context
(``msgctxt``) is the field's path with ids where items have them
(``options.sglt2.summary``), the ``msgid`` is the text in the aid's default
language, the ``msgstr`` the translation already in the aid, if any.

``import_po`` writes the translations back into the YAML file, keeping its
comments, order and layout (ruamel.yaml round-trip), adds the language to
``languages`` and records its translation status. It reports entries that are
missing (no translation yet) and stale (the source text changed since export:
those are not imported), and never writes a file that would not validate.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from pydantic import BaseModel

from sdm_app.content.loader import load_aid, load_aid_bytes
from sdm_app.domain.aid import DecisionAid
from sdm_app.domain.text import LocalizedText
from sdm_app.files import write_private

Segment = str | int
LONG = 80  # characters: longer texts are written as folded blocks (">-")
DRAFT_NOTE = "Drafted by the sdm-app project; needs review by a qualified medical translator."


@dataclass(frozen=True)
class TextField:
    """One localized text of an aid: where it is, and its text."""

    segments: tuple[Segment, ...]  # str keys and int list indexes, as in the YAML
    label: str  # readable path with ids, used as msgctxt
    text: LocalizedText


def iter_texts(aid: DecisionAid) -> Iterator[TextField]:
    """Every localized text of the aid, in document order."""
    yield from _walk(aid, (), "")


def _walk(value: Any, segments: tuple[Segment, ...], label: str) -> Iterator[TextField]:
    if isinstance(value, LocalizedText):
        yield TextField(segments, label, value)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            child = getattr(value, name)
            if child is not None:
                yield from _walk(child, (*segments, name), f"{label}.{name}" if label else name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            key = getattr(item, "id", None)
            yield from _walk(item, (*segments, index), f"{label}.{key if key else index}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*segments, key), f"{label}.{key}")


def export_po(aid: DecisionAid, language: str) -> bytes:
    """The aid's texts as a PO catalog for ``language``."""
    catalog = Catalog(
        locale=language.replace("-", "_"),
        project=f"{aid.id} (sdm-app decision aid)",
        version=aid.version,
        header_comment=(
            f"# Translation of the decision aid {aid.id} {aid.version} into {language}.\n"
            "# msgctxt is the field's path; keep placeholders, numbers and meaning exactly.\n"
            "# Import with: sdm translate import AID.yaml THIS.po"
        ),
        fuzzy=False,
    )
    for text_field in iter_texts(aid):
        source = text_field.text.get(aid.default_language) or text_field.text.get("")
        if not source:
            continue
        existing = text_field.text.get(language, "") if language != aid.default_language else source
        catalog.add(source, existing, context=text_field.label, auto_comments=[text_field.label])
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False)
    return buffer.getvalue()


@dataclass
class ImportReport:
    """What an import did."""

    language: str
    imported: int = 0
    unchanged: int = 0
    missing: list[str] = field(default_factory=list)  # paths with no translation
    stale: list[str] = field(default_factory=list)  # paths whose source changed since export
    unknown: list[str] = field(default_factory=list)  # paths not in the aid any more
    errors: list[str] = field(default_factory=list)  # the result would not validate

    @property
    def ok(self) -> bool:
        """Nothing stale, unknown or invalid."""
        return not (self.stale or self.unknown or self.errors)


def import_po(
    aid_path: Path, po_data: bytes, *, status: str = "drafted", dry_run: bool = False
) -> ImportReport:
    """Write the translations in ``po_data`` into the aid file at ``aid_path``."""
    from ruamel.yaml import YAML  # only for this command

    loaded = load_aid(aid_path)
    catalog = read_po(io.BytesIO(po_data))
    # The header as written: Babel's locale would turn "tl" into "fil_PH".
    identifier = getattr(catalog, "locale_identifier", None) or (
        str(catalog.locale) if catalog.locale else ""
    )
    language = identifier.replace("_", "-")
    report = ImportReport(language=language)
    if loaded.aid is None:
        report.errors += [str(d) for d in loaded.diagnostics]
        return report
    if not language:
        report.errors.append("the PO file names no language (set its Language header)")
        return report
    aid = loaded.aid
    fields = {f.label: f for f in iter_texts(aid)}
    yaml = YAML()  # round-trip: keeps comments, order and styles
    yaml.width = 100
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    document = yaml.load(aid_path.read_text(encoding="utf-8"))
    for message in catalog:
        if not message.id or not message.context:
            continue
        target = fields.get(message.context)
        if target is None:
            report.unknown.append(message.context)
            continue
        source = target.text.get(aid.default_language) or target.text.get("")
        if source != message.id:
            report.stale.append(message.context)
            continue
        translation = message.string if isinstance(message.string, str) else ""
        if not translation.strip() or message.fuzzy:
            report.missing.append(message.context)
            continue
        if target.text.get(language) == translation:
            report.unchanged += 1
            continue
        _set_translation(document, target.segments, aid.default_language, language, translation)
        report.imported += 1
    if report.imported:
        if language not in document["languages"]:
            document["languages"].append(language)
        translations = document["evidence"]["translations"]
        if language not in translations:
            translations[language] = {"status": status, "note": DRAFT_NOTE}
    _fold_long_strings(document)
    buffer = io.StringIO()
    yaml.dump(document, buffer)
    new_text = buffer.getvalue()
    check = load_aid_bytes(new_text.encode("utf-8"), aid_path)
    if check.aid is None:
        report.errors += [str(d) for d in check.diagnostics]
        return report
    changed = _changed_texts(aid, check.aid, language)
    if changed:  # a safety net: rewriting the file must never alter what was there
        report.errors += [f"{aid_path}: {path}: existing text would change" for path in changed]
        return report
    if report.imported and not dry_run:
        write_private(aid_path, new_text.encode("utf-8"))
        aid_path.chmod(0o644)  # aid files are content, not patient data
    return report


def _set_translation(
    document: Any, segments: tuple[Segment, ...], default: str, language: str, text: str
) -> None:
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import FoldedScalarString

    parent = document
    for segment in segments[:-1]:
        parent = parent[segment]
    key = segments[-1]
    value: Any = FoldedScalarString(text) if len(text) > LONG else text
    current = parent[key]
    if isinstance(current, str):
        mapping = CommentedMap()
        mapping[default] = current
        mapping[language] = value
        parent[key] = mapping
        return
    last = next(reversed(current)) if len(current) else None
    current[language] = value
    if last is not None and last in current.ca.items:
        # the blank line after the last translation belongs after the new one
        current.ca.items[language] = current.ca.items.pop(last)


def _fold_long_strings(node: Any) -> None:
    """Write long one-line texts as folded blocks, so the file stays readable at 100 columns."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, value in list(items):
        if isinstance(value, dict | list):
            _fold_long_strings(value)
        elif (
            isinstance(value, str)
            and not isinstance(value, FoldedScalarString | LiteralScalarString)
            and len(value) > LONG
            and "\n" not in value
            and value == value.strip()
        ):
            node[key] = FoldedScalarString(value)


def _changed_texts(before: DecisionAid, after: DecisionAid, language: str) -> list[str]:
    """Paths whose text, in any language but the imported one, differs after the rewrite."""
    old = {f.label: f.text for f in iter_texts(before)}
    changed = []
    for text_field in iter_texts(after):
        previous = old.get(text_field.label)
        if previous is None:
            changed.append(text_field.label)
            continue
        now = {k or after.default_language: v for k, v in text_field.text.items() if k != language}
        was = {k or before.default_language: v for k, v in previous.items() if k != language}
        if now != was:
            changed.append(text_field.label)
    return changed


def missing_languages(aid: DecisionAid) -> dict[str, list[str]]:
    """For each language of the aid, the paths of texts not written in it."""
    out: dict[str, list[str]] = {}
    for language in aid.languages:
        out[language] = [
            f.label for f in iter_texts(aid) if not f.text.has(language, aid.default_language)
        ]
    return out
