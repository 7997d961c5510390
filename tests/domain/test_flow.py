"""What export truly needs, and the suggested next steps."""

from __future__ import annotations

import datetime as dt

from sdm_app.domain.flow import (
    can_export,
    clear_aid_answers,
    missing_for_export,
    suggested_steps,
)
from sdm_app.domain.steps import Step
from sdm_app.domain.visit import (
    CostWorry,
    Decision,
    DecisionStatus,
    GuideOption,
    PersonalGuide,
    Visit,
)
from tests.helpers import filled_visit, test_aid


def test_empty_visit_lists_what_export_needs_in_step_order() -> None:
    missing = missing_for_export(Visit(), None)
    assert [(m.step, m.field, m.blocking) for m in missing] == [
        (Step.start, "patient.display_name", True),
        (Step.choose, "aid", True),
        (Step.decide, "decision", True),
        (Step.decide, "sure", False),
        (Step.decide, "teach_back", False),
    ]
    assert not can_export(Visit(), None)


def test_filled_visit_can_export() -> None:
    loaded = test_aid()
    visit = filled_visit(loaded)
    assert missing_for_export(visit, loaded.aid) == []
    assert can_export(visit, loaded.aid)


def test_decide_later_is_enough_and_notes_do_not_block() -> None:
    loaded = test_aid()
    visit = Visit()
    visit.patient.display_name = "A"
    visit.decision = Decision(status=DecisionStatus.decide_later)
    visit.cost.worry = CostWorry.yes
    missing = missing_for_export(visit, loaded.aid)
    assert all(not m.blocking for m in missing)
    assert "cost.help_agreed" in [m.field for m in missing]
    assert can_export(visit, loaded.aid)


def test_chosen_option_must_belong_to_the_aid() -> None:
    loaded = test_aid()
    visit = filled_visit(loaded)
    visit.decision = Decision(status=DecisionStatus.chosen, option_id="not-an-option")
    assert not can_export(visit, loaded.aid)


def test_a_guide_needs_a_decision_and_two_named_options() -> None:
    visit = Visit()
    visit.patient.display_name = "A"
    visit.decision = Decision(status=DecisionStatus.decide_later)
    visit.guide = PersonalGuide(decision="Move?", options=[GuideOption(name="Move"), GuideOption()])
    assert [m.field for m in missing_for_export(visit, None) if m.blocking] == ["guide"]
    visit.guide.options = [GuideOption(name="Move"), GuideOption(name="Stay")]
    assert can_export(visit, test_aid().aid)


def test_suggested_steps_are_dated_from_the_visit() -> None:
    loaded = test_aid()
    assert loaded.aid is not None
    steps = suggested_steps(loaded.aid, "pill", "es", dt.date(2026, 11, 23))
    assert [(s.what, s.when) for s in steps] == [("Recoger la pastilla.", dt.date(2026, 11, 25))]


def test_clear_aid_answers() -> None:
    visit = filled_visit(test_aid())
    clear_aid_answers(visit)
    assert visit.ratings == {} and visit.concerns == [] and visit.next_steps == []
    assert visit.decision.status is DecisionStatus.undecided
    assert visit.patient.display_name  # who the patient is stays
