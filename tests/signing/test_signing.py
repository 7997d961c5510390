"""Signing and verifying plans: round trip, tampering, bad input, passphrases."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from sdm_app.cli.main import main
from sdm_app.content.visit_file import save_visit
from sdm_app.pdf.render import render_plan_checked
from sdm_app.signing.keystore import SigningError, certificate_pem, create_local_certificate
from sdm_app.signing.sign import Stamp, sign_pdf
from sdm_app.signing.verify import UnreadablePdfError, verify_pdf
from tests.conftest import GOOD_AID
from tests.helpers import filled_visit, pdf_fonts, test_aid
from tests.pdf.test_render import plan

PASSPHRASE = "correct horse battery"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("cert")
    p12 = create_local_certificate(folder / "clinic.p12", PASSPHRASE, "Riverside Clinic")
    pem = folder / "clinic.pem"
    pem.write_bytes(certificate_pem(p12, PASSPHRASE))
    return p12, pem


@pytest.fixture(scope="module")
def signed(certificate: tuple[Path, Path]) -> tuple[bytes, str]:
    care_plan = plan("en")
    rendered = render_plan_checked(care_plan)
    data = sign_pdf(
        rendered.pdf,
        certificate[0],
        PASSPHRASE,
        stamp=Stamp(rendered.stamp.page, rendered.stamp.box),
        document_id=care_plan.document_id,
    )
    return data, care_plan.document_id


def test_local_certificate_is_private_and_named_as_self_signed(
    certificate: tuple[Path, Path],
) -> None:
    p12, pem = certificate
    assert (p12.stat().st_mode & 0o777) == 0o600
    assert b"BEGIN CERTIFICATE" in pem.read_bytes()
    assert b"PRIVATE KEY" not in p12.read_bytes()  # the key is encrypted inside the PKCS#12


def test_round_trip(signed: tuple[bytes, str], certificate: tuple[Path, Path]) -> None:
    data, document_id = signed
    report = verify_pdf(data)
    assert report.ok and report.intact and report.covers_whole_file
    assert "sdm-app local clinic certificate (self-signed)" in report.signer
    assert report.signing_time is not None
    assert report.document_id == document_id
    assert not report.trusted and "--trust" in report.trust_problem
    trusted = verify_pdf(data, [certificate[1]])
    assert trusted.ok and trusted.trusted


def test_visible_stamp_and_embedded_fonts(signed: tuple[bytes, str]) -> None:
    data, _ = signed
    reader = PdfReader(io.BytesIO(data))
    widgets = [
        annot.get_object()
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if annot.get_object().get("/FT") == "/Sig"
    ]
    assert len(widgets) == 1
    rect = [float(v) for v in widgets[0]["/Rect"]]
    assert rect[2] - rect[0] > 100 and rect[3] - rect[1] > 20  # visible, not a hidden field
    assert all(embedded for _, embedded in pdf_fonts(data))


def test_one_changed_byte_is_reported(signed: tuple[bytes, str]) -> None:
    data, _ = signed
    position = (
        data.index(b"Your shared care plan") if b"Your shared care plan" in data else len(data) // 3
    )
    tampered = bytearray(data)
    tampered[position] ^= 0x01
    report = verify_pdf(bytes(tampered))
    assert not report.ok and not report.intact


def test_appended_update_is_reported_even_if_it_only_rewrites_the_info(
    signed: tuple[bytes, str],
) -> None:
    data, _ = signed
    writer = PdfWriter(io.BytesIO(data), incremental=True)
    writer.add_metadata({"/Title": "Something else"})
    out = io.BytesIO()
    writer.write(out)
    updated = out.getvalue()
    assert updated.startswith(data) and len(updated) > len(data)
    report = verify_pdf(updated)
    assert report.intact and not report.covers_whole_file and not report.ok
    assert "changed after signing" in report.problems[0]


def test_unsigned_and_non_pdf() -> None:
    unsigned = render_plan_checked(plan("en")).pdf
    report = verify_pdf(unsigned)
    assert not report.signed and not report.ok and report.document_id.startswith("SDM-")
    with pytest.raises(UnreadablePdfError):
        verify_pdf(b"hello, not a pdf")


def test_wrong_passphrase_is_a_clean_error(certificate: tuple[Path, Path]) -> None:
    pdf = render_plan_checked(plan("en")).pdf
    with pytest.raises(SigningError, match="passphrase is wrong"):
        sign_pdf(pdf, certificate[0], "not the passphrase")


def test_short_passphrase_refused(tmp_path: Path) -> None:
    with pytest.raises(SigningError, match="at least 8"):
        create_local_certificate(tmp_path / "c.p12", "short")


def test_cli_export_signed_then_verify(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    visit = tmp_path / "visit.yaml"
    save_visit(filled_visit(test_aid()), visit)
    pdf = tmp_path / "plan.pdf"
    monkeypatch.setenv("SDM_TEST_PASSPHRASE", PASSPHRASE)
    code = main(
        [
            "export",
            str(visit),
            "-o",
            str(pdf),
            "--aids",
            str(GOOD_AID.parent),
            "--sign",
            "--passphrase-env",
            "SDM_TEST_PASSPHRASE",
            "--chart-lang",
            "es",
        ]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.err.count("Created a local, self-signed clinic certificate") == 1
    assert PASSPHRASE not in captured.err + captured.out
    assert main(["verify", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "INTACT" in out and "Signed by:    sdm-app local clinic certificate (self-signed)" in out
    assert "Document ID:  SDM-" in out and "Trusted:      no" in out
    # the chart copy is signed too, by the same certificate, under its own document ID
    assert main(["verify", str(tmp_path / "plan.chart-es.pdf")]) == 0
    chart_out = capsys.readouterr().out
    assert "INTACT" in chart_out and "local clinic certificate" in chart_out
    ids = [line for line in (out + chart_out).splitlines() if "Document ID:" in line]
    assert len(ids) == 2 and ids[0] != ids[1]
    monkeypatch.setenv("SDM_TEST_PASSPHRASE", "wrong passphrase!")
    code = main(
        [
            "export",
            str(visit),
            "-o",
            str(tmp_path / "again.pdf"),
            "--aids",
            str(GOOD_AID.parent),
            "--sign",
            "--passphrase-env",
            "SDM_TEST_PASSPHRASE",
        ]
    )
    assert code == 1 and "passphrase is wrong" in capsys.readouterr().err
    assert not (tmp_path / "again.pdf").exists()


def test_cli_verify_exit_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], signed: tuple[bytes, str]
) -> None:
    unsigned = tmp_path / "unsigned.pdf"
    unsigned.write_bytes(render_plan_checked(plan("en")).pdf)
    assert main(["verify", str(unsigned)]) == 1
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"\x00\x01 not a pdf")
    assert main(["verify", str(garbage)]) == 2
    assert main(["verify", str(tmp_path / "missing.pdf")]) == 2
    tampered = bytearray(signed[0])
    tampered[len(tampered) // 3] ^= 0x01
    (tmp_path / "tampered.pdf").write_bytes(bytes(tampered))
    assert main(["verify", str(tmp_path / "tampered.pdf")]) == 1
    assert "MODIFIED" in capsys.readouterr().out


def test_an_opened_certificate_is_reused_only_while_file_and_passphrase_match(
    tmp_path: Path,
) -> None:
    def pem(p12: Path, name: str) -> Path:
        out = tmp_path / name
        out.write_bytes(certificate_pem(p12, PASSPHRASE))
        return out

    pdf = render_plan_checked(plan("en")).pdf
    p12 = create_local_certificate(tmp_path / "clinic.p12", PASSPHRASE, "First Clinic")
    first_pem = pem(p12, "first.pem")
    first = sign_pdf(pdf, p12, PASSPHRASE)
    assert verify_pdf(first, [first_pem]).trusted
    with pytest.raises(SigningError):
        sign_pdf(pdf, p12, "not the passphrase")  # a wrong passphrase never rides on the cache
    p12.unlink()
    create_local_certificate(p12, PASSPHRASE, "Second Clinic")  # same path, new certificate
    second_pem = pem(p12, "second.pem")
    second = sign_pdf(pdf, p12, PASSPHRASE)
    assert verify_pdf(second, [second_pem]).trusted
    assert not verify_pdf(second, [first_pem]).trusted


def _rsa_certificate(path: Path, bits: int) -> Path:
    """A clinic's own PKCS#12 with an RSA key (the local certificate is EC P-256)."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Hillside Family Practice " * 2)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"clinic",
            key,
            cert,
            None,
            serialization.BestAvailableEncryption(PASSPHRASE.encode()),
        )
    )
    return path


