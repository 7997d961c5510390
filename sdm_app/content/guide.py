"""A blank guide (after the Ottawa Personal Decision Guide) as a decision aid.

When no aid fits, the clinician and patient type the decision, the options and
their main pros and cons. This module turns what they typed into an ordinary
:class:`DecisionAid`, so every later step, the plan and the PDF work the same.
It carries no numbers: none are invented. Its fixed texts come from the interface
catalogs, in the patient's language.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from sdm_app.content.loader import LoadedAid
from sdm_app.domain.aid import (
    Cell,
    Concern,
    ConcernKind,
    DecisionAid,
    Evidence,
    Option,
    ReviewStatus,
    Row,
    RowKind,
    Source,
    Translation,
    TranslationState,
)
from sdm_app.domain.text import LocalizedText
from sdm_app.domain.visit import PersonalGuide
from sdm_app.i18n import N_, translator

GUIDE_ID = "personal-guide"
_GUIDE_PATH = Path("<personal guide>")
OPDG = Source(
    id="opdg",
    citation="O'Connor AM, Stacey D, Jacobsen MJ. Ottawa Personal Decision Guide. "
    "Ottawa Hospital Research Institute & University of Ottawa, Canada.",
    year=2015,
)

#: Barriers every decision can meet, with general questions (translated at display).
GENERIC_CONCERNS = (
    (
        "cost",
        ConcernKind.cost,
        N_("Cost"),
        (N_("What will this cost me, and is there a lower-cost way?"),),
    ),
    (
        "side_effects",
        ConcernKind.side_effects,
        N_("Side effects or risks"),
        (N_("What could go wrong, and what would we do then?"),),
    ),
    (
        "fear",
        ConcernKind.fear,
        N_("Worry or fear"),
        (N_("What worries you most about this choice?"),),
    ),
    (
        "transport",
        ConcernKind.transport,
        N_("Getting to appointments"),
        (N_("How will you get there? Is there help with rides?"),),
    ),
    (
        "time_off_work",
        ConcernKind.time_off_work,
        N_("Time off work or family duties"),
        (N_("Which days or times would work for you?"),),
    ),
    (
        "understanding",
        ConcernKind.understanding,
        N_("Understanding the information"),
        (N_("What would help you understand it better?"),),
    ),
    (
        "past_experiences",
        ConcernKind.past_experiences,
        N_("Past experiences with care"),
        (N_("Has something in the past made this harder for you?"),),
    ),
)


def guide_aid(guide: PersonalGuide, language: str, visit_date: dt.date) -> LoadedAid:
    """The guide as a loaded aid, identified by a hash of what was typed."""
    tr = translator(language)
    _ = tr.gettext

    def text(value: str) -> LocalizedText:
        return LocalizedText({language: value or "—"})

    options = [
        Option(
            id=f"option-{index}",
            name=text(option.name.strip()),
            summary=text(option.pros.strip() or option.name.strip()),
            daily_life=text(_("Written together during the visit.")),
        )
        for index, option in enumerate(guide.options, start=1)
        if option.name.strip()
    ]
    by_id = {f"option-{i}": o for i, o in enumerate(guide.options, start=1)}
    rows = [
        Row(
            id="pros",
            question=text(_("What is good about it?")),
            kind=RowKind.benefit,
            cells={o.id: Cell(text=text(by_id[o.id].pros.strip())) for o in options},
        ),
        Row(
            id="cons",
            question=text(_("What is not so good about it?")),
            kind=RowKind.harm,
            cells={o.id: Cell(text=text(by_id[o.id].cons.strip())) for o in options},
        ),
    ]
    concerns = [
        Concern(id=cid, kind=kind, label=text(_(label)), questions=[text(_(q)) for q in questions])
        for cid, kind, label, questions in GENERIC_CONCERNS
    ]
    evidence = Evidence(
        sources=[OPDG],
        authors=[_("The patient and the clinician, during the visit")],
        conflicts_of_interest=text(_("None.")),
        funding=text(_("None.")),
        produced=visit_date,
        last_reviewed=visit_date,
        next_review=visit_date + dt.timedelta(days=365),
        review_status=ReviewStatus.draft,
        update_policy=text(_("Written for this visit only.")),
        uncertainty=text(
            _(
                "This guide was written together during the visit, in the manner of the Ottawa Personal Decision Guide. It has no numbers from research studies."
            )
        ),
        translations={language: Translation(status=TranslationState.source)},
    )
    aid = DecisionAid.model_validate(
        {
            "format": 1,
            "id": GUIDE_ID,
            "version": "1.0",
            "default_language": language,
            "languages": [language],
            "title": text(_("Personal decision guide")),
            "question": text(guide.decision.strip()),
            "condition": text(guide.decision.strip()),
            "audience": text(_("This patient")),
            "why_a_choice": text(
                _(
                    "More than one choice is reasonable, and what matters to you is part of the decision."
                )
            ),
            "options": options
            if len(options) >= 2
            else [*options, *_placeholders(language, 2 - len(options))],
            "rows": rows,
            "concerns": concerns,
            "evidence": evidence,
        },
        context={"defer_reference_checks": True},
    )
    digest = hashlib.sha256(guide.model_dump_json().encode("utf-8")).hexdigest()
    loaded = LoadedAid(path=_GUIDE_PATH, content_hash=digest)
    loaded.aid = aid
    return loaded


def _placeholders(language: str, count: int) -> list[Option]:
    """Unnamed options while the guide is still being typed (the plan needs two named)."""
    _ = translator(language).gettext
    return [
        Option(
            id=f"unnamed-{i}",
            name=LocalizedText({language: _("(not named yet)")}),
            summary=LocalizedText({language: "—"}),
            daily_life=LocalizedText({language: "—"}),
        )
        for i in range(1, count + 1)
    ]
