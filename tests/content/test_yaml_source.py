"""The strict YAML reader closes YAML's traps and keeps positions."""

from __future__ import annotations

import time
import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sdm_app.content.yaml_source import MAX_BYTES, Mark, YamlError, read_yaml


def problem(text: str | bytes) -> YamlError:
    data = text.encode() if isinstance(text, str) else text
    with pytest.raises(YamlError) as info:
        read_yaml(data)
    return info.value


def test_yaml_1_1_words_stay_text() -> None:
    value, _ = read_yaml(b"a: no\nb: yes\nc: on\nd: off\ne: y\n")
    assert value == {"a": "no", "b": "yes", "c": "on", "d": "off", "e": "y"}


def test_core_schema_scalars() -> None:
    value, _ = read_yaml(
        b"a: true\nb: false\nc: ~\nd: 12\ne: -1.5\nf: '12'\ng: 2026-01-02\nh: 0x1F\n"
    )
    assert value == {
        "a": True,
        "b": False,
        "c": None,
        "d": 12,
        "e": -1.5,
        "f": "12",
        "g": "2026-01-02",
        "h": "0x1F",
    }


def test_positions_are_one_based() -> None:
    _, source = read_yaml(b"a:\n  b: [1, 2]\n  c: x\n")
    assert source.values[("a", "b", 1)] == Mark(2, 10)
    assert source.keys[("a", "c")] == Mark(3, 3)
    assert source.values[("a", "c")] == Mark(3, 6)


def test_duplicate_key_is_an_error_at_the_second_key() -> None:
    p = problem("a: 1\nb:\n  c: 1\n  c: 2\n")
    assert p.mark == Mark(4, 3)
    assert "duplicate key 'c' (first given at line 3)" in p.message


def test_aliases_are_refused() -> None:
    p = problem("a: &x [1, 2]\nb: *x\n")
    assert "anchors and aliases" in p.message


def test_alias_bomb_is_refused_fast_and_small() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        bomb += f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]\n"
    tracemalloc.start()
    started = time.perf_counter()
    p = problem(bomb)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "anchors and aliases" in p.message
    assert elapsed < 2 and peak < 20_000_000


def test_deep_nesting_is_refused() -> None:
    p = problem("a: " + "[" * 5000 + "]" * 5000)
    assert "nested too deeply" in p.message


def test_moderate_nesting_is_refused_with_position() -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(40)) + "  " * 40 + "x\n"
    p = problem(text)
    assert "nested too deeply" in p.message
    assert p.mark.line > 30


def test_size_cap() -> None:
    p = problem(b"a: " + b"x" * (MAX_BYTES + 1))
    assert "larger than" in p.message


def test_invalid_utf8_names_the_line() -> None:
    p = problem(b"a: ok\nb: caf\xe9\n")
    assert p.mark == Mark(2, 7)
    assert "UTF-8" in p.message


def test_nan_and_infinity_refused() -> None:
    assert "not a usable number" in problem("a: .nan\n").message
    assert "not a usable number" in problem("a: -.inf\n").message


def test_python_tags_refused() -> None:
    assert "not allowed" in problem("a: !!python/object/apply:os.system [ls]\n").message


def test_syntax_error_position() -> None:
    p = problem("a: [1, 2\nb: 3\n")
    assert p.message.startswith("YAML syntax error")
    assert p.mark.line == 2


def test_empty_file() -> None:
    assert "empty" in problem("").message


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_value_or_a_clean_problem(data: bytes) -> None:
    try:
        read_yaml(data)
    except YamlError as p:
        assert p.mark.line >= 1 and p.mark.column >= 1


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab: -[]{}&*!\n'\"#0.", max_size=200))
def test_yaml_like_text_gives_a_value_or_a_clean_problem(text: str) -> None:
    try:
        read_yaml(text.encode())
    except YamlError as p:
        assert p.message


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab: -[]{}&*!\n'\"#0.", max_size=200))
def test_without_positions_the_same_value_or_the_same_problem(text: str) -> None:
    def outcome(positions: bool) -> object:
        try:
            value, source = read_yaml(text.encode(), positions=positions)
        except YamlError as p:
            return (p.message, p.mark, p.path)
        if not positions:
            assert not source.values and not source.keys  # nothing recorded
        return value

    assert outcome(False) == outcome(True)


def test_a_duplicate_key_is_placed_without_positions_too() -> None:
    with pytest.raises(YamlError) as caught:
        read_yaml(b"a: 1\nb:\n  c: 1\n  c: 2\n", positions=False)
    assert caught.value.mark == Mark(4, 3)
    assert "first given at line 3" in caught.value.message
