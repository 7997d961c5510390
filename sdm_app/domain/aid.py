"""The decision-aid format: what content authors write in YAML.

One aid describes one decision. Field names here are the YAML keys; the
docstrings and ``description`` texts become the JSON Schema (``sdm schema``)
that editors use for completion, so they are written for authors.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

from sdm_app.domain.text import LANGUAGE_CODE_PATTERN, Text
from sdm_app.domain.who import Who

FORMAT_VERSION = 1

Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$"),
    Field(description="Lower-case letters, digits, '-' and '_'; starts with a letter or digit."),
]
Language = Annotated[str, StringConstraints(pattern=LANGUAGE_CODE_PATTERN)]


class Strict(BaseModel):
    """Base for every authored model: unknown keys are errors, so typos never pass."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)


class Source(Strict):
    """A piece of evidence that numbers in the aid cite by its ``id``."""

    id: Identifier
    citation: str = Field(description="Full citation: authors, title, journal or publisher.")
    year: int = Field(ge=1900, le=2100, description="Year of publication.")
    url: str | None = Field(default=None, description="Where a reader can find it (not fetched).")


class TimeUnit(StrEnum):
    """Units of a time frame."""

    day = "day"
    week = "week"
    month = "month"
    year = "year"


class TimeFrame(Strict):
    """How long the counted people were followed, e.g. ``{amount: 10, unit: year}``."""

    amount: int = Field(gt=0, le=100)
    unit: TimeUnit


class Outcome(Strict):
    """A quantified outcome as a natural frequency: ``events`` of ``per`` people over ``over``.

    All options in one comparison row should use the same ``per`` and ``over``
    (``sdm lint`` checks it), so the icon arrays can be compared at a glance.
    """

    events: int = Field(ge=0, description="How many people the event happens to.")
    per: Literal[10, 100, 1000] = Field(description="Out of how many people (icon array size).")
    over: TimeFrame
    source: Identifier = Field(description="The `id` of an entry in evidence.sources.")
    derivation: str | None = Field(
        default=None,
        description="How the number was calculated from the source, when it is not "
        "copied straight from it (e.g. '10 x RR 0.72 = 7.2, rounded').",
    )

    @model_validator(mode="after")
    def _events_within_group(self) -> Outcome:
        if self.events > self.per:
            raise ValueError(f"events ({self.events}) cannot be more than per ({self.per})")
        return self


class Cell(Strict):
    """What one option says on one comparison row: text, a number, or both."""

    text: Text | None = Field(default=None, description="Plain-language answer.")
    outcome: Outcome | None = None
    source: Identifier | None = Field(
        default=None, description="Source of a text-only answer that makes a factual claim."
    )

    @model_validator(mode="after")
    def _not_empty(self) -> Cell:
        if self.text is None and self.outcome is None:
            raise ValueError("a cell needs `text`, an `outcome`, or both")
        return self


class RowKind(StrEnum):
    """What a comparison row is about; IPDAS asks for benefits and harms in equal detail."""

    benefit = "benefit"
    harm = "harm"
    practical = "practical"
    cost = "cost"


class Row(Strict):
    """One question patients ask, answered for every option (keys of `cells` are option ids)."""

    id: Identifier
    question: Text
    kind: RowKind
    event: Text | None = Field(
        default=None,
        description="For quantified rows: what is counted, as it reads after a number "
        "('have a heart attack or stroke').",
    )
    population: Text | None = Field(
        default=None, description="Who the numbers apply to ('adults aged 40-75 with ...')."
    )
    cells: dict[Identifier, Cell]


class CostPeriod(StrEnum):
    """How often a cost is paid."""

    month = "month"
    year = "year"
    one_time = "one_time"
    visit = "visit"


class CostTier(StrEnum):
    """A rough cost level, used when a range cannot be sourced."""

    low = "low"
    medium = "medium"
    high = "high"


class Cost(Strict):
    """What an option typically costs the patient, as a range and/or a tier."""

    low: Decimal | None = Field(default=None, ge=0)
    high: Decimal | None = Field(default=None, ge=0)
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = "USD"
    period: CostPeriod
    tier: CostTier | None = None
    insurance: Text | None = Field(default=None, description="What insurance typically changes.")
    notes: Text | None = None
    source: Identifier | None = None

    @model_validator(mode="after")
    def _range_or_tier(self) -> Cost:
        if (self.low is None) != (self.high is None):
            raise ValueError("give both `low` and `high`, or neither")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError("`low` must not be more than `high`")
        if self.low is None and self.tier is None:
            raise ValueError("give a range (`low` and `high`) or a `tier`")
        return self


class StepTemplate(Strict):
    """A next step the plan suggests when an option is chosen; editable in the visit."""

    what: Text
    who: Who = Who.patient
    after_days: int | None = Field(
        default=None, ge=0, le=3650, description="Suggested date: this many days after the visit."
    )


