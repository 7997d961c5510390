"""Autosaves: encrypted, atomic, owner-only; bad ones set aside, never deleted; old ones expire."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from sdm_app.storage.autosave import AutosaveStore, CorruptAutosaveError
from sdm_app.storage.keys import load_or_create_key
from tests.domain.test_visit import full_visit


@pytest.fixture
def store(tmp_path: Path) -> AutosaveStore:
    return AutosaveStore(tmp_path / "autosave", Fernet.generate_key())


def test_round_trip_encrypted_and_private(store: AutosaveStore) -> None:
    visit = full_visit()
    path = store.save(visit)
    raw = path.read_bytes()
    assert b"Mar\xc3\xada" not in raw and b"Lee" not in raw and b"nietos" not in raw
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700
    assert store.load(path) == visit
    assert [e.visit_id for e in store.entries()] == [visit.id]


def test_corrupt_and_truncated_are_set_aside_not_deleted(store: AutosaveStore) -> None:
    visit = full_visit()
    path = store.save(visit)
    path.write_bytes(path.read_bytes()[:40])  # truncated by a power cut
    with pytest.raises(CorruptAutosaveError) as info:
        store.load(path)
    assert info.value.set_aside.exists() and "unreadable" in info.value.set_aside.name
    assert not path.exists() and store.entries() == []


def test_written_with_another_key(store: AutosaveStore, tmp_path: Path) -> None:
    other = AutosaveStore(store.folder, Fernet.generate_key())
    path = other.save(full_visit())
    with pytest.raises(CorruptAutosaveError):
        store.load(path)


def test_valid_ciphertext_of_a_broken_visit(store: AutosaveStore) -> None:
    key = Fernet.generate_key()
    broken = AutosaveStore(store.folder, key)
    path = broken.path_for("abc")
    path.write_bytes(Fernet(key).encrypt(b"patient: {display_name: [unclosed\n"))
    with pytest.raises(CorruptAutosaveError):
        broken.load(path)


def test_remove_and_expire(store: AutosaveStore) -> None:
    a, b = full_visit(), full_visit()
    store.save(a)
    old = store.save(b)
    week_ago = (dt.datetime.now() - dt.timedelta(days=8)).timestamp()
    os.utime(old, (week_ago, week_ago))
    assert store.expire(7) == 1
    assert [e.visit_id for e in store.entries()] == [a.id]
    store.remove(a.id)
    assert store.entries() == []


def test_full_disk_leaves_the_previous_autosave(
    store: AutosaveStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit = full_visit()
    path = store.save(visit)
    before = path.read_bytes()

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    visit.decision.reasons = "changed"
    with pytest.raises(OSError):
        store.save(visit)
    assert path.read_bytes() == before  # the old, complete copy is still there
    assert [p.name for p in store.folder.iterdir()] == [path.name]  # no temporary file left


def test_key_file_when_there_is_no_keyring(tmp_path: Path) -> None:
    key_file = tmp_path / "config" / "autosave.key"
    key = load_or_create_key(key_file)
    assert load_or_create_key(key_file) == key
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
