"""The one settings model: clinic details, defaults, and how to print.

Stored as JSON in the per-user config folder (``platformdirs``), or in the folder
named by ``SDM_CONFIG_DIR`` (tests point it at a temporary folder). Each file
carries ``schema_version``; :data:`MIGRATIONS` upgrades older files step by step,
so a clinic's settings survive upgrades.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sdm_app.domain.clinic import Clinic
from sdm_app.files import write_private
from sdm_app.settings_file import (
    DEFAULT_LANGUAGE,
    TEXT_SCALE_MAX,
    TEXT_SCALE_MIN,
    Display,
    settings_path,
)

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1

#: schema_version N -> a function turning a version-N dict into version N+1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class SigningSettings(BaseModel):
    """How plans are signed. Empty ``certificate``: the local clinic certificate the app creates."""

    model_config = ConfigDict(extra="ignore")

    certificate: str = Field(default="", description="Path of the clinic's PKCS#12 (.p12) file.")
    timestamp_url: str = Field(
        default="", description="RFC 3161 timestamp server (PAdES B-T); none by default (offline)."
    )


class Settings(BaseModel):
    """Everything a clinic or user sets once."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    schema_version: int = SCHEMA_VERSION
    clinic: Clinic = Field(default_factory=Clinic)
    default_clinician: str = ""
    default_language: str = DEFAULT_LANGUAGE
    paper: Literal["letter", "a4"] | None = Field(
        default=None, description="None: by the plan's language (Letter in the Americas, else A4)."
    )
    large_print: bool = False
    text_scale: int = Field(
        default=TEXT_SCALE_MIN,
        ge=TEXT_SCALE_MIN,
        le=TEXT_SCALE_MAX,
        description="Screen text size, percent.",
    )
    high_contrast: bool = False
    signing: SigningSettings = Field(default_factory=SigningSettings)
    idle_lock_minutes: int = Field(
        default=3,
        ge=0,
        le=120,
        description="Hide patient information after this much idle time (0: never).",
    )
    autosave_retention_days: int = Field(
        default=7,
        ge=1,
        le=365,
        description="Unfinished autosaved visits older than this are deleted.",
    )
    unreviewed_translations: Literal["allow", "warn", "refuse"] = Field(
        default="warn",
        description="When a plan would use a translation not yet reviewed by a qualified "
        "medical translator: allow it, warn before saving, or refuse to save.",
    )

    def display(self) -> Display:
        """The screen's language, text size and contrast (what the first screen is drawn with)."""
        return Display(self.default_language, self.text_scale, self.high_contrast)


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring a settings dict up to :data:`SCHEMA_VERSION`."""
    version = int(data.get("schema_version", 1))
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings, or defaults when there are none or they cannot be read."""
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Settings.model_validate(migrate(raw))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError, ValidationError, KeyError) as exc:
        log.warning(
            "settings file %s could not be read (%s); using defaults", path, type(exc).__name__
        )
        return Settings()


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically, owner-only."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, settings.model_dump_json(indent=2).encode("utf-8"))
