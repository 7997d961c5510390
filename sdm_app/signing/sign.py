"""Sign a plan PDF: PAdES baseline B-B (B-T when a timestamp server is set), visible stamp."""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass
from pathlib import Path

from sdm_app.signing.keystore import SigningError

log = logging.getLogger(__name__)

FIELD_NAME = "ClinicSignature"


@dataclass(frozen=True)
class Stamp:
    """Where the visible signature goes: page (from 1) and box in points."""

    page: int
    box: tuple[float, float, float, float]


def sign_pdf(
    pdf: bytes,
    certificate: Path,
    passphrase: str,
    *,
    stamp: Stamp | None = None,
    reason: str = "Shared care plan",
    location: str = "",
    timestamp_url: str = "",
    document_id: str = "",
) -> bytes:
    """The PDF with a signature over the whole file, by the key in ``certificate`` (PKCS#12)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields
    from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata, PdfSigner

    if not certificate.is_file():
        raise SigningError(f"{certificate}: the signing certificate is missing")
    opened = _load_signer(certificate, passphrase)
    signer = opened.signer
    writer = _writer_for(IncrementalPdfFileWriter, pdf)
    field_spec = None
    style = None
    if stamp is not None and stamp.page > 0:
        field_spec = fields.SigFieldSpec(FIELD_NAME, on_page=stamp.page - 1, box=stamp.box)
        from sdm_app.signing.appearance import stamp_style

        style = stamp_style(stamp.box, signer.subject_name or "", document_id)
    timestamper = None
    if timestamp_url:
        from pyhanko.sign.timestamps import HTTPTimeStamper

        timestamper = HTTPTimeStamper(timestamp_url)
    meta = PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location or None,
        use_pades_lta=False,
    )
    pdf_signer = PdfSigner(
        meta, signer=signer, stamp_style=style, new_field_spec=field_spec, timestamper=timestamper
    )
    try:
        # The space for the signature is measured once per certificate (see _OpenedSigner);
        # a timestamp token's size varies, so with a timestamp server pyHanko measures each time.
        reserved = None if timestamper is not None else opened.reserved_bytes()
        out = pdf_signer.sign_pdf(writer, bytes_reserved=reserved)
    except Exception as exc:  # e.g. a timestamp server that cannot be reached
        raise SigningError(f"the plan could not be signed ({type(exc).__name__}: {exc})") from None
    return out.getvalue()


def _writer_for(base, pdf: bytes):  # type: ignore[no-untyped-def]
    """pyHanko's incremental writer over ``pdf``, finding a page by reading that page alone
    when the page tree is flat, as ReportLab writes it.

    pyHanko finds the page for the stamp by reading every page before it (a page tree may
    nest, and only a page's own dictionary says whether it is one): with the stamp on a
    plan's last page, that was ~1 ms of the ~8 ms a signature takes. The shortcut is taken
    only for our own plans (producer "sdm-app"), when the root has as many kids as the
    document has pages and the kid found is a page: then it is the page asked for. (In a tree
    made elsewhere an empty branch beside a fuller one could break that rule; any other PDF
    gets pyHanko's walk.)
    """

    class PlanWriter(base):  # type: ignore[misc, valid-type]
        def find_page_for_modification(self, page_ix):  # type: ignore[no-untyped-def]
            from pyhanko.pdf_utils import generic

            pages = self.root["/Pages"]
            kids = pages["/Kids"]
            info = self.trailer_view.get("/Info")
            producer = info.get_object().get("/Producer") if info is not None else None
            if producer == PRODUCER and pages["/Count"] == len(kids) and 0 <= page_ix < len(kids):
                reference = kids.raw_get(page_ix)
                page = reference.get_object()
                if isinstance(reference, generic.IndirectObject) and page["/Type"] == "/Page":
                    for node in (page, pages):  # the page's own, else inherited from the root
                        if "/Resources" in node:
                            return reference, node.raw_get("/Resources")
                    return reference, generic.DictionaryObject()
            return super().find_page_for_modification(page_ix)

    return PlanWriter(io.BytesIO(pdf))


#: The producer our plans carry (``sdm_app.pdf.render``): only their page trees are known flat.
PRODUCER = "sdm-app"


class _OpenedSigner:
    """A certificate opened for signing, and the space its signatures need in a PDF.

    Left to itself, pyHanko makes every signature twice: a dry run with a dummy digest to
    measure how much room to reserve in the file, then the real one (a third of the time
    signing takes). The size depends on the certificate, not on the document, so the dry run
    is done once here, exactly as pyHanko does it (same call, same 50 % margin).
    """

    def __init__(self, signer) -> None:  # type: ignore[no-untyped-def]
        self.signer = signer
        self._reserved: int | None = None

    def reserved_bytes(self) -> int:
        """Room for the signature in the PDF (hex digits, as pyHanko counts them)."""
        if self._reserved is None:
            self._reserved = _measure_signature(self.signer)
        return self._reserved


def _measure_signature(signer) -> int:  # type: ignore[no-untyped-def]
    import asyncio
    import datetime as dt

    from cryptography.hazmat.primitives import hashes
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    dummy = hashes.Hash(hashes.SHA256()).finalize()
    cms = asyncio.run(
        signer.async_sign(
            dummy,
            "sha256",
            dry_run=True,
            use_pades=True,
            signed_attr_settings=PdfCMSSignedAttributes(signing_time=dt.datetime.now(dt.UTC)),
        )
    )
    hex_length = len(cms.dump()) * 2  # the CMS is embedded as a hexadecimal string
    return hex_length + 2 * (hex_length // 4)  # pyHanko's margin for a non-tight estimate


#: Signers opened this session, by certificate file (path, size, times, inode) and a hash
#: of the passphrase: opening a PKCS#12 file is ~8 ms of each export's ~35 ms of signing. The
#: app already keeps the passphrase in memory for the session, so this holds nothing new.
_SIGNERS: dict[tuple[str, int, int, int, int, bytes], _OpenedSigner] = {}


def _load_signer(certificate: Path, passphrase: str) -> _OpenedSigner:
    stat = certificate.stat()
    key = (
        str(certificate.resolve()),
        stat.st_size,
        stat.st_mtime_ns,
        stat.st_ctime_ns,
        stat.st_ino,
        hashlib.sha256(passphrase.encode()).digest(),
    )
    signer = _SIGNERS.get(key)
    if signer is None:
        signer = _OpenedSigner(_open_signer(certificate, passphrase))
        _SIGNERS.clear()  # one certificate at a time
        _SIGNERS[key] = signer
    return signer


def _open_signer(certificate: Path, passphrase: str):  # type: ignore[no-untyped-def]
    from pyhanko.sign import signers

    logging.getLogger("pyhanko.sign.signers.pdf_cms").setLevel(logging.CRITICAL)
    try:
        signer = signers.SimpleSigner.load_pkcs12(
            pfx_file=str(certificate), passphrase=passphrase.encode()
        )
    except Exception:
        signer = None
    if signer is None:
        raise SigningError(
            f"{certificate}: the passphrase is wrong, or the file is not a PKCS#12 certificate"
        )
    from sdm_app.signing.attributes import PadesSignedAttributes

    signer.signed_attr_prov_spec = PadesSignedAttributes(signer.signing_cert)
    return signer
