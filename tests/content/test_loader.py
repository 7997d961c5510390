"""Every loader message names the file, line and column, and says what to change."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_app.content.loader import load_aid, load_aid_bytes
from tests.conftest import GOOD_AID


def messages(text: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "aid.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_aid(path)
    assert result.aid is None
    return [str(d).replace(str(path), "aid.yaml") for d in result.diagnostics]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_good_aid_loads() -> None:
    result = load_aid(GOOD_AID)
    assert result.ok, result.diagnostics
    assert result.aid is not None and result.aid.id == "test-aid"
    assert len(result.content_hash) == 64


def test_bad_syntax(good_aid_text: str, tmp_path: Path) -> None:
    text = good_aid_text.replace("es: Tomar la pastilla}", "es: Tomar la pastilla")
    [message] = messages(text, tmp_path)
    line = line_of(text, "es: Tomar la pastilla")
    assert (
        message == f"aid.yaml:{line + 1}:12: YAML syntax error: did not find expected ',' or '}}'"
    )


def test_wrong_type(good_aid_text: str, tmp_path: Path) -> None:
    text = good_aid_text.replace("      low: 4", "      low: cheap")
    [message] = messages(text, tmp_path)
    line = line_of(text, "low: cheap")
    assert message == f"aid.yaml:{line}:12: options[0].cost.low: input should be a valid decimal"


def test_unknown_key_suggests_the_right_one(good_aid_text: str, tmp_path: Path) -> None:
    text = good_aid_text.replace("    daily_life: {en: Nothing", "    dayly_life: {en: Nothing")
    msgs = messages(text, tmp_path)
    line = line_of(text, "dayly_life")
    assert (
        f"aid.yaml:{line}:5: options[1].dayly_life: unknown field `dayly_life`; did you mean `daily_life`?"
        in msgs
    )


def test_missing_required_text(good_aid_text: str, tmp_path: Path) -> None:
    text = good_aid_text.replace(
        "    summary: {en: No pill for now., es: Sin pastilla por ahora.}\n", ""
    )
    [message] = messages(text, tmp_path)
    line = line_of(text, "  - id: wait")
    assert message == (
        f"aid.yaml:{line}:5: options[1].summary: the required field `summary` is missing; add it"
    )


def test_empty_text(good_aid_text: str, tmp_path: Path) -> None:
    text = good_aid_text.replace("es: Sin pastilla por ahora.}", "es: ' '}")
    [message] = messages(text, tmp_path)
    line = line_of(text, "summary: {en: No pill for now.")
    assert message == f"aid.yaml:{line}:14: options[1].summary: the text for 'es' must not be empty"


def test_bad_language_code(good_aid_text: str, tmp_path: Path) -> None:
    text = good_aid_text.replace(
        "title: {en: Test decision, es:", "title: {en: Test decision, Spanish:"
    )
    [message] = messages(text, tmp_path)
    assert "'Spanish' is not a language code" in message


def test_norway_language_code_stays_text(good_aid_text: str, tmp_path: Path) -> None:
    text = good_aid_text.replace(
        "title: {en: Test decision,", "title: {no: Testbeslutning, en: Test decision,"
    )
    path = tmp_path / "aid.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_aid(path)
    assert result.aid is not None
    assert result.aid.title["no"] == "Testbeslutning"


def test_duplicate_key(good_aid_text: str, tmp_path: Path) -> None:
    text = good_aid_text.replace('version: "1.0"\n', 'version: "1.0"\nversion: "1.1"\n')
    [message] = messages(text, tmp_path)
    line = line_of(text, 'version: "1.1"')
    assert message == (
        f"aid.yaml:{line}:1: version: duplicate key 'version' (first given at line {line - 1}); keep only one"
    )


def test_events_more_than_group(good_aid_text: str, tmp_path: Path) -> None:
    text = good_aid_text.replace("events: 7, per: 100", "events: 700, per: 100")
    [message] = messages(text, tmp_path)
    line = line_of(text, "events: 700")
    assert message == (
        f"aid.yaml:{line}:18: rows[0].cells.pill.outcome: events (700) cannot be more than per (100)"
    )


def test_denominator_must_be_an_icon_array_size(good_aid_text: str, tmp_path: Path) -> None:
    text = good_aid_text.replace("events: 7, per: 100", "events: 0, per: 0")
    [message] = messages(text, tmp_path)
    assert "rows[0].cells.pill.outcome.per: input should be 10, 100 or 1000" in message


def test_negative_count(good_aid_text: str, tmp_path: Path) -> None:
    text = good_aid_text.replace("events: 7,", "events: -3,")
    [message] = messages(text, tmp_path)
    assert "outcome.events: input should be greater than or equal to 0" in message


def test_unknown_source_reference(good_aid_text: str, tmp_path: Path) -> None:
    text = good_aid_text.replace(
        "outcome: {events: 7, per: 100, over: {amount: 10, unit: year}, source: test-source}",
        "outcome: {events: 7, per: 100, over: {amount: 10, unit: year}, source: nope}",
    )
    [message] = messages(text, tmp_path)
    line = line_of(text, "source: nope")
    col = text.splitlines()[line - 1].index("nope") + 1
    assert message == (
        f"aid.yaml:{line}:{col}: rows[0].cells.pill.outcome.source: "
        "'nope' is not the id of an entry in evidence.sources"
    )


def test_value_prompt_must_cover_every_option(good_aid_text: str, tmp_path: Path) -> None:
    text = good_aid_text.replace("fit: {pill: well, wait: partly}", "fit: {pill: well}")
    [message] = messages(text, tmp_path)
    line = line_of(text, "fit: {pill: well}")
    assert message == (
        f"aid.yaml:{line}:10: values[0].fit: give a level (well, partly, poorly) for wait"
    )


def test_cell_for_unknown_option(good_aid_text: str, tmp_path: Path) -> None:
    text = good_aid_text.replace("      wait: {text: {en: None", "      wiat: {text: {en: None")
    [message] = messages(text, tmp_path)
    line = line_of(text, "wiat:")
    assert (
        message
        == f"aid.yaml:{line}:7: rows[1].cells.wiat: 'wiat' is not an option id; use one of pill, wait"
    )


def test_not_a_mapping(tmp_path: Path) -> None:
    assert messages("- just\n- a list\n", tmp_path) == [
        "aid.yaml:1:1: a decision aid must be a mapping of fields (key: value)"
    ]


def test_unreadable_file(tmp_path: Path) -> None:
    result = load_aid(tmp_path / "missing.yaml")
    assert result.aid is None
    assert "cannot read the file" in str(result.diagnostics[0])


@pytest.mark.parametrize(
    "payload",
    [
        b"\x00\x01binary",
        b"\xff\xfe\xfa",
        b"a: [" * 3000,
        b"{}",
        b"format: 1\n",
        b"format: 2\nid: x\n",
    ],
)
def test_garbage_gives_diagnostics_not_exceptions(payload: bytes) -> None:
    result = load_aid_bytes(payload, Path("garbage.yaml"))
    assert result.aid is None
    assert result.diagnostics
    assert all(str(d).startswith("garbage.yaml:") for d in result.diagnostics)
