"""The order of an encounter, and what a plan truly needs before it can be exported.

The steps follow Elwyn's three-talk model: team talk (start, choose), option talk
(options, compare), decision talk (values, costs, decide, plan), then review.
Nothing is required except what export needs; everything else is a gentle note.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sdm_app.domain.messages import N_
from sdm_app.domain.steps import Step
from sdm_app.domain.visit import CostWorry, DecisionStatus, NextStep, Visit

if TYPE_CHECKING:  # annotations only: the aid models are not needed to start the app
    from sdm_app.domain.aid import DecisionAid


@dataclass(frozen=True)
class Missing:
    """Something to fill in, the step where it is, and whether export needs it."""

    step: Step
    field: str
    message: str  # English, marked with N_; translate where shown
    blocking: bool = True


def missing_for_export(visit: Visit, aid: DecisionAid | None) -> list[Missing]:
    """What is still missing, in step order; only ``blocking`` items stop an export."""
    out: list[Missing] = []
    if not visit.patient.display_name.strip():
        out.append(Missing(Step.start, "patient.display_name", N_("The patient's name")))
    if visit.guide is not None and not visit.guide.usable:
        out.append(
            Missing(Step.choose, "guide", N_("The decision and at least two options in the guide"))
        )
    elif aid is None:
        out.append(Missing(Step.choose, "aid", N_("The decision to talk about")))
    status = visit.decision.status
    if status is DecisionStatus.undecided:
        out.append(
            Missing(Step.decide, "decision", N_("A choice, or an agreement to decide later"))
        )
    elif (
        status is DecisionStatus.chosen
        and aid is not None
        and visit.decision.option_id not in {o.id for o in aid.options}
    ):
        out.append(Missing(Step.decide, "decision.option_id", N_("The option chosen")))
    if visit.cost.worry is CostWorry.yes and not visit.cost.help_agreed:
        out.append(
            Missing(
                Step.costs, "cost.help_agreed", N_("Help agreed for the cost worry"), blocking=False
            )
        )
    if not visit.sure.answered:
        out.append(Missing(Step.decide, "sure", N_("The four SURE questions"), blocking=False))
    if not visit.teach_back.done:
        out.append(Missing(Step.decide, "teach_back", N_("Teach-back"), blocking=False))
    if status is not DecisionStatus.undecided and not visit.next_steps:
        out.append(Missing(Step.plan, "next_steps", N_("Next steps"), blocking=False))
    return out


def unreviewed_translation(aid: DecisionAid | None, language: str) -> bool:
    """Whether the aid's text in ``language`` has not been reviewed by a medical translator."""
    if aid is None:
        return False
    status = aid.evidence.translations.get(language) or aid.evidence.translations.get(
        language.split("-")[0]
    )
    return status is None or status.status.value in ("drafted", "machine")


def can_export(visit: Visit, aid: DecisionAid | None) -> bool:
    """Whether nothing blocking is missing."""
    return not any(m.blocking for m in missing_for_export(visit, aid))


def suggested_steps(
    aid: DecisionAid, option_id: str, language: str, visit_date: dt.date
) -> list[NextStep]:
    """The aid's next steps for an option, in ``language``, dated from the visit."""
    return [
        NextStep(
            what=aid.text(step.what, language),
            who=step.who,
            when=visit_date + dt.timedelta(days=step.after_days)
            if step.after_days is not None
            else None,
        )
        for step in aid.option(option_id).next_steps
    ]


def clear_aid_answers(visit: Visit) -> None:
    """Forget what was said about one aid's content when another aid is chosen."""
    visit.ratings = {}
    visit.concerns = []
    visit.cost.help_agreed = []
    visit.decision.status = DecisionStatus.undecided
    visit.decision.option_id = None
    visit.next_steps = []
    visit.guide = None
