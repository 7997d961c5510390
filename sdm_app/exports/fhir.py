"""The plan as an HL7 FHIR R4 Bundle, built and validated with ``fhir.resources`` (R4B models,
which match R4 for every resource used here). The mapping is documented in docs/fhir.md.

fhir.resources does not check code values, so the codes used here come from the
constants below, each checked against the R4 value set it belongs to.
"""

from __future__ import annotations

import base64
import datetime as dt
import uuid
from typing import Any

from sdm_app.domain.plan import CarePlan
from sdm_app.domain.visit import DecisionStatus, Importance, Visit

# R4 value sets (checked by tests against what is used)
CAREPLAN_STATUS = {
    "draft",
    "active",
    "on-hold",
    "revoked",
    "completed",
    "entered-in-error",
    "unknown",
}
CAREPLAN_INTENT = {"proposal", "plan", "order", "option"}
ACTIVITY_STATUS = {
    "not-started",
    "scheduled",
    "in-progress",
    "on-hold",
    "completed",
    "cancelled",
    "stopped",
    "unknown",
    "entered-in-error",
}
GOAL_LIFECYCLE = {
    "proposed",
    "planned",
    "accepted",
    "active",
    "on-hold",
    "completed",
    "cancelled",
    "entered-in-error",
    "rejected",
}
QR_STATUS = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}
DOCREF_STATUS = {"current", "superseded", "entered-in-error"}
SDM_SYSTEM = "urn:sdm-app:codes"  # the app's own item and activity codes


def _uuid(document_id: str, name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"sdm-app/{document_id}/{name}"))


def _ref(full_url: str) -> dict[str, str]:
    return {"reference": full_url}


