"""The signed attributes of our PAdES signatures, the certificate's part built once.

A PAdES signature signs three attributes: the content type and the digest of the document
(pyHanko adds those two itself) and the ESS signing-certificate-v2 attribute, which names
the certificate. pyHanko builds that last one afresh for every signature, and asn1crypto
encodes a freshly built value again each time an enclosing value asks for its bytes (a DER
header asks once more for the length), so the cost doubles with every level of nesting:
3.6 ms of each ~15 ms signature, for a value that depends on the certificate alone. Here it
is built once per opened certificate and read back from its DER, which asn1crypto keeps.

The set is what pyHanko's own ``CAdESSignedAttributeProviderSpec`` gives a PAdES signature
when no CAdES extras (commitment type, signer attributes, content timestamp) are asked for,
and ``sign.py`` asks for none; a test compares the two.
"""

from __future__ import annotations

from collections.abc import Iterator

from asn1crypto import tsp, x509
from pyhanko.sign.attributes import CMSAttributeProvider, SignedAttributeProviderSpec
from pyhanko.sign.general import as_signing_certificate_v2


class _SigningCertificateV2(CMSAttributeProvider):
    """The signing-certificate-v2 attribute, from a value made beforehand."""

    attribute_type = "signing_certificate_v2"

    def __init__(self, value: tsp.SigningCertificateV2) -> None:
        self.value = value

    async def build_attr_value(self, dry_run: bool = False) -> tsp.SigningCertificateV2:
        return self.value


class PadesSignedAttributes(SignedAttributeProviderSpec):
    """Signed attributes for PAdES baseline signatures by one certificate."""

    def __init__(self, certificate: x509.Certificate) -> None:
        self.signing_certificate = tsp.SigningCertificateV2.load(
            as_signing_certificate_v2(certificate).dump()
        )

    def signed_attr_providers(
        self, data_digest: bytes, digest_algorithm: str
    ) -> Iterator[CMSAttributeProvider]:
        """Everything but the content type and digest, which pyHanko adds itself."""
        yield _SigningCertificateV2(self.signing_certificate)
