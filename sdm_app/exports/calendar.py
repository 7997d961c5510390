"""The plan's dated next steps and follow-up as an iCalendar file a phone can import."""

from __future__ import annotations

import datetime as dt

from sdm_app.domain.plan import CarePlan
from sdm_app.i18n import translator
from sdm_app.i18n.phrases import WHO_LABELS


def build_calendar(plan: CarePlan, now: dt.datetime | None = None) -> bytes:
    """An iCalendar (RFC 5545) file: one all-day event per dated step, with a reminder."""
    from icalendar import Alarm, Calendar, Event

    tr = translator(plan.language)
    _ = tr.gettext
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", "-//sdm-app//shared care plan//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", tr.labelled(_("Your shared care plan"), plan.aid.title))
    items = [
        (step.when, step.what, _(WHO_LABELS[step.who])) for step in plan.next_steps if step.when
    ]
    if plan.follow_up_date:
        details = ", ".join(x for x in (plan.follow_up_with, plan.follow_up_how) if x)
        items.append((plan.follow_up_date, _("Follow-up"), details))
    if plan.decide_by:
        items.append((plan.decide_by, _("We agreed to take more time before deciding."), ""))
    for index, (day, summary, who) in enumerate(items):
        event = Event()
        event.add("uid", f"{plan.document_id}-{index}@sdm-app")
        event.add("dtstamp", now)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", summary, parameters={"LANGUAGE": plan.language})
        description = [who] if who else []
        if plan.clinic.name or plan.clinic.phone:
            description.append(" ".join(x for x in (plan.clinic.name, plan.clinic.phone) if x))
        if description:
            event.add("description", "\n".join(description), parameters={"LANGUAGE": plan.language})
        if plan.clinic.address:
            event.add("location", plan.clinic.address)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", dt.timedelta(hours=-15))  # 9 am the day before an all-day event
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
