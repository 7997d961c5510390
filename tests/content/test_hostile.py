"""Hostile and broken input: a clear message in bounded time and memory, never a traceback,
and the other aids still load."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdm_app.content.library import Library
from sdm_app.content.loader import load_aid, load_aid_bytes
from sdm_app.content.visit_file import load_visit
from tests.conftest import FIXTURES, GOOD_AID

HOSTILE = sorted((FIXTURES / "hostile").iterdir())


def bounded(fn, *args):  # type: ignore[no-untyped-def]
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = fn(*args)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    elapsed = time.perf_counter() - started
    assert elapsed < 5, elapsed
    assert peak < 64 * 1024 * 1024, peak
    return result


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_hostile_aid_files(path: Path) -> None:
    result = bounded(load_aid, path)
    assert result.aid is None and result.diagnostics
    assert all(str(d).startswith(f"{path}:") for d in result.diagnostics)


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_hostile_visit_files(path: Path) -> None:
    result = bounded(load_visit, path)
    assert result.visit is None and result.diagnostics


def test_fifty_megabytes_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.seek(50 * 1024 * 1024)
        handle.write(b"\n")
    result = bounded(load_aid, big)
    assert "larger than" in result.diagnostics[0].message
    assert "larger than" in bounded(load_visit, big).diagnostics[0].message


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("events: 7, per: 100", "events: .nan, per: 100", "not a usable number"),
        ("events: 7, per: 100", "events: -3, per: 100", "greater than or equal to 0"),
        ("events: 7, per: 100", "events: 7, per: 0", "input should be 10, 100 or 1000"),
        ("      low: 4", "      low: -4", "greater than or equal to 0"),
        ("      low: 4", "      low: .inf", "not a usable number"),
        (
            "amount: 10, unit: year}, source: test-source}\n      wait",
            "amount: 0, unit: year}, source: test-source}\n      wait",
            "greater than 0",
        ),
    ],
)
def test_bad_numbers(old: str, new: str, message: str) -> None:
    text = GOOD_AID.read_text(encoding="utf-8")
    assert old in text
    result = load_aid_bytes(text.replace(old, new, 1).encode(), Path("aid.yaml"))
    assert result.aid is None
    assert any(message in d.message for d in result.diagnostics), result.diagnostics


def test_broken_files_do_not_stop_the_others(tmp_path: Path) -> None:
    for path in HOSTILE:
        shutil.copy(path, tmp_path / path.name)
    shutil.copy(GOOD_AID, tmp_path / "zz-good.yaml")
    library = bounded(Library.load, [tmp_path])
    assert [e.aid.id for e in library.aids if e.aid] == ["test-aid"]
    assert len(library.failed) == len(HOSTILE)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_loader_never_raises_on_bytes(data: bytes) -> None:
    result = load_aid_bytes(data, Path("fuzz.yaml"))
    assert result.aid is None and result.diagnostics


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_loader_never_raises_on_mutated_aids(data: st.DataObject) -> None:
    text = GOOD_AID.read_text(encoding="utf-8")
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start, min(len(text), start + 40)))
    insert = data.draw(st.text(alphabet="ab: -[]{}&*!\n'\"#0.,", max_size=20))
    result = load_aid_bytes((text[:start] + insert + text[end:]).encode(), Path("fuzz.yaml"))
    assert result.aid is not None or result.diagnostics


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_export_of_a_hostile_visit_is_a_clean_error(path: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sdm_app", "export", str(path), "-o", str(tmp_path / "p.pdf")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr.startswith(f"{path}:")
    assert not (tmp_path / "p.pdf").exists()
