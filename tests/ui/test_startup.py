"""Starting the app: the window is painted first, the rest follows without losing anything."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sdm_app.domain.flow import STEPS, Step
from sdm_app.settings import load_settings
from sdm_app.ui import startup
from sdm_app.ui.style import apply_style

ROOT = Path(__file__).resolve().parents[2]

#: Modules the first screen must not wait for (each costs tens of milliseconds at start).
NOT_BEFORE_FIRST_PAINT = (
    "yaml",
    "babel",
    "cryptography",
    "keyring",
    "reportlab",
    "pyhanko",
    "sdm_app.content.library",
    "sdm_app.domain.aid",
    "sdm_app.domain.plan",
    "sdm_app.ui.steps.choose_step",
    "sdm_app.ui.steps.review_step",
)

PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
from sdm_app.settings import load_settings
from sdm_app.ui.startup import after_first_paint, launch
app = QApplication([])
seen = {}
window = launch(app, load_settings())
after_first_paint(window, lambda: seen.update(painted=sorted(m for m in sys.modules)))
window.started.connect(app.quit)
app.exec()
print(json.dumps({"painted": seen["painted"], "started": sorted(sys.modules)}))
"""


def test_the_first_paint_waits_for_nothing_it_does_not_show(tmp_path: Path) -> None:
    env = dict(os.environ, SDM_CACHE_DIR=str(tmp_path / "cache"))
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    modules = json.loads(result.stdout.strip().splitlines()[-1])
    early = {m.split(".")[0] if not m.startswith("sdm_app") else m for m in modules["painted"]}
    assert not early & set(NOT_BEFORE_FIRST_PAINT)
    # ...and once started, the library, autosave and every step are there
    assert {"sdm_app.content.library", "cryptography", "sdm_app.ui.steps.review_step"} <= set(
        modules["started"]
    )


def test_launch_finishes_starting_after_the_first_paint(qtbot: QtBot, qapp: object) -> None:
    settings = load_settings()
    apply_style(qapp, settings.text_scale)  # type: ignore[arg-type]
    window = startup.launch(qapp, settings)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert window.autosave is None and window.pages.built(Step.review) is None
    with qtbot.waitSignal(window.started, timeout=10_000):
        pass
    assert window.autosave is not None
    assert all(window.pages.built(step) is not None for step in STEPS)
    assert window.session.library.aids  # the bundled aids
    assert window.current_step is Step.start
    assert gc.get_freeze_count() > 0  # start-up's objects are out of the collector's way


def test_what_is_typed_before_autosave_opens_is_saved(qtbot: QtBot, qapp: object) -> None:
    settings = load_settings()
    window = startup.launch(qapp, settings)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    start = window.pages[Step.start]
    qtbot.keyClicks(start.patient_name, "Early Typist")  # type: ignore[attr-defined]
    assert window.autosave is None
    with qtbot.waitSignal(window.started, timeout=10_000):
        pass
    assert window.autosave is not None
    with qtbot.waitSignal(window.autosave.saved, timeout=5_000):
        pass
    entries = window.autosave.store.entries()
    assert len(entries) == 1
    assert window.autosave.store.load(entries[0].path).patient.display_name == "Early Typist"


def test_the_keyring_is_asked_off_the_gui_thread(
    qtbot: QtBot, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened_on: list[threading.Thread] = []
    open_store = startup.open_store

    def recording() -> object:
        opened_on.append(threading.current_thread())
        return open_store()

    monkeypatch.setattr(startup, "open_store", recording)
    window = startup.launch(qapp, load_settings())  # type: ignore[arg-type]
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.started, timeout=10_000):
        pass
    assert opened_on and opened_on[0] is not threading.main_thread()
    assert window.autosave is not None


def test_an_autosave_store_that_cannot_be_opened_is_said_and_nothing_stops(
    qtbot: QtBot, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused() -> object:
        raise PermissionError(13, "Permission denied", "/home/someone/.local/share/sdm-app")

    monkeypatch.setattr(startup, "open_store", refused)
    window = startup.launch(qapp, load_settings())  # type: ignore[arg-type]
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.started, timeout=10_000):
        pass
    assert window.autosave is None
    assert window.banner.isVisibleTo(window)
    assert "Permission denied" in window.banner.text()
    assert all(window.pages.built(step) is not None for step in STEPS)


def test_closing_the_window_while_the_key_is_looked_up_is_harmless(
    qtbot: QtBot, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from shiboken6 import Shiboken

    release = threading.Event()
    open_store = startup.open_store

    def slow() -> object:
        release.wait(10)
        return open_store()

    errors: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(args.exc_value))
    monkeypatch.setattr(startup, "open_store", slow)
    window = startup._bare_window(qapp, load_settings(), None)  # type: ignore[arg-type]
    called: list[bool] = []
    opener = startup.StoreOpener(window, then=lambda: called.append(True))
    window.close()
    window.deleteLater()  # the opener goes with it
    qtbot.waitUntil(lambda: not Shiboken.isValid(opener))
    release.set()
    opener.lookup.join(10)
    qtbot.wait(50)
    assert not opener.lookup.is_alive()
    assert errors == [] and called == []
