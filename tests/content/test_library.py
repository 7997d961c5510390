"""The library finds aids in every folder and never lets one broken file stop the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_app.content.library import Library, bundled_aids_dir, default_search_path, user_aids_dir


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_broken_aid_does_not_stop_the_others(tmp_path: Path, good_aid_text: str) -> None:
    write(tmp_path, "a-good.yaml", good_aid_text)
    write(tmp_path, "b-broken.yaml", "format: 1\nid: [\n")
    write(tmp_path, "c-other.yaml", good_aid_text.replace("id: test-aid", "id: other-aid"))
    library = Library.load([tmp_path])
    assert sorted(e.aid.id for e in library.aids if e.aid) == ["other-aid", "test-aid"]
    [failed] = library.failed
    assert failed.path.name == "b-broken.yaml"
    assert str(failed.diagnostics[0]).startswith(f"{tmp_path / 'b-broken.yaml'}:3:1:")


def test_search_path_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SDM_AID_PATH", f"{tmp_path / 'one'}:{tmp_path / 'two'}")
    assert default_search_path() == [
        tmp_path / "one",
        tmp_path / "two",
        user_aids_dir(),
        bundled_aids_dir(),
    ]


def test_user_folder_is_searched(good_aid_text: str) -> None:
    write(user_aids_dir(), "mine.yaml", good_aid_text.replace("id: test-aid", "id: my-aid"))
    library = Library.load()
    assert library.find("my-aid") is not None


def test_same_id_and_version_with_other_content_is_reported(
    tmp_path: Path, good_aid_text: str
) -> None:
    write(tmp_path / "a", "aid.yaml", good_aid_text)
    write(tmp_path / "b", "aid.yaml", good_aid_text.replace("Test decision", "Changed decision"))
    library = Library.load([tmp_path / "a", tmp_path / "b"])
    assert len(library.aids) == 1
    assert library.aids[0].path == tmp_path / "a" / "aid.yaml"
    [warning] = library.diagnostics
    assert warning.severity == "warning" and "already loaded" in warning.message


def test_identical_copies_are_collapsed_silently(tmp_path: Path, good_aid_text: str) -> None:
    write(tmp_path / "a", "aid.yaml", good_aid_text)
    write(tmp_path / "b", "aid.yaml", good_aid_text)
    library = Library.load([tmp_path / "a", tmp_path / "b"])
    assert len(library.aids) == 1 and not library.diagnostics


def test_find_newest_version(tmp_path: Path, good_aid_text: str) -> None:
    write(tmp_path, "v1.yaml", good_aid_text)
    write(tmp_path, "v2.yaml", good_aid_text.replace('version: "1.0"', 'version: "1.10"'))
    write(tmp_path, "v3.yaml", good_aid_text.replace('version: "1.0"', 'version: "1.9"'))
    library = Library.load([tmp_path])
    found = library.find("test-aid")
    assert found is not None and found.aid is not None and found.aid.version == "1.10"
    exact = library.find("test-aid", "1.9")
    assert exact is not None and exact.aid is not None and exact.aid.version == "1.9"
    assert library.find("nothing") is None
