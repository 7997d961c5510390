"""The steps of a visit, in order, and their titles.

Apart from :mod:`sdm_app.domain.flow` (what each step needs) so that the window's frame can
be drawn before the visit models, and pydantic with them, are imported.
"""

from __future__ import annotations

from enum import StrEnum

from sdm_app.domain.messages import N_


class Step(StrEnum):
    """The steps of a visit, in order."""

    start = "start"
    choose = "choose"
    options = "options"
    compare = "compare"
    values = "values"
    costs = "costs"
    decide = "decide"
    plan = "plan"
    review = "review"


STEPS: tuple[Step, ...] = tuple(Step)

STEP_TITLES: dict[Step, str] = {
    Step.start: N_("New visit"),
    Step.choose: N_("Choose the decision"),
    Step.options: N_("The options"),
    Step.compare: N_("Compare"),
    Step.values: N_("What matters to you"),
    Step.costs: N_("Costs and concerns"),
    Step.decide: N_("Decide"),
    Step.plan: N_("Plan"),
    Step.review: N_("Review and export"),
}