class Option(Strict):
    """One reasonable choice, including "no change" or watchful waiting."""

    id: Identifier
    name: Text
    summary: Text = Field(description="One or two plain sentences: what this option is.")
    daily_life: Text = Field(description="What it involves day to day.")
    no_change: bool = Field(
        default=False, description="True for watchful waiting / no change / not now."
    )
    cost: Cost | None = None
    next_steps: list[StepTemplate] = Field(default_factory=list)


class Resource(Strict):
    """Concrete help: a programme, a person to talk to, a question to ask."""

    title: Text
    description: Text | None = None
    contact: str | None = Field(default=None, description="Phone number or address (not fetched).")


class ConcernKind(StrEnum):
    """The barriers patients raise."""

    cost = "cost"
    side_effects = "side_effects"
    fear = "fear"
    transport = "transport"
    time_off_work = "time_off_work"
    language = "language"
    understanding = "understanding"
    past_experiences = "past_experiences"
    other = "other"


class Concern(Strict):
    """A barrier or worry the patient may raise, with what to ask and what can help."""

    id: Identifier
    kind: ConcernKind
    label: Text
    questions: list[Text] = Field(default_factory=list, description="Questions to talk through.")
    resources: list[Resource] = Field(default_factory=list)


class FitLevel(StrEnum):
    """How an option does on one thing a patient may care about."""

    well = "well"
    partly = "partly"
    poorly = "poorly"


class ValuePrompt(Strict):
    """A "what matters to you" prompt the patient rates, and how each option does on it."""

    id: Identifier
    prompt: Text = Field(description="Asked of the patient: 'How much does ... matter to you?'")
    row: Identifier | None = Field(default=None, description="The comparison row it relates to.")
    fit: dict[Identifier, FitLevel] = Field(
        description="For every option id: how well the option does on this (well/partly/poorly)."
    )
    why: dict[Identifier, Text] = Field(
        default_factory=dict, description="Optional: one plain sentence per option explaining it."
    )


class ReviewStatus(StrEnum):
    """Where the aid's content is in clinical review."""

    draft = "draft"
    in_review = "in_review"
    reviewed = "reviewed"
    retired = "retired"


class TranslationState(StrEnum):
    """How far a language version can be trusted."""

    source = "source"
    drafted = "drafted"  # written by the project, needs a qualified medical translator
    machine = "machine"
    reviewed = "reviewed"


class Translation(Strict):
    """Status of one language of the aid."""

    status: TranslationState
    note: str | None = None
    reviewed_by: str | None = None
    reviewed_on: dt.date | None = None


class Evidence(Strict):
    """Who wrote the aid, from what evidence, and how current it is (IPDAS certification)."""

    sources: list[Source] = Field(min_length=1)
    authors: list[str] = Field(min_length=1)
    conflicts_of_interest: Text
    funding: Text
    produced: dt.date
    last_reviewed: dt.date
    next_review: dt.date
    review_status: ReviewStatus
    update_policy: Text
    uncertainty: Text = Field(description="What is uncertain about the numbers, in plain words.")
    translations: dict[Language, Translation]

    @model_validator(mode="after")
    def _dates_in_order(self) -> Evidence:
        if self.next_review <= self.last_reviewed:
            raise ValueError("`next_review` must come after `last_reviewed`")
        return self


class DecisionAid(Strict):
    """One decision aid. Cross-references (option ids, source ids, row ids) are checked."""

    format: Literal[1] = Field(description="Version of this file format. Write 1.")
    id: Identifier
    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+(\.\d+)?$")] = Field(
        description="Version of this aid's content, e.g. 1.0 or 1.2.3."
    )
    default_language: Language = Field(
        default="en", description="The language of texts written as one plain string."
    )
    languages: list[Language] = Field(
        min_length=1, description="Every language the aid is complete in (lint checks it)."
    )
    title: Text = Field(description="A short name for the decision, shown in the library.")
    question: Text = Field(description="The decision, stated plainly (IPDAS Q2).")
    condition: Text = Field(description="The health condition or problem (IPDAS Q1).")
    audience: Text = Field(description="Who this aid is for.")
    why_a_choice: Text = Field(
        description="Why more than one option is reasonable and the patient's view matters."
    )
    options: list[Option] = Field(min_length=2, description="The reasonable choices (IPDAS Q3).")
    no_change_not_offered: Text | None = Field(
        default=None,
        description="Only when no option is 'no change': why watchful waiting is not reasonable.",
    )
    rows: list[Row] = Field(
        min_length=1, description="The questions patients ask, answered for every option."
    )
    cost_resources: list[Resource] = Field(
        default_factory=list, description="Concrete help when cost is a worry."
    )
    concerns: list[Concern] = Field(
        default_factory=list, description="Barriers the patient may raise, with what can help."
    )
    values: list[ValuePrompt] = Field(
        default_factory=list, description="'What matters to you' prompts and how options fit them."
    )
    evidence: Evidence = Field(description="Sources, authors, review dates and translations.")

    @model_validator(mode="after")
    def _references_resolve(self, info: ValidationInfo) -> DecisionAid:
        problems = reference_problems(self)
        if problems and not (info.context or {}).get("defer_reference_checks"):
            raise ValueError("; ".join(f"{_dotted(p)}: {m}" for p, m in problems))
        return self

    def option(self, option_id: str) -> Option:
        """The option with this id (KeyError if there is none)."""
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)

    def source(self, source_id: str) -> Source:
        """The evidence source with this id (KeyError if there is none)."""
        for source in self.evidence.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

    def text(self, value: Text, language: str) -> str:
        """Resolve a localized text of this aid in ``language`` (see :mod:`.text`)."""
        return value.get_text(language, self.default_language)

    def summary(self) -> AidSummary:
        """What the library shows of this aid before it is opened."""
        return AidSummary(
            id=self.id,
            version=self.version,
            default_language=self.default_language,
            title=self.title,
            question=self.question,
            condition=self.condition,
            last_reviewed=self.evidence.last_reviewed,
            next_review=self.evidence.next_review,
            review_status=self.evidence.review_status,
        )


