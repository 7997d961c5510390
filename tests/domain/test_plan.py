"""The plan builder: Visit + Aid -> language-resolved CarePlan, with no rendering."""

from __future__ import annotations

import datetime as dt

import pytest

from sdm_app.domain.clinic import Clinic
from sdm_app.domain.plan import PlanMismatchError, build_care_plan
from sdm_app.domain.visit import AidRef, Decision, DecisionStatus, Importance, Visit
from tests.helpers import filled_visit, test_aid


def test_plan_in_the_patients_language() -> None:
    loaded = test_aid()
    assert loaded.aid is not None
    plan = build_care_plan(loaded.aid, filled_visit(loaded, "es"), content_hash=loaded.content_hash)
    assert plan.language == "es"
    assert plan.question == "¿Debo tomar la pastilla?"
    assert plan.chosen is not None and plan.chosen.name == "Tomar la pastilla"
    assert [o.chosen for o in plan.options] == [True, False]
    assert plan.rows[0].cells[0].outcome is not None
    assert (plan.rows[0].cells[0].outcome.events, plan.rows[0].cells[0].outcome.per) == (7, 100)
    assert plan.rows[0].event == "se enferman"
    assert not plan.aid.uses_fallback_text
    assert plan.aid.translation is not None and plan.aid.translation.value == "drafted"


def test_language_override_and_fallback() -> None:
    loaded = test_aid()
    assert loaded.aid is not None
    plan = build_care_plan(
        loaded.aid, filled_visit(loaded, "es"), "fr", content_hash=loaded.content_hash
    )
    assert plan.language == "fr"
    assert plan.question == "Should I take the pill?"  # French falls back to the default
    assert plan.aid.uses_fallback_text


def test_priorities_most_important_first_and_own_words_kept() -> None:
    loaded = test_aid()
    assert loaded.aid is not None
    visit = filled_visit(loaded)
    visit.ratings = {"avoid-pills": Importance.somewhat, "avoid-sickness": Importance.very}
    plan = build_care_plan(loaded.aid, visit, content_hash=loaded.content_hash)
    assert [p.prompt for p in plan.priorities] == ["Avoiding getting sick", "Not taking pills"]
    assert plan.own_priorities == ["Walk my dog every day"]
    assert plan.reasons == "I want to stay well for my family"
    assert [(f.option_id, f.points, f.possible) for f in plan.fits] == [
        ("pill", 6, 10),
        ("wait", 7, 10),
    ]


def test_concerns_bring_their_questions_and_resources() -> None:
    loaded = test_aid()
    assert loaded.aid is not None
    plan = build_care_plan(loaded.aid, filled_visit(loaded), content_hash=loaded.content_hash)
    [concern] = plan.concerns
    assert concern.label == "Cost" and concern.note == "Money is tight 50% of months"
    assert concern.questions == ["Can I afford it?"]
    assert concern.resources[0].title == "Financial counsellor"


def test_decide_later() -> None:
    loaded = test_aid()
    assert loaded.aid is not None
    visit = filled_visit(loaded)
    visit.decision = Decision(status=DecisionStatus.decide_later, decide_by=dt.date(2027, 1, 5))
    plan = build_care_plan(loaded.aid, visit, content_hash=loaded.content_hash)
    assert plan.chosen is None and plan.decide_by == dt.date(2027, 1, 5)


def test_document_id_is_stable_and_changes_with_content() -> None:
    loaded = test_aid()
    assert loaded.aid is not None
    visit = filled_visit(loaded)
    a = build_care_plan(loaded.aid, visit, content_hash=loaded.content_hash)
    b = build_care_plan(loaded.aid, visit, content_hash=loaded.content_hash)
    assert a.document_id == b.document_id and a.document_id.startswith("SDM-")
    visit.decision.reasons = "changed"
    c = build_care_plan(loaded.aid, visit, content_hash=loaded.content_hash)
    assert c.document_id != a.document_id


def test_review_overdue() -> None:
    loaded = test_aid()
    assert loaded.aid is not None
    visit = filled_visit(loaded)
    early = build_care_plan(
        loaded.aid, visit, content_hash=loaded.content_hash, today=dt.date(2026, 6, 1)
    )
    late = build_care_plan(
        loaded.aid, visit, content_hash=loaded.content_hash, today=dt.date(2027, 6, 1)
    )
    assert not early.aid.review_overdue and late.aid.review_overdue


def test_clinic_details_come_from_the_caller() -> None:
    loaded = test_aid()
    assert loaded.aid is not None
    clinic = Clinic(name="Riverside Clinic", phone="555-0100")
    plan = build_care_plan(
        loaded.aid, filled_visit(loaded), content_hash=loaded.content_hash, clinic=clinic
    )
    assert plan.clinic.name == "Riverside Clinic"


def test_refuses_a_visit_made_with_other_content() -> None:
    loaded = test_aid()
    assert loaded.aid is not None
    visit = filled_visit(loaded)
    visit.aid = AidRef(id="test-aid", version="1.0", content_hash="b" * 64)
    with pytest.raises(PlanMismatchError, match=r"was made with aid test-aid 1\.0"):
        build_care_plan(loaded.aid, visit, content_hash=loaded.content_hash)


def test_empty_visit_still_builds() -> None:
    loaded = test_aid()
    assert loaded.aid is not None
    plan = build_care_plan(loaded.aid, Visit(), content_hash=loaded.content_hash)
    assert plan.decision_status is DecisionStatus.undecided
    assert plan.priorities == [] and plan.next_steps == []
