"""Write examples/visits/: one realistic, fictional visit for every bundled aid.

A visit records the exact aid it used (id, version, SHA-256 of the file), so after
editing a bundled aid run this again:  uv run python scripts/make_examples.py
The tests fail with that hint when an example no longer matches its aid.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from sdm_app.content.library import Library, bundled_aids_dir
from sdm_app.content.loader import LoadedAid
from sdm_app.content.visit_file import save_visit
from sdm_app.domain.aid import DecisionAid
from sdm_app.domain.flow import suggested_steps
from sdm_app.domain.visit import (
    AidRef,
    Clinician,
    ConcernNote,
    CostSituation,
    CostWorry,
    Decision,
    DecisionStatus,
    FollowUp,
    Importance,
    NextStep,
    Patient,
    SureAnswers,
    TeachBack,
    Visit,
)
from sdm_app.domain.who import Who

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "examples" / "visits"
VISIT_TIME = dt.datetime(2026, 11, 23, 10, 15, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
DAY = VISIT_TIME.date()


def aid_of(entry: LoadedAid) -> DecisionAid:
    assert entry.aid is not None
    return entry.aid


def localized_steps(entry: LoadedAid, option_id: str, language: str) -> list[NextStep]:
    """The aid's suggested next steps for an option, dated from the visit day."""
    return suggested_steps(aid_of(entry), option_id, language, DAY)


def ref(entry: LoadedAid) -> AidRef:
    aid = aid_of(entry)
    return AidRef(id=aid.id, version=aid.version, content_hash=entry.content_hash)


def diabetes(entry: LoadedAid) -> Visit:
    return Visit(
        id="example-diabetes-0001",
        created=VISIT_TIME,
        updated=VISIT_TIME + dt.timedelta(minutes=14),
        patient=Patient(display_name="Rosa Hernández", language="es"),
        clinician=Clinician(name="Dra. Laura Chen", role="Médica de familia"),
        aid=ref(entry),
        ratings={
            "avoid_lows": Importance.very,
            "weight": Importance.somewhat,
            "no_shots": Importance.very,
            "heart_kidney": Importance.somewhat,
            "low_cost": Importance.very,
            "lower_a1c": Importance.somewhat,
        },
        own_priorities=["Seguir trabajando en la panadería sin sentirme mareada"],
        concerns=[
            ConcernNote(concern_id="cost", note="Mi seguro cubre poco de las medicinas nuevas."),
            ConcernNote(concern_id="time_off", note="Trabajo de 5 a 2; no puedo faltar mucho."),
        ],
        cost=CostSituation(
            worry=CostWorry.yes,
            coverage="Seguro por el trabajo, con copago alto para medicinas de marca",
            help_agreed=["La trabajadora social revisará programas de ayuda del fabricante"],
        ),
        decision=Decision(
            status=DecisionStatus.chosen,
            option_id="dpp4",
            reasons="Es una pastilla, casi no baja el azúcar de más y puedo tomarla en el trabajo.",
        ),
        sure=SureAnswers(sure=True, understand=True, risk_benefit=True, encouragement=True),
        teach_back=TeachBack(
            done=True, patient_words="Una pastilla al día y regreso en 3 meses para el A1C."
        ),
        next_steps=localized_steps(entry, "dpp4", "es"),
        follow_up=FollowUp(
            date=DAY + dt.timedelta(days=91), with_whom="Dra. Chen", how="En persona"
        ),
    )


def statin(entry: LoadedAid) -> Visit:
    return Visit(
        id="example-statin-0001",
        created=VISIT_TIME,
        updated=VISIT_TIME + dt.timedelta(minutes=11),
        patient=Patient(display_name="James Okafor", language="en"),
        clinician=Clinician(name="Dr. Maria Alvarez", role="Internal medicine"),
        aid=ref(entry),
        ratings={
            "lower-chance": Importance.very,
            "no-daily-pill": Importance.a_little,
            "avoid-muscle-aches": Importance.somewhat,
            "avoid-diabetes": Importance.somewhat,
            "low-cost": Importance.somewhat,
        },
        own_priorities=["See my grandchildren graduate"],
        concerns=[
            ConcernNote(
                concern_id="side-effects", note="My brother stopped his statin because of leg pain."
            )
        ],
        cost=CostSituation(worry=CostWorry.no),
        decision=Decision(
            status=DecisionStatus.decide_later,
            decide_by=DAY + dt.timedelta(days=28),
            reasons="I want to talk it over with my wife and try walking more first.",
        ),
        sure=SureAnswers(sure=False, understand=True, risk_benefit=True, encouragement=False),
        teach_back=TeachBack(
            done=True,
            patient_words="A statin would lower my chance a bit. I'll decide by Christmas and call.",
        ),
        next_steps=[
            NextStep(
                what="Talk it over at home; write down questions",
                who=Who.patient,
                when=DAY + dt.timedelta(days=14),
            ),
            NextStep(
                what="Phone call to decide together",
                who=Who.clinician,
                when=DAY + dt.timedelta(days=28),
            ),
        ],
        follow_up=FollowUp(
            date=DAY + dt.timedelta(days=28), with_whom="Dr. Alvarez", how="Phone call"
        ),
    )


def knee(entry: LoadedAid) -> Visit:
    return Visit(
        id="example-knee-0001",
        created=VISIT_TIME,
        updated=VISIT_TIME + dt.timedelta(minutes=15),
        patient=Patient(display_name="Dorothy Walsh", language="en"),
        clinician=Clinician(name="Dr. Samuel Park", role="Sports medicine"),
        aid=ref(entry),
        ratings={
            "most_pain_relief": Importance.very,
            "avoid_serious_risks": Importance.very,
            "quick_relief": Importance.somewhat,
            "lasting_benefit": Importance.somewhat,
            "keep_it_simple": Importance.a_little,
            "low_cost": Importance.somewhat,
        },
        own_priorities=["Garden again in the spring", "Climb the stairs to my bedroom"],
        concerns=[
            ConcernNote(concern_id="transport", note="My daughter drives me; she works weekdays."),
            ConcernNote(concern_id="fear", note="Worried about surgery at my age."),
        ],
        cost=CostSituation(worry=CostWorry.unsure, coverage="Medicare with a supplement plan"),
        decision=Decision(
            status=DecisionStatus.chosen,
            option_id="exercise",
            reasons="I'd like to try the exercises first; surgery stays an option if it doesn't help.",
        ),
        sure=SureAnswers(sure=True, understand=True, risk_benefit=True, encouragement=True),
        teach_back=TeachBack(
            done=True, patient_words="Physical therapy twice a week, then exercises at home."
        ),
        next_steps=localized_steps(entry, "exercise", "en"),
        follow_up=FollowUp(date=DAY + dt.timedelta(days=84), with_whom="Dr. Park", how="In person"),
    )


BUILDERS = {
    "diabetes-second-medicine": diabetes,
    "statin-primary-prevention": statin,
    "knee-osteoarthritis": knee,
}


def main() -> int:
    library = Library.load([bundled_aids_dir()])
    OUT.mkdir(parents=True, exist_ok=True)
    for entry in library.aids:
        aid = aid_of(entry)
        builder = BUILDERS.get(aid.id)
        if builder is None:
            print(f"no example written for {aid.id}: add one to {__file__}", file=sys.stderr)
            continue
        path = OUT / f"{aid.id}.yaml"
        save_visit(builder(entry), path)
        path.chmod(0o644)  # examples are fictional and belong in the repository
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
