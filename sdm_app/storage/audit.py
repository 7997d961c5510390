"""The clinic's audit trail: one JSON line per exported plan, append-only, no patient data.

Each line: time, event, aid id, version and content hash, document ID, language,
whether it was signed, and the signing certificate's subject. Enough to show which
content a plan was made from and that it was signed; nothing that identifies the
patient.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import platformdirs


def audit_path() -> Path:
    """The audit file."""
    return Path(platformdirs.user_data_dir("sdm-app", appauthor=False)) / "audit.jsonl"


def record_export(
    *,
    aid_id: str,
    aid_version: str,
    aid_hash: str,
    document_id: str,
    language: str,
    signed: bool,
    signer: str = "",
    path: Path | None = None,
) -> None:
    """Append one export to the audit trail (opened for appending only, then fsynced)."""
    path = path or audit_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    entry = {
        "time": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "event": "export",
        "aid": aid_id,
        "version": aid_version,
        "hash": aid_hash,
        "document_id": document_id,
        "language": language,
        "signed": signed,
        "signer": signer,
    }
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def read_audit(path: Path | None = None) -> list[dict[str, object]]:
    """Every entry of the audit trail, oldest first (unreadable lines are skipped)."""
    path = path or audit_path()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    out = []
    for line in lines:
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return out
