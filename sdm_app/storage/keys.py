"""The key that encrypts autosaved visits: in the system keyring where there is one,
else in an owner-only key file beside the settings."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from sdm_app.files import write_private

log = logging.getLogger(__name__)

KEYRING_SERVICE = "sdm-app autosave key"
KEYRING_USER = "autosave"


def load_or_create_key(key_file: Path) -> bytes:
    """The Fernet key for autosaves (created on first use)."""
    from cryptography.fernet import Fernet

    key = _from_keyring()
    if key:
        return key
    if key_file.is_file():
        data = key_file.read_bytes().strip()
        if (key_file.stat().st_mode & 0o077) != 0:
            os.chmod(key_file, 0o600)
        return data
    key = Fernet.generate_key()
    if _to_keyring(key):
        return key
    key_file.parent.mkdir(parents=True, exist_ok=True)
    write_private(key_file, key)
    log.info("autosave key kept in an owner-only file (no system keyring)")
    return key


def _from_keyring() -> bytes | None:
    try:
        import keyring

        value = keyring.get_password(KEYRING_SERVICE, KEYRING_USER)
    except Exception:
        return None
    return value.encode() if value else None


def _to_keyring(key: bytes) -> bool:
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, KEYRING_USER, key.decode())
        return True
    except Exception:
        return False
