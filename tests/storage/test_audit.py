"""The audit trail: append-only lines, no patient identifiers."""

from __future__ import annotations

import stat
from pathlib import Path

from sdm_app.storage.audit import read_audit, record_export


def test_append_only_and_private(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    for number in range(3):
        record_export(
            aid_id="statin",
            aid_version="1.0",
            aid_hash="ab" * 32,
            document_id=f"SDM-{number}",
            language="es",
            signed=True,
            signer="clinic.p12",
            path=path,
        )
    entries = read_audit(path)
    assert [e["document_id"] for e in entries] == ["SDM-0", "SDM-1", "SDM-2"]
    assert set(entries[0]) == {
        "time",
        "event",
        "aid",
        "version",
        "hash",
        "document_id",
        "language",
        "signed",
        "signer",
    }
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.write_text(path.read_text() + "not json\n")
    assert len(read_audit(path)) == 3
