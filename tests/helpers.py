"""Shared test helpers: a filled-in visit for the test aid, and PDF reading."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from sdm_app.content.loader import LoadedAid, load_aid
from sdm_app.domain.visit import (
    AidRef,
    ConcernNote,
    CostWorry,
    Decision,
    DecisionStatus,
    Importance,
    NextStep,
    SureAnswers,
    Visit,
)
from tests.conftest import GOOD_AID


def test_aid() -> LoadedAid:
    loaded = load_aid(GOOD_AID)
    assert loaded.aid is not None
    return loaded


test_aid.__test__ = False  # type: ignore[attr-defined]


def filled_visit(loaded: LoadedAid, language: str = "en") -> Visit:
    """A visit where everything was discussed, with awkward characters in the free text."""
    assert loaded.aid is not None
    visit = Visit(created=dt.datetime(2026, 11, 23, 10, 30, tzinfo=dt.UTC))
    visit.patient.display_name = "Ana <Test> & Co"
    visit.patient.language = language
    visit.clinician.name = "Dr. Rivera"
    visit.aid = AidRef(
        id=loaded.aid.id, version=loaded.aid.version, content_hash=loaded.content_hash
    )
    visit.ratings = {"avoid-sickness": Importance.very, "avoid-pills": Importance.somewhat}
    visit.own_priorities = ["Walk my dog every day"]
    visit.concerns = [ConcernNote(concern_id="cost", note="Money is tight 50% of months")]
    visit.cost.worry = CostWorry.yes
    visit.cost.help_agreed = ["Use the generic"]
    visit.decision = Decision(
        status=DecisionStatus.chosen, option_id="pill", reasons="I want to stay well for my family"
    )
    visit.sure = SureAnswers(sure=True, understand=True, risk_benefit=True, encouragement=True)
    visit.teach_back.done = True
    visit.teach_back.patient_words = "One pill a day"
    visit.next_steps = [NextStep(what="Pick up the pill", when=dt.date(2026, 11, 25))]
    visit.follow_up.date = dt.date(2027, 2, 20)
    visit.follow_up.with_whom = "Dr. Rivera"
    return visit


def pdf_text(data: bytes) -> str:
    """All text of a PDF, pages joined, whitespace folded."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def pdf_fonts(data: bytes) -> set[tuple[str, bool]]:
    """(base font name, embedded?) for every font used on any page, in form XObjects and in
    annotation appearances (a signature's visible stamp) too."""
    reader = PdfReader(io.BytesIO(data))
    fonts: set[tuple[str, bool]] = set()
    seen: set[int] = set()

    def walk(resources: object) -> None:
        resources = resources.get_object() if hasattr(resources, "get_object") else resources
        if not resources or id(resources) in seen:
            return
        seen.add(id(resources))
        for font in resources.get("/Font", {}).values():  # type: ignore[attr-defined]
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            fonts.add((str(font["/BaseFont"]), embedded))
        for xobject in resources.get("/XObject", {}).values():  # type: ignore[attr-defined]
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
                walk(xobject["/Resources"])

    for page in reader.pages:
        walk(page["/Resources"])
        for annot in page.get("/Annots", []):
            normal = annot.get_object().get("/AP", {}).get("/N")
            if normal is not None and "/Resources" in normal.get_object():
                walk(normal.get_object()["/Resources"])
    return fonts


def pdf_body_size(data: bytes) -> float:
    """The font size (pt) that carries the most characters: the body text size."""
    reader = PdfReader(io.BytesIO(data))
    counts: dict[float, int] = {}

    def visit(text: str, cm: object, tm: list[float], font: object, size: float) -> None:
        scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 or 1.0
        key = round(size * scale, 1)
        counts[key] = counts.get(key, 0) + len(text.strip())

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return max(counts, key=lambda k: counts[k])
