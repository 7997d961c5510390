"""Where the settings file lives, and the three values the first screen needs from it.

The window's frame is painted before pydantic and the settings model are imported (they
take longer to import than Qt takes to show a window; see ``ui/startup.py``). To look
right from its first paint, the frame needs the screen language, the text size and the
contrast: :func:`read_display` reads just those with the standard library. The settings
model (:mod:`sdm_app.settings`) stays the authority: it is loaded right after the first
paint, and where it disagrees (a value this reader took as default, an older file a
migration changes, a file the model refuses as a whole) the window follows the model.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

ENV_VAR = "SDM_CONFIG_DIR"
DEFAULT_LANGUAGE = "en"
TEXT_SCALE_MIN = 100
TEXT_SCALE_MAX = 200


def config_dir() -> Path:
    """Where settings live."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir("sdm-app", appauthor=False))


def settings_path() -> Path:
    """The settings file."""
    return config_dir() / "settings.json"


@dataclass(frozen=True)
class Display:
    """How the screen looks: its language, text size (percent) and contrast."""

    language: str = DEFAULT_LANGUAGE
    text_scale: int = TEXT_SCALE_MIN
    high_contrast: bool = False


def read_display(path: Path | None = None) -> Display:
    """The screen's language, text size and contrast from the settings file, read without
    the settings model. A value that is missing, of another type or out of range reads as
    the default (the model, loaded next, decides); so does a file that cannot be read."""
    try:
        raw = json.loads((path or settings_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Display()
    if not isinstance(raw, dict):
        return Display()
    language = raw.get("default_language")
    scale = raw.get("text_scale")
    contrast = raw.get("high_contrast")
    return Display(
        language=language if isinstance(language, str) and language else DEFAULT_LANGUAGE,
        text_scale=(
            scale
            if type(scale) is int and TEXT_SCALE_MIN <= scale <= TEXT_SCALE_MAX
            else TEXT_SCALE_MIN
        ),
        high_contrast=contrast if isinstance(contrast, bool) else False,
    )