def test_the_room_for_a_signature_is_measured_once_per_certificate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sdm_app.signing.sign as sign_module

    measured: list[int] = []
    measure = sign_module._measure_signature

    def counting(signer: object) -> int:
        measured.append(measure(signer))
        return measured[-1]

    monkeypatch.setattr(sign_module, "_measure_signature", counting)
    rendered = render_plan_checked(plan("en"))
    stamp = Stamp(rendered.stamp.page, rendered.stamp.box)
    for p12 in (
        create_local_certificate(tmp_path / "local.p12", PASSPHRASE, "Riverside Clinic"),
        _rsa_certificate(tmp_path / "rsa.p12", 4096),  # a larger signature: still fits
    ):
        first = sign_pdf(rendered.pdf, p12, PASSPHRASE, stamp=stamp)
        second = sign_pdf(rendered.pdf, p12, PASSPHRASE, stamp=stamp)
        for data in (first, second):
            report = verify_pdf(data)
            assert report.ok and report.intact and report.covers_whole_file
    assert len(measured) == 2  # once for each certificate, not once for each signature
    assert measured[1] > measured[0]


def test_signed_attributes_are_those_pyhanko_gives_a_pades_signature(
    certificate: tuple[Path, Path], signed: tuple[bytes, str]
) -> None:
    """The signing-certificate attribute is built once per certificate
    (`sdm_app/signing/attributes.py`); the attributes signed must not change for it."""
    import asyncio
    import hashlib

    from asn1crypto import cms
    from pyhanko.sign.signers import SimpleSigner

    import sdm_app.signing.sign as sign_module
    from sdm_app.signing.attributes import PadesSignedAttributes

    ours = sign_module._open_signer(certificate[0], PASSPHRASE)
    assert isinstance(ours.signed_attr_prov_spec, PadesSignedAttributes)
    plain = SimpleSigner.load_pkcs12(str(certificate[0]), passphrase=PASSPHRASE.encode())
    assert plain is not None and plain.signed_attr_prov_spec is None
    digest = hashlib.sha256(b"the plan").digest()
    for _ in range(2):  # the value made once serves every signature
        attributes = [
            asyncio.run(signer.signed_attrs(digest, "sha256", use_pades=True)).dump()
            for signer in (ours, plain)
        ]
        assert attributes[0] == attributes[1]
    # And in a signed plan: exactly these three, the certificate named by its hash.
    data, _ = signed
    contents = data[data.rindex(b"/Contents <") + 11 :]
    info = cms.ContentInfo.load(bytes.fromhex(contents[: contents.index(b">")].decode()))
    signer_info = info["content"]["signer_infos"][0]
    types = [attribute["type"].native for attribute in signer_info["signed_attrs"]]
    assert sorted(types) == ["content_type", "message_digest", "signing_certificate_v2"]
    (value,) = next(
        attribute["values"]
        for attribute in signer_info["signed_attrs"]
        if attribute["type"].native == "signing_certificate_v2"
    )
    certificate_der = plain.signing_cert.dump()
    assert value["certs"][0]["cert_hash"].native == hashlib.sha256(certificate_der).digest()


