"""Kill the real app with SIGKILL mid-visit; the next start offers exactly what was entered."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from sdm_app.domain.steps import Step
from sdm_app.domain.visit import Importance
from sdm_app.settings import load_settings
from sdm_app.settings_file import read_display
from sdm_app.ui import startup

ROOT = Path(__file__).resolve().parents[2]


def always_resume(monkeypatch: object) -> list[str]:
    """Answer yes to the offer to resume; returns the questions asked."""
    asked: list[str] = []
    monkeypatch.setattr(  # type: ignore[attr-defined]
        startup, "ask_resume", lambda _parent, text, _title: asked.append(text) or True
    )
    return asked


def test_sigkill_mid_visit_then_resume(qtbot: QtBot, qapp: object, monkeypatch: object) -> None:
    env = dict(os.environ)
    driver = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("kill_driver.py"))],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = driver.stdout.readline() if driver.stdout else ""
        assert line.startswith("READY"), (line, driver.stderr.read() if driver.stderr else "")
        visit_id = line.split()[1]
    finally:
        driver.send_signal(signal.SIGKILL)
        driver.wait(timeout=10)
    assert driver.returncode == -signal.SIGKILL

    asked = always_resume(monkeypatch)
    window = startup.build_window(qapp, load_settings())  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert startup.offer_recovery(window)
    assert asked and "not finished" in asked[0]
    visit = window.session.visit
    assert visit.id == visit_id
    assert visit.patient.display_name == "Killed Midvisit"
    assert visit.decision.reasons == "Typed just before the crash"
    assert list(visit.ratings.values()) == [Importance.very]
    assert window.session.aid is not None and window.session.aid.id == visit.aid.id  # type: ignore[union-attr]
    window.go_to(Step.decide)
    assert window.pages[Step.decide].reasons.toPlainText() == "Typed just before the crash"


def test_starting_the_app_offers_the_unfinished_visit(
    qtbot: QtBot, qapp: object, monkeypatch: object
) -> None:
    earlier = startup.build_window(qapp, load_settings())  # type: ignore[arg-type]
    qtbot.addWidget(earlier)
    qtbot.keyClicks(earlier.pages[Step.start].patient_name, "Left Unfinished")  # type: ignore[attr-defined]
    assert earlier.autosave is not None
    earlier.autosave.save_now()
    earlier.autosave.flush()  # then the power went off
    asked = always_resume(monkeypatch)
    window = startup.launch(qapp, read_display())  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert not asked  # not before the window is painted and the key is found
    with qtbot.waitSignal(window.started, timeout=10_000):
        pass
    assert asked and "not finished" in asked[0]
    assert window.session.visit.patient.display_name == "Left Unfinished"
    assert window.pages[Step.start].patient_name.text() == "Left Unfinished"  # type: ignore[attr-defined]