class AidSummary(Strict):
    """An aid as the library lists it: enough to show, search and pick it, a small part of
    the whole (which is read when the aid is opened)."""

    id: str
    version: str
    default_language: str
    title: Text
    question: Text
    condition: Text
    last_reviewed: dt.date
    next_review: dt.date
    review_status: ReviewStatus

    def text(self, value: Text, language: str) -> str:
        """Resolve a localized text of this aid in ``language`` (see :mod:`.text`)."""
        return value.get_text(language, self.default_language)


Path = tuple[str | int, ...]


def reference_problems(aid: DecisionAid) -> list[tuple[Path, str]]:
    """Cross-references that do not resolve, each with the path of the offending field.

    Paths use list indexes, as in the YAML, so the loader can point at the line.
    """
    problems: list[tuple[Path, str]] = []
    option_ids = [o.id for o in aid.options]
    known = set(option_ids)
    source_ids = {s.id for s in aid.evidence.sources}
    row_ids = {r.id for r in aid.rows}
    id_lists: list[tuple[Path, list[str]]] = [
        (("options",), option_ids),
        (("rows",), [r.id for r in aid.rows]),
        (("values",), [v.id for v in aid.values]),
        (("concerns",), [c.id for c in aid.concerns]),
        (("evidence", "sources"), [s.id for s in aid.evidence.sources]),
    ]
    for where, ids in id_lists:
        seen: set[str] = set()
        for index, item_id in enumerate(ids):
            if item_id in seen:
                problems.append(((*where, index, "id"), f"the id {item_id!r} is used twice"))
            seen.add(item_id)
    if aid.default_language not in aid.languages:
        problems.append(
            (("default_language",), f"{aid.default_language!r} must also be listed in `languages`")
        )
    for lang in aid.languages:
        if lang not in aid.evidence.translations:
            problems.append(
                (("evidence", "translations"), f"give the translation status of {lang!r}")
            )
    for r, row in enumerate(aid.rows):
        for oid, cell in row.cells.items():
            here: Path = ("rows", r, "cells", oid)
            if oid not in known:
                problems.append((here, f"{oid!r} is not an option id; use one of {_names(known)}"))
            if cell.source is not None and cell.source not in source_ids:
                problems.append(((*here, "source"), _unknown_source(cell.source)))
            if cell.outcome and cell.outcome.source not in source_ids:
                problems.append(
                    ((*here, "outcome", "source"), _unknown_source(cell.outcome.source))
                )
        if any(c.outcome for c in row.cells.values()) and row.event is None:
            problems.append((("rows", r), "a row with outcomes needs `event`: what is counted"))
    for o, option in enumerate(aid.options):
        if option.cost and option.cost.source and option.cost.source not in source_ids:
            problems.append((("options", o, "cost", "source"), _unknown_source(option.cost.source)))
    for v, value in enumerate(aid.values):
        if value.row is not None and value.row not in row_ids:
            problems.append(
                (
                    ("values", v, "row"),
                    f"{value.row!r} is not a row id; use one of {_names(row_ids)}",
                )
            )
        for field in ("fit", "why"):
            for oid in getattr(value, field):
                if oid not in known:
                    problems.append((("values", v, field, oid), f"{oid!r} is not an option id"))
        missing = [o for o in option_ids if o not in value.fit]
        if missing:
            problems.append(
                (
                    ("values", v, "fit"),
                    f"give a level (well, partly, poorly) for {', '.join(missing)}",
                )
            )
    return problems


def _unknown_source(ref: str) -> str:
    return f"{ref!r} is not the id of an entry in evidence.sources"


def _names(ids: set[str]) -> str:
    return ", ".join(sorted(ids))


def _dotted(path: Path) -> str:
    return ".".join(str(p) for p in path)
