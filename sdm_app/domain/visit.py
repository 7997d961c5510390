"""What is said in the encounter: the single source of truth the app edits.

A :class:`Visit` is plain data. The app's steps read and write it, autosave
writes it, the plan builder reads it. It names the aid it was made with by id,
version and content hash, so a plan can always say exactly which content it used.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import IntEnum, StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from sdm_app.domain.text import LANGUAGE_CODE_PATTERN
from sdm_app.domain.who import Who

VISIT_FORMAT = 1

Language = Annotated[str, StringConstraints(pattern=LANGUAGE_CODE_PATTERN)]
ShortText = Annotated[str, StringConstraints(max_length=200)]
LongText = Annotated[str, StringConstraints(max_length=4000)]


class VisitModel(BaseModel):
    """Base for visit data: unknown keys are errors; assignments are validated."""

    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, allow_inf_nan=False, defer_build=True
    )


class Patient(VisitModel):
    """Who the plan is for. Only the display name is needed."""

    display_name: ShortText = ""
    birth_date: dt.date | None = None
    record_number: ShortText | None = None
    language: Language = "en"


class Clinician(VisitModel):
    """Who led the conversation."""

    name: ShortText = ""
    role: ShortText | None = None
    language: Language | None = Field(
        default=None, description="Language for the chart copy, if different from the patient's."
    )


class AidRef(VisitModel):
    """The exact aid a visit used."""

    id: str
    version: str
    content_hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class Importance(IntEnum):
    """How much something matters to the patient."""

    not_important = 0
    a_little = 1
    somewhat = 2
    very = 3


class ConcernNote(VisitModel):
    """A barrier the patient raised, with what was said about it."""

    concern_id: str
    note: LongText = ""


class CostWorry(StrEnum):
    """The patient's answer to "Is cost a worry for you?"."""

    yes = "yes"
    no = "no"
    unsure = "unsure"


class CostSituation(VisitModel):
    """The cost conversation: the concern, the coverage, and the help agreed."""

    worry: CostWorry | None = None
    coverage: LongText = Field(default="", description="Insurance or coverage, in plain words.")
    help_agreed: list[LongText] = Field(
        default_factory=list, description="Concrete help written into the plan."
    )


class DecisionStatus(StrEnum):
    """Where the decision stands."""

    undecided = "undecided"
    chosen = "chosen"
    decide_later = "decide_later"


class Decision(VisitModel):
    """What was decided together, or when it will be."""

    status: DecisionStatus = DecisionStatus.undecided
    option_id: str | None = None
    decide_by: dt.date | None = None
    reasons: LongText = Field(default="", description="The reasons, in the patient's own words.")

    @model_validator(mode="after")
    def _consistent(self) -> Decision:
        if self.status is DecisionStatus.chosen and not self.option_id:
            raise ValueError("a chosen decision needs `option_id`")
        return self


class SureAnswers(VisitModel):
    """The SURE test (O'Connor & Légaré 2008): four yes/no questions; None = not asked."""

    sure: bool | None = None
    understand: bool | None = None
    risk_benefit: bool | None = None
    encouragement: bool | None = None

    @property
    def answered(self) -> bool:
        """All four questions have an answer."""
        return None not in (self.sure, self.understand, self.risk_benefit, self.encouragement)

    @property
    def score(self) -> int:
        """Number of "yes" answers (0-4)."""
        return sum(
            bool(a) for a in (self.sure, self.understand, self.risk_benefit, self.encouragement)
        )

    @property
    def conflict_likely(self) -> bool:
        """A score of 3 or less, with every question answered, means decisional conflict is likely."""
        return self.answered and self.score <= 3


class TeachBack(VisitModel):
    """Whether the patient explained the plan back, and what they said."""

    done: bool = False
    patient_words: LongText = ""


class NextStep(VisitModel):
    """One thing to do after the visit."""

    what: LongText
    who: Who = Who.patient
    when: dt.date | None = None
    done: bool = False


class FollowUp(VisitModel):
    """The next contact with the clinic."""

    date: dt.date | None = None
    with_whom: ShortText = ""
    how: ShortText = ""


class SignatureRole(StrEnum):
    """Who signs a plan."""

    patient = "patient"
    clinician = "clinician"
    representative = "representative"


Point = tuple[float, float]


class DrawnSignature(VisitModel):
    """A hand-drawn signature: vector strokes in a 0..1 box, or a recorded refusal."""

    role: SignatureRole
    name: ShortText = ""
    relationship: ShortText | None = Field(default=None, description="For a representative.")
    strokes: list[list[Point]] = Field(default_factory=list)
    declined: bool = False
    signed_at: dt.datetime | None = None


class GuideOption(VisitModel):
    """One option written into a blank guide, with its main pros and cons."""

    name: ShortText = ""
    pros: LongText = ""
    cons: LongText = ""


class PersonalGuide(VisitModel):
    """A decision written during the visit when no aid fits (after the Ottawa Personal
    Decision Guide). It holds no numbers: none are invented for it."""

    decision: LongText = ""
    options: list[GuideOption] = Field(default_factory=lambda: [GuideOption(), GuideOption()])

    @property
    def usable(self) -> bool:
        """A decision and at least two named options."""
        return bool(self.decision.strip()) and sum(bool(o.name.strip()) for o in self.options) >= 2


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


class Visit(VisitModel):
    """Everything said in one shared-decision encounter."""

    format: int = VISIT_FORMAT
    id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    created: dt.datetime = Field(default_factory=_now)
    updated: dt.datetime = Field(default_factory=_now)
    patient: Patient = Field(default_factory=Patient)
    clinician: Clinician = Field(default_factory=Clinician)
    aid: AidRef | None = None
    guide: PersonalGuide | None = Field(
        default=None, description="A decision written in the visit when no aid fits."
    )
    ratings: dict[str, Importance] = Field(
        default_factory=dict, description="Values prompt id -> how much it matters."
    )
    own_priorities: list[LongText] = Field(
        default_factory=list, description="What matters, in the patient's own words."
    )
    concerns: list[ConcernNote] = Field(default_factory=list)
    cost: CostSituation = Field(default_factory=CostSituation)
    decision: Decision = Field(default_factory=Decision)
    sure: SureAnswers = Field(default_factory=SureAnswers)
    teach_back: TeachBack = Field(default_factory=TeachBack)
    next_steps: list[NextStep] = Field(default_factory=list)
    follow_up: FollowUp = Field(default_factory=FollowUp)
    signatures: list[DrawnSignature] = Field(default_factory=list)
    clinician_notes: LongText = Field(default="", description="Clinician-only; never on the plan.")

    @property
    def chart_language(self) -> str | None:
        """The language of a second copy for the chart, when it differs from the patient's."""
        wanted = self.clinician.language
        return wanted if wanted and wanted != self.patient.language else None

    @property
    def visit_date(self) -> dt.date:
        """The calendar date of the visit."""
        return self.created.date()

    def touch(self, when: dt.datetime | None = None) -> None:
        """Record that the visit changed."""
        self.updated = when or _now()