def build_bundle(
    plan: CarePlan, visit: Visit, pdf: bytes, *, signer: str = "", now: dt.datetime | None = None
) -> dict[str, Any]:
    """The FHIR Bundle (type collection) as JSON-ready data, validated by the R4B models."""
    from fhir.resources.R4B.bundle import Bundle

    now = now or dt.datetime.now().astimezone().replace(microsecond=0)
    ids = {
        name: _uuid(plan.document_id, name)
        for name in ("patient", "practitioner", "careplan", "qr", "docref", "provenance")
    }
    urls = {name: f"urn:uuid:{value}" for name, value in ids.items()}
    patient: dict[str, Any] = {
        "resourceType": "Patient",
        "id": ids["patient"],
        "name": [{"text": plan.patient_name or "Unknown"}],
    }
    if visit.patient.birth_date:
        patient["birthDate"] = visit.patient.birth_date.isoformat()
    if visit.patient.record_number:
        patient["identifier"] = [{"value": visit.patient.record_number}]
    patient["communication"] = [
        {
            "language": {"coding": [{"system": "urn:ietf:bcp:47", "code": visit.patient.language}]},
            "preferred": True,
        }
    ]
    practitioner = {
        "resourceType": "Practitioner",
        "id": ids["practitioner"],
        "name": [{"text": plan.clinician_name or "Unknown"}],
    }

    goals = []
    for index, priority in enumerate(plan.priorities):
        goal_id = _uuid(plan.document_id, f"goal-{index}")
        goals.append(
            {
                "resourceType": "Goal",
                "id": goal_id,
                "lifecycleStatus": "active",
                "description": {"text": priority.prompt},
                "priority": {
                    "text": {
                        Importance.very: "high-priority",
                        Importance.somewhat: "medium-priority",
                    }.get(priority.importance, "low-priority")
                },
                "subject": _ref(urls["patient"]),
                "note": [
                    {
                        "text": f"Importance to the patient: {priority.importance.name.replace('_', ' ')}"
                    }
                ],
            }
        )
    for index, own in enumerate(plan.own_priorities):
        goals.append(
            {
                "resourceType": "Goal",
                "id": _uuid(plan.document_id, f"own-goal-{index}"),
                "lifecycleStatus": "active",
                "description": {"text": own},
                "subject": _ref(urls["patient"]),
                "note": [{"text": "In the patient's own words."}],
            }
        )

    if plan.decision_status is DecisionStatus.chosen and plan.chosen:
        decision = f"Decided together: {plan.chosen.name}"
        status = "active"
    elif plan.decision_status is DecisionStatus.decide_later:
        decision = "Agreed to decide later" + (
            f", by {plan.decide_by.isoformat()}" if plan.decide_by else ""
        )
        status = "draft"
    else:
        decision = "Not decided yet"
        status = "draft"
    activities = []
    for step in plan.next_steps:
        detail: dict[str, Any] = {
            "status": "not-started",
            "description": step.what,
            "code": {
                "coding": [{"system": SDM_SYSTEM, "code": f"who-{step.who.value}"}],
                "text": f"Done by: {step.who.value}",
            },
        }
        if step.when:
            detail["scheduledString"] = step.when.isoformat()
        activities.append({"detail": detail})
    if plan.follow_up_date:
        activities.append(
            {
                "detail": {
                    "status": "scheduled",
                    "description": "Follow-up"
                    + (f" with {plan.follow_up_with}" if plan.follow_up_with else ""),
                    "scheduledString": plan.follow_up_date.isoformat(),
                }
            }
        )
    careplan: dict[str, Any] = {
        "resourceType": "CarePlan",
        "id": ids["careplan"],
        "identifier": [{"system": SDM_SYSTEM, "value": plan.document_id}],
        "status": status,
        "intent": "plan",
        "title": plan.aid.title,
        "description": f"{plan.question} {decision}.",
        "subject": _ref(urls["patient"]),
        "created": plan.visit_date.isoformat(),
        "author": _ref(urls["practitioner"]),
        "goal": [_ref(f"urn:uuid:{g['id']}") for g in goals],
        "activity": activities,
        "supportingInfo": [_ref(urls["qr"]), _ref(urls["docref"])],
        "note": [{"text": f"Reasons in the patient's words: {plan.reasons}"}]
        if plan.reasons
        else [],
    }
    if not careplan["note"]:
        del careplan["note"]
    if not careplan["goal"]:
        del careplan["goal"]
    if not careplan["activity"]:
        del careplan["activity"]

    items: list[dict[str, Any]] = [
        {"linkId": "decision", "text": "Decision", "answer": [{"valueString": decision}]}
    ]
    if plan.ratings:
        items.append(
            {
                "linkId": "values",
                "text": "What matters to the patient (0 not important to 3 very important)",
                "item": [
                    {
                        "linkId": f"values.{r.prompt_id}",
                        "text": r.prompt,
                        "answer": [{"valueInteger": int(r.importance)}],
                    }
                    for r in plan.ratings
                ],
            }
        )
    if plan.concerns:
        items.append(
            {
                "linkId": "concerns",
                "text": "Concerns raised",
                "item": [
                    {
                        "linkId": f"concerns.{i}",
                        "text": c.label,
                        **({"answer": [{"valueString": c.note}]} if c.note else {}),
                    }
                    for i, c in enumerate(plan.concerns)
                ],
            }
        )
    if visit.cost.worry is not None:
        items.append(
            {
                "linkId": "cost-worry",
                "text": "Is cost a worry?",
                "answer": [{"valueString": visit.cost.worry.value}],
            }
        )
    sure = [
        (field, text, getattr(visit.sure, field))
        for field, text in (
            ("sure", "Do you feel SURE about the best choice for you?"),
            ("understand", "Do you know the benefits and risks of each option?"),
            ("risk_benefit", "Are you clear about which benefits and risks matter most to you?"),
            ("encouragement", "Do you have enough support and advice to make a choice?"),
        )
    ]
    if any(answer is not None for _f, _t, answer in sure):
        items.append(
            {
                "linkId": "sure",
                "text": "SURE test (O'Connor & Légaré 2008)",
                "item": [
                    {
                        "linkId": f"sure.{field}",
                        "text": text,
                        **({"answer": [{"valueBoolean": answer}]} if answer is not None else {}),
                    }
                    for field, text, answer in sure
                ],
            }
        )
    items.append(
        {
            "linkId": "teach-back",
            "text": "Teach-back done",
            "answer": [{"valueBoolean": visit.teach_back.done}],
            **(
                {
                    "item": [
                        {
                            "linkId": "teach-back.words",
                            "text": "What the patient said",
                            "answer": [{"valueString": visit.teach_back.patient_words}],
                        }
                    ]
                }
                if visit.teach_back.patient_words
                else {}
            ),
        }
    )
    questionnaire_response = {
        "resourceType": "QuestionnaireResponse",
        "id": ids["qr"],
        "status": "completed",
        "subject": _ref(urls["patient"]),
        "authored": now.isoformat(),
        "author": _ref(urls["practitioner"]),
        "item": items,
    }
    document_reference = {
        "resourceType": "DocumentReference",
        "id": ids["docref"],
        "masterIdentifier": {"system": SDM_SYSTEM, "value": plan.document_id},
        "status": "current",
        "type": {"text": "Shared care plan (shared decision-making)"},
        "subject": _ref(urls["patient"]),
        "date": now.isoformat(),
        "author": [_ref(urls["practitioner"])],
        "description": plan.aid.title,
        "content": [
            {
                "attachment": {
                    "contentType": "application/pdf",
                    "language": plan.language,
                    "data": base64.b64encode(pdf).decode("ascii"),
                    "title": f"{plan.document_id}.pdf",
                    "creation": now.isoformat(),
                }
            }
        ],
    }
    provenance = {
        "resourceType": "Provenance",
        "id": ids["provenance"],
        "target": [_ref(urls["careplan"]), _ref(urls["docref"])],
        "recorded": now.isoformat(),
        "agent": [
            {
                "type": {"text": "author"},
                "who": {**_ref(urls["practitioner"]), "display": plan.clinician_name or "Unknown"},
            },
        ],
        "reason": [{"text": "Shared decision-making visit"}],
    }
    if signer:
        provenance["agent"].append(
            {"type": {"text": "digital signature"}, "who": {"display": signer}}
        )
    entries = [
        patient,
        practitioner,
        careplan,
        *goals,
        questionnaire_response,
        document_reference,
        provenance,
    ]
    data = {
        "resourceType": "Bundle",
        "id": _uuid(plan.document_id, "bundle"),
        "type": "collection",
        "timestamp": now.isoformat(),
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in entries],
    }
    check_codes(data)
    Bundle.model_validate(data)  # raises if the bundle is not valid R4(B)
    return data


def check_codes(bundle: dict[str, Any]) -> None:
    """Raise ValueError when a status or intent is not in its R4 value set."""
    allowed = {
        ("CarePlan", "status"): CAREPLAN_STATUS,
        ("CarePlan", "intent"): CAREPLAN_INTENT,
        ("Goal", "lifecycleStatus"): GOAL_LIFECYCLE,
        ("QuestionnaireResponse", "status"): QR_STATUS,
        ("DocumentReference", "status"): DOCREF_STATUS,
    }
    for entry in bundle["entry"]:
        resource = entry["resource"]
        for (kind, field), values in allowed.items():
            if resource["resourceType"] == kind and resource.get(field) not in values:
                raise ValueError(f"{kind}.{field}: {resource.get(field)!r} is not an R4 code")
        if resource["resourceType"] == "CarePlan":
            for activity in resource.get("activity", []):
                if activity["detail"]["status"] not in ACTIVITY_STATUS:
                    raise ValueError("CarePlan.activity.detail.status is not an R4 code")


def bundle_json(bundle: dict[str, Any]) -> str:
    """Pretty JSON text."""
    import json

    return json.dumps(bundle, ensure_ascii=False, indent=2) + "\n"
