"""Runs the real app window, enters a visit through its widgets, waits for the autosave,
prints READY, and waits to be killed. Used by test_crash_recovery.py."""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sdm_app.content.library import Library, bundled_aids_dir
from sdm_app.domain.steps import Step
from sdm_app.domain.visit import Importance
from sdm_app.settings import load_settings
from sdm_app.ui.startup import autosave_dir, build_window


def main() -> None:
    app = QApplication(sys.argv[:1])
    window = build_window(app, load_settings(), Library.load([bundled_aids_dir()]))
    window.show()
    start = window.pages[Step.start]
    QTest.keyClicks(start.patient_name, "Killed Midvisit")
    window.go_to(Step.choose)
    choose = window.pages[Step.choose]
    choose.aid_list.setCurrentRow(0)
    window.go_to(Step.values)
    values = window.pages[Step.values]
    first = window.session.aid.values[0].id  # type: ignore[union-attr]
    values.selectors[first].buttons[Importance.very].click()
    window.go_to(Step.decide)
    decide = window.pages[Step.decide]
    QTest.keyClicks(decide.reasons, "Typed just before the crash")
    deadline = time.monotonic() + 10
    target = autosave_dir() / f"{window.session.visit.id}.sdmvisit"
    while time.monotonic() < deadline:
        app.processEvents()
        if target.exists() and target.read_bytes() != b"":
            QTest.qWait(600)  # let the last keystrokes reach the disk
            break
        QTest.qWait(50)
    print("READY", window.session.visit.id, flush=True)
    while True:
        app.processEvents()
        time.sleep(0.05)
        _ = Qt  # keep the import used


if __name__ == "__main__":
    main()
