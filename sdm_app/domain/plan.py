"""Visit + Aid -> CarePlan: the shared care plan as language-resolved data.

The :class:`CarePlan` is what the patient takes home, before it is drawn: every
text already in the plan's language (by the fall-back rule of :mod:`.text`),
money as ``Decimal`` with its currency, dates as dates. Renderers (PDF, FHIR,
calendar) format it; they never go back to the aid or the visit.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from collections.abc import Callable
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from sdm_app.domain.aid import (
    CostPeriod,
    CostTier,
    DecisionAid,
    Outcome,
    Resource,
    ReviewStatus,
    RowKind,
    TimeUnit,
    TranslationState,
)
from sdm_app.domain.clinic import Clinic
from sdm_app.domain.fit import option_fits
from sdm_app.domain.text import LocalizedText
from sdm_app.domain.visit import (
    CostWorry,
    DecisionStatus,
    DrawnSignature,
    Importance,
    Visit,
)
from sdm_app.domain.who import Who


class PlanModel(BaseModel):
    """Base for plan data: immutable once built."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class PlanOutcome(PlanModel):
    """A natural frequency: ``events`` of ``per`` people over a time frame."""

    events: int
    per: int
    over_amount: int
    over_unit: TimeUnit
    source: str


class PlanCell(PlanModel):
    """One option's answer on one row."""

    option_id: str
    text: str | None
    outcome: PlanOutcome | None


class PlanRow(PlanModel):
    """One comparison row, resolved."""

    id: str
    question: str
    kind: RowKind
    event: str | None
    population: str | None
    cells: list[PlanCell]


class PlanCost(PlanModel):
    """What an option typically costs the patient."""

    low: Decimal | None
    high: Decimal | None
    currency: str
    period: CostPeriod
    tier: CostTier | None
    insurance: str | None
    notes: str | None


class PlanOption(PlanModel):
    """One option, resolved."""

    id: str
    name: str
    summary: str
    daily_life: str
    no_change: bool
    chosen: bool
    cost: PlanCost | None


class PlanPriority(PlanModel):
    """Something the patient rated, with how each option does on it."""

    prompt: str
    importance: Importance
    fits: dict[str, str] = Field(description="Option id -> well/partly/poorly.")


class PlanRating(PlanModel):
    """One values prompt the patient rated, whatever the rating."""

    prompt_id: str
    prompt: str
    importance: Importance


class PlanFit(PlanModel):
    """The fit total of one option, shown with its calculation."""

    option_id: str
    points: int
    possible: int


class PlanResource(PlanModel):
    """Concrete help."""

    title: str
    description: str | None
    contact: str | None


class PlanConcern(PlanModel):
    """A barrier the patient raised, with the questions and help for it."""

    label: str
    note: str
    questions: list[str]
    resources: list[PlanResource]


class PlanStep(PlanModel):
    """A next step."""

    what: str
    who: Who
    when: dt.date | None


class AidInfo(PlanModel):
    """Which content the plan was made from, and how current it is."""

    id: str
    title: str
    version: str
    content_hash: str
    review_status: ReviewStatus
    last_reviewed: dt.date
    next_review: dt.date
    review_overdue: bool
    sources: list[str]
    short_sources: list[str] = Field(description="'Chou 2022' style, for the page footer.")
    translation: TranslationState | None
    uses_fallback_text: bool


class CarePlan(PlanModel):
    """The shared care plan, in one language, ready to render."""

    document_id: str
    language: str
    visit_date: dt.date
    clinic: Clinic
    patient_name: str
    patient_birth_date: dt.date | None
    clinician_name: str
    aid: AidInfo
    question: str
    condition: str
    decision_status: DecisionStatus
    chosen: PlanOption | None
    decide_by: dt.date | None
    reasons: str
    priorities: list[PlanPriority]
    ratings: list[PlanRating]
    own_priorities: list[str]
    options: list[PlanOption]
    rows: list[PlanRow]
    fits: list[PlanFit]
    cost_worry: CostWorry | None
    coverage: str
    help_agreed: list[str]
    cost_resources: list[PlanResource]
    concerns: list[PlanConcern]
    next_steps: list[PlanStep]
    follow_up_date: dt.date | None
    follow_up_with: str
    follow_up_how: str
    sure_answered: bool
    sure_score: int
    conflict_likely: bool
    teach_back_done: bool
    teach_back_words: str
    signatures: list[DrawnSignature]
    uncertainty: str

    def option_name(self, option_id: str) -> str:
        """The resolved name of an option."""
        for option in self.options:
            if option.id == option_id:
                return option.name
        return option_id