def _signature_pages(data: bytes) -> list[int]:
    reader = PdfReader(io.BytesIO(data))
    return [
        number
        for number, page in enumerate(reader.pages, start=1)
        for annot in page.get("/Annots", [])
        if annot.get_object().get("/FT") == "/Sig"
    ]


def test_the_stamp_page_is_found_without_reading_the_pages_before_it(
    certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Our plans' page trees are flat, so the stamp's page is read alone
    (`sdm_app/signing/sign.py` `_writer_for`); any other PDF gets pyHanko's own walk."""
    from pyhanko.pdf_utils.rw_common import PdfHandler

    walked: list[int] = []
    walk = PdfHandler._walk_page_tree

    def counting(self: PdfHandler, page_ix: int, retrieve_parent: bool) -> object:
        walked.append(page_ix)
        return walk(self, page_ix, retrieve_parent)

    monkeypatch.setattr(PdfHandler, "_walk_page_tree", counting)
    care_plan = plan("en")
    rendered = render_plan_checked(care_plan)
    assert rendered.pages >= 3 and rendered.stamp.page > 1
    reader = PdfReader(io.BytesIO(rendered.pdf))
    assert reader.metadata is not None and reader.metadata.producer == "sdm-app"
    root = reader.trailer["/Root"]["/Pages"]
    assert root["/Count"] == len(root["/Kids"]) == rendered.pages  # flat, as ReportLab writes
    stamp = Stamp(rendered.stamp.page, rendered.stamp.box)
    data = sign_pdf(rendered.pdf, certificate[0], PASSPHRASE, stamp=stamp)
    assert _signature_pages(data) == [rendered.stamp.page]
    assert rendered.stamp.page - 1 not in walked  # (the stamp's own one-page PDF is walked)
    assert verify_pdf(data).ok

    # the same pages from another producer: pyHanko's walk, the same page
    rewritten = PdfWriter(clone_from=PdfReader(io.BytesIO(rendered.pdf)))
    rewritten.add_metadata({"/Producer": "another program"})
    out = io.BytesIO()
    rewritten.write(out)
    walked.clear()
    data = sign_pdf(out.getvalue(), certificate[0], PASSPHRASE, stamp=stamp)
    assert _signature_pages(data) == [rendered.stamp.page]
    assert rendered.stamp.page - 1 in walked
