"""The clinic's signing certificate: a PKCS#12 file, its passphrase, and a local one to start.

A clinic should sign with a certificate its organisation issues. So that every
plan is signed from the first day, the app can create a *local, self-signed*
clinic certificate: clearly named as such, its private key encrypted in the
PKCS#12 file (owner-only), its passphrase kept in the system keyring when there
is one (never in a plain file), or asked for once per session when there is not.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import platformdirs

from sdm_app.files import write_private

log = logging.getLogger(__name__)

KEYRING_SERVICE = "sdm-app signing certificate"
LOCAL_NAME = "sdm-app local clinic certificate (self-signed)"


class SigningError(Exception):
    """Signing cannot go ahead; the message says why and what to do."""


def local_certificate_path() -> Path:
    """Where the app keeps a local clinic certificate it created."""
    return (
        Path(platformdirs.user_data_dir("sdm-app", appauthor=False))
        / "signing"
        / "clinic-certificate.p12"
    )


def create_local_certificate(path: Path, passphrase: str, clinic_name: str = "") -> Path:
    """Create a self-signed EC P-256 certificate and key in an encrypted PKCS#12 at ``path``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    if len(passphrase) < 8:
        raise SigningError("choose a passphrase of at least 8 characters")
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, LOCAL_NAME),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, (clinic_name or "Clinic")[:64]),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=5 * 365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        LOCAL_NAME.encode(),
        key,
        certificate,
        None,
        serialization.BestAvailableEncryption(passphrase.encode()),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, data)
    log.info("created a local self-signed clinic certificate")
    return path


def certificate_pem(path: Path, passphrase: str) -> bytes:
    """The certificate (no key) of a PKCS#12 file, as PEM, e.g. to give to ``sdm verify --trust``."""
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs12

    try:
        _key, cert, _chain = pkcs12.load_key_and_certificates(
            path.read_bytes(), passphrase.encode()
        )
    except ValueError:
        raise SigningError(
            f"{path}: the passphrase is wrong, or the file is not a PKCS#12 certificate"
        ) from None
    except OSError as exc:
        raise SigningError(f"{path}: cannot read the certificate ({exc.strerror})") from None
    if cert is None:
        raise SigningError(f"{path}: the file holds no certificate")
    return cert.public_bytes(Encoding.PEM)


def stored_passphrase(path: Path) -> str | None:
    """The passphrase kept in the system keyring for ``path``, if there is one."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, str(path.resolve()))
    except Exception as exc:  # no keyring on this machine: ask instead
        log.info("no system keyring (%s)", type(exc).__name__)
        return None


def remember_passphrase(path: Path, passphrase: str) -> bool:
    """Keep the passphrase in the system keyring; False when there is none (nothing is written)."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, str(path.resolve()), passphrase)
        return True
    except Exception as exc:
        log.info("passphrase not remembered: no usable system keyring (%s)", type(exc).__name__)
        return False