class PlanMismatchError(ValueError):
    """The visit was made with another aid than the one given."""


def document_id(visit: Visit, aid_hash: str, language: str) -> str:
    """A short, stable ID for one rendering of one visit: same inputs, same ID."""
    digest = hashlib.sha256(
        "\n".join([visit.model_dump_json(), aid_hash, language]).encode()
    ).digest()
    code = base64.b32encode(digest[:10]).decode()
    return f"SDM-{code[:4]}-{code[4:8]}-{code[8:12]}-{code[12:16]}"


def build_care_plan(
    aid: DecisionAid,
    visit: Visit,
    language: str | None = None,
    *,
    content_hash: str,
    clinic: Clinic | None = None,
    today: dt.date | None = None,
) -> CarePlan:
    """Build the plan for ``visit`` in ``language`` (default: the patient's language).

    ``content_hash`` is the hash of the aid file; it must match the visit's record of
    the aid when the visit has one, so a plan never mixes a visit with other content.
    """
    if visit.aid is not None and (visit.aid.id, visit.aid.content_hash) != (aid.id, content_hash):
        raise PlanMismatchError(
            f"the visit was made with aid {visit.aid.id} {visit.aid.version} "
            f"({visit.aid.content_hash[:12]}), not {aid.id} {aid.version} ({content_hash[:12]})"
        )
    lang = language or visit.patient.language
    used: set[str] = set()

    def t(value: LocalizedText | None) -> str:
        if value is None:
            return ""
        text, used_lang = value.resolve(lang, aid.default_language)
        used.add(used_lang)
        return text

    def opt(value: LocalizedText | None) -> str | None:
        return t(value) if value is not None else None

    chosen_id = visit.decision.option_id if visit.decision.status is DecisionStatus.chosen else None
    options = [
        PlanOption(
            id=o.id,
            name=t(o.name),
            summary=t(o.summary),
            daily_life=t(o.daily_life),
            no_change=o.no_change,
            chosen=o.id == chosen_id,
            cost=PlanCost(
                low=o.cost.low,
                high=o.cost.high,
                currency=o.cost.currency,
                period=o.cost.period,
                tier=o.cost.tier,
                insurance=opt(o.cost.insurance),
                notes=opt(o.cost.notes),
            )
            if o.cost
            else None,
        )
        for o in aid.options
    ]
    rows = [
        PlanRow(
            id=row.id,
            question=t(row.question),
            kind=row.kind,
            event=opt(row.event),
            population=opt(row.population),
            cells=[
                PlanCell(
                    option_id=o.id,
                    text=opt(row.cells[o.id].text) if o.id in row.cells else None,
                    outcome=_outcome(aid, row.cells[o.id].outcome) if o.id in row.cells else None,
                )
                for o in aid.options
            ],
        )
        for row in aid.rows
    ]
    prompts = {p.id: p for p in aid.values}
    rated = sorted(
        (
            (importance, index, prompts[pid])
            for index, (pid, importance) in enumerate(visit.ratings.items())
            if pid in prompts and importance >= Importance.somewhat
        ),
        key=lambda item: (-item[0], item[1]),
    )
    priorities = [
        PlanPriority(
            prompt=t(p.prompt), importance=imp, fits={k: v.value for k, v in p.fit.items()}
        )
        for imp, _, p in rated
    ]
    fits = [
        PlanFit(option_id=f.option_id, points=f.points, possible=f.possible)
        for f in option_fits(aid, {k: v for k, v in visit.ratings.items() if k in prompts})
    ]
    concerns_by_id = {c.id: c for c in aid.concerns}
    concerns = []
    for raised in visit.concerns:
        concern = concerns_by_id.get(raised.concern_id)
        if concern is None:
            continue
        concerns.append(
            PlanConcern(
                label=t(concern.label),
                note=raised.note,
                questions=[t(q) for q in concern.questions],
                resources=[_resource(r, t) for r in concern.resources],
            )
        )
    today = today or dt.date.today()
    ev = aid.evidence
    translation = ev.translations.get(lang) or ev.translations.get(lang.split("-")[0])
    aid_info = AidInfo(
        id=aid.id,
        title=t(aid.title),
        version=aid.version,
        content_hash=content_hash,
        review_status=ev.review_status,
        last_reviewed=ev.last_reviewed,
        next_review=ev.next_review,
        review_overdue=today > ev.next_review,
        sources=[f"{s.citation} ({s.year})" for s in ev.sources],
        short_sources=[short_citation(s.citation, s.year) for s in ev.sources],
        translation=translation.status if translation else None,
        uses_fallback_text=False,
    )
    plan = CarePlan(
        document_id=document_id(visit, content_hash, lang),
        language=lang,
        visit_date=visit.visit_date,
        clinic=clinic or Clinic(),
        patient_name=visit.patient.display_name,
        patient_birth_date=visit.patient.birth_date,
        clinician_name=visit.clinician.name,
        aid=aid_info,
        question=t(aid.question),
        condition=t(aid.condition),
        decision_status=visit.decision.status,
        chosen=next((o for o in options if o.chosen), None),
        decide_by=visit.decision.decide_by,
        reasons=visit.decision.reasons,
        priorities=priorities,
        ratings=[
            PlanRating(prompt_id=pid, prompt=t(prompts[pid].prompt), importance=importance)
            for pid, importance in visit.ratings.items()
            if pid in prompts
        ],
        own_priorities=list(visit.own_priorities),
        options=options,
        rows=rows,
        fits=fits,
        cost_worry=visit.cost.worry,
        coverage=visit.cost.coverage,
        help_agreed=list(visit.cost.help_agreed),
        cost_resources=[_resource(r, t) for r in aid.cost_resources],
        concerns=concerns,
        next_steps=[
            PlanStep(what=s.what, who=s.who, when=s.when)
            for s in visit.next_steps
            if s.what.strip()
        ],
        follow_up_date=visit.follow_up.date,
        follow_up_with=visit.follow_up.with_whom,
        follow_up_how=visit.follow_up.how,
        sure_answered=visit.sure.answered,
        sure_score=visit.sure.score,
        conflict_likely=visit.sure.conflict_likely,
        teach_back_done=visit.teach_back.done,
        teach_back_words=visit.teach_back.patient_words,
        signatures=list(visit.signatures),
        uncertainty=t(ev.uncertainty),
    )
    fallback = bool(used - {lang, lang.split("-")[0]})
    return plan.model_copy(
        update={"aid": aid_info.model_copy(update={"uses_fallback_text": fallback})}
    )


def short_citation(citation: str, year: int) -> str:
    """ "Chou R, Cantor A, ... JAMA." -> "Chou 2022": first author (or body) and year."""
    head = re.split(r"[.,;(]", citation, maxsplit=1)[0].strip()
    words = head.split()
    if len(words) >= 2 and len(words[-1]) <= 3 and words[-1].isupper():  # "Chou R" -> "Chou"
        words = words[:-1]
    name = ""
    for word in words:
        if name and len(name) + len(word) > 40:
            break
        name = f"{name} {word}".strip()
    return f"{name} {year}"


def _outcome(aid: DecisionAid, outcome: Outcome | None) -> PlanOutcome | None:
    if outcome is None:
        return None
    source = aid.source(outcome.source)
    return PlanOutcome(
        events=outcome.events,
        per=outcome.per,
        over_amount=outcome.over.amount,
        over_unit=outcome.over.unit,
        source=f"{source.citation} ({source.year})",
    )


def _resource(resource: Resource, t: Callable[[LocalizedText | None], str]) -> PlanResource:
    return PlanResource(
        title=t(resource.title),
        description=t(resource.description) if resource.description else None,
        contact=resource.contact,
    )
