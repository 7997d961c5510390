"""The JSON Schema of the aid format, for editors (``sdm schema``, decision_aids/schema.json)."""

from __future__ import annotations

import json
from typing import Any

from sdm_app.domain.aid import DecisionAid


def aid_schema() -> dict[str, Any]:
    """The schema as a dict."""
    schema = DecisionAid.model_json_schema(mode="validation")
    out: dict[str, Any] = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    out.update(schema)
    out["title"] = "sdm-app decision aid"
    return out


def aid_schema_text() -> str:
    """The schema as stable, pretty JSON text ending in a newline."""
    return json.dumps(aid_schema(), indent=2, ensure_ascii=False) + "\n"
