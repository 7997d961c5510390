"""The FHIR R4 bundle: validates with fhir.resources, round-trips, carries the signed PDF."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle

from sdm_app.cli.main import main
from sdm_app.content.visit_file import save_visit
from sdm_app.domain.plan import build_care_plan
from sdm_app.exports.fhir import build_bundle, check_codes
from tests.conftest import GOOD_AID
from tests.helpers import filled_visit, test_aid

NOW = dt.datetime(2026, 11, 23, 11, 0, tzinfo=dt.UTC)


def bundle() -> dict:  # type: ignore[type-arg]
    loaded = test_aid()
    assert loaded.aid is not None
    visit = filled_visit(loaded, "es")
    visit.patient.record_number = "MRN-1"
    plan = build_care_plan(loaded.aid, visit, content_hash=loaded.content_hash)
    return build_bundle(
        plan, visit, b"%PDF-1.4 signed plan", signer="Riverside clinic certificate", now=NOW
    )


def resources(data: dict, kind: str) -> list[dict]:  # type: ignore[type-arg]
    return [e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == kind]


def test_bundle_validates_and_round_trips() -> None:
    data = bundle()
    model = Bundle.model_validate(data)
    again = Bundle.model_validate_json(model.model_dump_json())
    assert again.model_dump() == model.model_dump()
    kinds = [e["resource"]["resourceType"] for e in data["entry"]]
    assert kinds[:3] == ["Patient", "Practitioner", "CarePlan"]
    assert {"Goal", "QuestionnaireResponse", "DocumentReference", "Provenance"} <= set(kinds)
    references = json.dumps(data)
    for entry in data["entry"]:
        assert entry["fullUrl"] == f"urn:uuid:{entry['resource']['id']}"
    assert references.count("urn:uuid:") > 10


def test_careplan_activities_goals_and_answers() -> None:
    data = bundle()
    [careplan] = resources(data, "CarePlan")
    assert careplan["status"] == "active" and careplan["intent"] == "plan"
    assert "Tomar la pastilla" in careplan["description"]
    assert careplan["activity"][0]["detail"]["description"] == "Pick up the pill"
    assert careplan["activity"][0]["detail"]["scheduledString"] == "2026-11-25"
    goals = resources(data, "Goal")
    assert [g["description"]["text"] for g in goals] == [
        "Evitar enfermarme",
        "No tomar pastillas",
        "Walk my dog every day",
    ]
    [answers] = resources(data, "QuestionnaireResponse")
    values = next(i for i in answers["item"] if i["linkId"] == "values")
    assert values["item"][0]["answer"][0]["valueInteger"] == 3
    sure = next(i for i in answers["item"] if i["linkId"] == "sure")
    assert [i["answer"][0]["valueBoolean"] for i in sure["item"]] == [True] * 4
    [document] = resources(data, "DocumentReference")
    attachment = document["content"][0]["attachment"]
    assert base64.b64decode(attachment["data"]) == b"%PDF-1.4 signed plan"
    assert attachment["contentType"] == "application/pdf" and attachment["language"] == "es"
    [provenance] = resources(data, "Provenance")
    assert provenance["agent"][-1]["who"]["display"] == "Riverside clinic certificate"
    [patient] = resources(data, "Patient")
    assert patient["identifier"][0]["value"] == "MRN-1"


def test_codes_are_checked() -> None:
    data = bundle()
    resources(data, "CarePlan")[0]["status"] = "bogus"  # fhir.resources would accept it
    with pytest.raises(ValueError, match=r"CarePlan\.status"):
        check_codes(data)


def test_cli_fhir_and_ics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    visit = tmp_path / "visit.yaml"
    save_visit(filled_visit(test_aid()), visit)
    code = main(
        [
            "export",
            str(visit),
            "-o",
            str(tmp_path / "plan.pdf"),
            "--aids",
            str(GOOD_AID.parent),
            "--fhir",
            str(tmp_path / "plan.json"),
            "--ics",
            str(tmp_path / "plan.ics"),
        ]
    )
    assert code == 0, capsys.readouterr().err
    data = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    Bundle.model_validate(data)
    document = resources(data, "DocumentReference")[0]
    pdf = base64.b64decode(document["content"][0]["attachment"]["data"])
    assert pdf == (tmp_path / "plan.pdf").read_bytes()
    assert (tmp_path / "plan.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
