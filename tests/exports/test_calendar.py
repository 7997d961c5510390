"""The calendar file parses, with one event per dated step and the follow-up."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from sdm_app.domain.clinic import Clinic
from sdm_app.domain.plan import build_care_plan
from sdm_app.domain.visit import Decision, DecisionStatus
from sdm_app.exports.calendar import build_calendar
from tests.helpers import filled_visit, test_aid


def test_events_parse_in_the_patients_language() -> None:
    loaded = test_aid()
    assert loaded.aid is not None
    plan = build_care_plan(
        loaded.aid,
        filled_visit(loaded, "es"),
        content_hash=loaded.content_hash,
        clinic=Clinic(name="Clínica Riverside", phone="555-0100", address="1 Main St"),
    )
    calendar = Calendar.from_ical(build_calendar(plan))
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert [(str(e["summary"]), e.decoded("dtstart")) for e in events] == [
        ("Pick up the pill", dt.date(2026, 11, 25)),
        ("Próxima cita", dt.date(2027, 2, 20)),
    ]
    assert events[0]["summary"].params["LANGUAGE"] == "es"
    assert "Clínica Riverside 555-0100" in str(events[0]["description"])
    assert str(events[0]["location"]) == "1 Main St"
    assert len({str(e["uid"]) for e in events}) == 2
    assert all(any(c.name == "VALARM" for c in e.subcomponents) for e in events)


def test_deciding_later_puts_the_date_in() -> None:
    loaded = test_aid()
    assert loaded.aid is not None
    visit = filled_visit(loaded)
    visit.decision = Decision(status=DecisionStatus.decide_later, decide_by=dt.date(2027, 1, 5))
    visit.next_steps = []
    visit.follow_up.date = None
    plan = build_care_plan(loaded.aid, visit, content_hash=loaded.content_hash)
    events = [c for c in Calendar.from_ical(build_calendar(plan)).walk() if c.name == "VEVENT"]
    assert [e.decoded("dtstart") for e in events] == [dt.date(2027, 1, 5)]
