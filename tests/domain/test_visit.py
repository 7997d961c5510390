"""The visit model, the SURE logic, and visit files."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest
from pydantic import ValidationError

from sdm_app.content.visit_file import dump_visit, load_visit, save_visit
from sdm_app.domain.visit import (
    AidRef,
    ConcernNote,
    Decision,
    DecisionStatus,
    DrawnSignature,
    Importance,
    NextStep,
    SignatureRole,
    SureAnswers,
    Visit,
)


def full_visit() -> Visit:
    visit = Visit()
    visit.patient.display_name = "María José Núñez"
    visit.patient.birth_date = dt.date(1961, 4, 2)
    visit.patient.language = "es"
    visit.clinician.name = "Dr. Lee"
    visit.aid = AidRef(id="test-aid", version="1.0", content_hash="a" * 64)
    visit.ratings = {"avoid-sickness": Importance.very, "avoid-pills": Importance.a_little}
    visit.own_priorities = ["Poder cuidar a mis nietos"]
    visit.concerns = [ConcernNote(concern_id="cost", note="No tengo seguro: & <b>")]
    visit.cost.worry = "yes"  # type: ignore[assignment]
    visit.cost.help_agreed = ["Genérico de bajo costo"]
    visit.decision = Decision(status=DecisionStatus.chosen, option_id="pill", reasons="no")
    visit.sure = SureAnswers(sure=True, understand=True, risk_benefit=True, encouragement=False)
    visit.teach_back.done = True
    visit.teach_back.patient_words = "Tomo una pastilla al día."
    visit.next_steps = [NextStep(what="Recoger la pastilla", when=dt.date(2026, 11, 25))]
    visit.signatures = [
        DrawnSignature(role=SignatureRole.patient, strokes=[[(0.1, 0.2), (0.3, 0.4)]])
    ]
    return visit


def test_round_trip(tmp_path: Path) -> None:
    visit = full_visit()
    path = tmp_path / "visit.yaml"
    save_visit(visit, path)
    loaded = load_visit(path)
    assert loaded.diagnostics == []
    assert loaded.visit == visit


def test_visit_file_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "visit.yaml"
    save_visit(full_visit(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["visit.yaml"]  # no temporary file left


def test_words_like_no_survive_the_round_trip(tmp_path: Path) -> None:
    text = dump_visit(full_visit()).decode()
    assert "reasons: 'no'" in text


def test_sure_scoring() -> None:
    assert not SureAnswers().answered
    assert not SureAnswers(sure=False).conflict_likely  # not all answered: no verdict yet
    all_yes = SureAnswers(sure=True, understand=True, risk_benefit=True, encouragement=True)
    assert all_yes.score == 4 and not all_yes.conflict_likely
    one_no = all_yes.model_copy(update={"understand": False})
    assert one_no.score == 3 and one_no.conflict_likely


def test_chosen_decision_needs_an_option() -> None:
    with pytest.raises(ValidationError):
        Decision(status=DecisionStatus.chosen)


def test_assignment_is_validated() -> None:
    visit = Visit()
    with pytest.raises(ValidationError):
        visit.patient.language = "Spanish"


def test_corrupt_visit_file_is_reported_with_position(tmp_path: Path) -> None:
    path = tmp_path / "visit.yaml"
    text = dump_visit(full_visit()).decode().replace("  language: es", "  language: 7")
    path.write_text(text, encoding="utf-8")
    loaded = load_visit(path)
    assert loaded.visit is None
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "language: 7" in row)
    assert str(loaded.diagnostics[0]).startswith(f"{path}:{line}:13: patient.language:")


def test_truncated_visit_file(tmp_path: Path) -> None:
    path = tmp_path / "visit.yaml"
    path.write_bytes(dump_visit(full_visit())[:200])
    loaded = load_visit(path)
    assert loaded.visit is None and loaded.diagnostics
