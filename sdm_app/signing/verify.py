"""Check a signed plan: who signed, when, whether it is intact and trusted, and its ID.

The signature must cover the entire file. pyHanko's own bottom line stays True
after an appended update that only rewrites the document information, so any
byte after the signed range, even a harmless-looking update, counts as modified.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class VerifyReport:
    """What ``sdm verify`` tells."""

    signed: bool = False
    intact: bool = False
    covers_whole_file: bool = False
    trusted: bool = False
    signer: str = ""
    signing_time: dt.datetime | None = None
    document_id: str = ""
    problems: list[str] = field(default_factory=list)
    trust_problem: str = ""

    @property
    def ok(self) -> bool:
        """Signed, and nothing changed since (trust is reported separately)."""
        return self.signed and self.intact and self.covers_whole_file


class UnreadablePdfError(Exception):
    """The input is not a PDF that can be read."""


def verify_pdf(data: bytes, trust: list[Path] | None = None) -> VerifyReport:
    """Verify the (first) signature of a PDF against the given trust anchors."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.general import load_cert_from_pemder
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL)  # their tracebacks are not for users
    report = VerifyReport()
    if not data.startswith(b"%PDF-"):
        raise UnreadablePdfError("not a PDF file")
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
        report.document_id = _document_id(reader)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise UnreadablePdfError(f"cannot read the PDF ({type(exc).__name__})") from None
    if not signatures:
        report.problems.append("the PDF is not signed")
        return report
    report.signed = True
    if len(signatures) > 1:
        report.problems.append(f"the PDF has {len(signatures)} signatures; the first is checked")
    roots = []
    for path in trust or []:
        try:
            roots.append(load_cert_from_pemder(str(path)))
        except Exception as exc:
            raise UnreadablePdfError(f"{path}: not a certificate ({type(exc).__name__})") from None
    signature = signatures[0]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    try:
        status = validate_pdf_signature(signature, context)
    except Exception as exc:
        report.problems.append(f"the signature cannot be checked ({type(exc).__name__})")
        return report
    report.intact = bool(status.intact and status.valid)
    report.covers_whole_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    report.trusted = bool(status.trusted)
    cert = status.signing_cert
    report.signer = _name(cert)
    report.signing_time = status.signer_reported_dt
    if not report.intact:
        report.problems.append("the signed content was changed after signing")
    elif not report.covers_whole_file:
        report.problems.append(
            "the file was changed after signing (something was added after the signed part)"
        )
    if not report.trusted:
        if not roots:
            report.trust_problem = "no trusted certificate was given (use --trust CERT)"
        elif _self_signed(cert):
            report.trust_problem = (
                "the signer's certificate is self-signed and not among the trusted ones"
            )
        else:
            report.trust_problem = (
                "the signer's certificate does not chain to a trusted certificate"
            )
    return report


def _document_id(reader) -> str:  # type: ignore[no-untyped-def]
    try:
        info = reader.trailer_view["/Info"]
        return str(info.get("/Keywords", ""))
    except (KeyError, TypeError):
        return ""


def _name(cert) -> str:  # type: ignore[no-untyped-def]
    try:
        names = cert.subject.native
        parts = [names.get("common_name"), names.get("organization_name")]
        return ", ".join(str(p) for p in parts if p)
    except Exception:
        return ""


def _self_signed(cert) -> bool:  # type: ignore[no-untyped-def]
    try:
        return bool(cert.self_signed)
    except Exception:
        return False
