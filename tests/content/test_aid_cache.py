"""The validated-aid cache: same answers as reading the file, never stale, never in the way."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sdm_app.content import yaml_source
from sdm_app.content.aid_cache import AidCache, default_cache_dir, model_fingerprint
from sdm_app.content.library import Library
from sdm_app.content.lint import lint_aid

BUNDLED = Path(__file__).resolve().parents[2] / "decision_aids" / "statin-primary-prevention.yaml"


def entries(cache: AidCache) -> list[Path]:
    return sorted(cache.folder.glob("*.json"))


def cached_aid(tmp_path: Path, text: str) -> tuple[Path, AidCache, object]:
    """An aid file, a cache that has seen it, and the aid as first read."""
    path = one_aid(tmp_path / "aids", text)
    cache = AidCache(tmp_path / "cache")
    return path, cache, Library.load([path], cache=cache).aids[0].aid


def one_aid(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "aid.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_second_load_reads_the_cache_and_gives_the_same_aid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = AidCache(tmp_path / "cache")
    first = Library.load([BUNDLED], cache=cache)
    digest = first.aids[0].content_hash
    assert [e.name for e in entries(cache)] == [f"{digest}.json", f"{digest}.summary.json"]

    parses = []
    real = yaml_source.read_yaml
    monkeypatch.setattr(yaml_source, "read_yaml", lambda data: parses.append(1) or real(data))
    second = Library.load([BUNDLED], cache=cache)
    listed = second.aids[0]
    assert not listed.loaded  # listed from its summary: the aid is read when it is used
    assert listed.summary == first.aids[0].aid.summary()  # type: ignore[union-attr]
    assert listed.aid == first.aids[0].aid and listed.loaded
    assert parses == []  # nothing parsed until someone asks where a value is
    assert listed.content_hash == digest


def test_lint_positions_are_the_same_from_the_cache(tmp_path: Path, good_aid_text: str) -> None:
    # an aid whose review date has passed, so lint has something to place
    path = one_aid(tmp_path / "aids", good_aid_text)
    cache = AidCache(tmp_path / "cache")
    later = dt.date(2099, 1, 1)
    fresh = lint_aid(Library.load([path], cache=cache).aids[0], today=later)
    cached_entry = Library.load([path], cache=cache).aids[0]
    assert cached_entry._source_map is None
    assert lint_aid(cached_entry, today=later) == fresh
    assert any(d.line > 1 for d in fresh)


def test_an_edited_file_is_never_served_stale(tmp_path: Path, good_aid_text: str) -> None:
    path = one_aid(tmp_path / "aids", good_aid_text)
    cache = AidCache(tmp_path / "cache")
    before = Library.load([path], cache=cache).aids[0].aid
    assert before is not None
    path.write_text(good_aid_text.replace(before.version, "9.9.9", 1), encoding="utf-8")
    after = Library.load([path], cache=cache).aids[0].aid
    assert after is not None and after.version == "9.9.9"


def test_a_broken_aid_is_not_cached(tmp_path: Path, good_aid_text: str) -> None:
    path = one_aid(tmp_path / "aids", good_aid_text.replace("id:", "idd:", 1))
    cache = AidCache(tmp_path / "cache")
    library = Library.load([path], cache=cache)
    assert library.failed and not library.aids
    assert entries(cache) == []


def test_a_corrupt_entry_is_read_the_slow_way_and_replaced(
    tmp_path: Path, good_aid_text: str
) -> None:
    path, cache, expected = cached_aid(tmp_path, good_aid_text)
    entry, summary = entries(cache)
    for damaged in (entry, summary):
        damaged.write_bytes(damaged.read_bytes()[:40])  # truncated
        again = Library.load([path], cache=cache)
        assert again.aids[0].aid == expected and not again.diagnostics
        assert damaged.read_bytes().endswith(b"}")  # and written again


def test_an_aid_listed_from_its_summary_is_read_even_if_its_entry_went_since(
    tmp_path: Path, good_aid_text: str
) -> None:
    path, cache, expected = cached_aid(tmp_path, good_aid_text)
    listed = Library.load([path], cache=cache).aids[0]
    entries(cache)[0].unlink()  # the whole aid's entry, after the library was listed
    path.write_text("edited meanwhile: not what was listed", encoding="utf-8")
    assert listed.aid == expected  # from the bytes that were listed
    assert entries(cache)[0].name == f"{listed.content_hash}.json"  # and cached again


def test_listing_a_library_reads_no_whole_aid(
    tmp_path: Path, good_aid_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "aids"
    folder.mkdir()
    for number in range(5):
        (folder / f"aid-{number}.yaml").write_text(
            good_aid_text.replace("id: test-aid", f"id: aid-{number}"), encoding="utf-8"
        )
    cache = AidCache(tmp_path / "cache")
    Library.load([folder], cache=cache)
    whole: list[str] = []
    real = AidCache.get
    monkeypatch.setattr(AidCache, "get", lambda self, h: whole.append(h) or real(self, h))
    library = Library.load([folder], cache=cache)
    assert len(library.aids) == 5 and whole == []
    assert library.find("aid-3") is library.aids[3] and whole == []
    assert library.aids[3].aid is not None and len(whole) == 1


def test_an_unwritable_cache_is_stepped_around(tmp_path: Path, good_aid_text: str) -> None:
    path = one_aid(tmp_path / "aids", good_aid_text)
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    library = Library.load([path], cache=AidCache(blocker))
    assert library.aids and not library.diagnostics


def test_entries_of_an_older_model_are_removed(tmp_path: Path, good_aid_text: str) -> None:
    stale = tmp_path / "cache" / "aids" / "0000000000000000"
    stale.mkdir(parents=True)
    (stale / "x.json").write_text("{}")
    path = one_aid(tmp_path / "aids", good_aid_text)
    Library.load([path], cache=AidCache(tmp_path / "cache"))
    assert not stale.exists()
    assert (tmp_path / "cache" / "aids" / model_fingerprint()).is_dir()


def test_cache_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SDM_CACHE_DIR", str(tmp_path / "here"))
    assert default_cache_dir() == tmp_path / "here"
    monkeypatch.delenv("SDM_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "sdm-app"


def test_no_cache_means_no_files(tmp_path: Path, good_aid_text: str) -> None:
    path = one_aid(tmp_path / "aids", good_aid_text)
    assert Library.load([path], cache=False).aids
    assert not default_cache_dir().exists()
    assert Library.load([path]).aids  # the default is the per-user cache
    assert default_cache_dir().exists()
