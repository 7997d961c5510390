"""Autosave within a second, the idle lock, new visits, and logs without patient data."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sdm_app.content.library import Library, bundled_aids_dir
from sdm_app.domain.steps import Step
from sdm_app.logs import configure_logging
from sdm_app.settings import Settings
from sdm_app.ui import startup
from sdm_app.ui.main_window import MainWindow
from tests.ui.test_flow import choose_first_aid, click


@pytest.fixture
def app_window(qtbot: QtBot, qapp: QApplication) -> MainWindow:
    window = startup.build_window(
        qapp, Settings(idle_lock_minutes=3), Library.load([bundled_aids_dir()])
    )
    qtbot.addWidget(window)
    window.show()
    return window


def test_every_change_reaches_disk_within_a_second(qtbot: QtBot, app_window: MainWindow) -> None:
    store = app_window.autosave.store  # type: ignore[union-attr]
    qtbot.keyClicks(app_window.pages[Step.start].patient_name, "Ada")
    path = store.path_for(app_window.session.visit.id)
    qtbot.waitUntil(path.exists, timeout=1000)
    qtbot.keyClicks(app_window.pages[Step.start].patient_name, " Lovelace")
    qtbot.waitUntil(lambda: store.load(path).patient.display_name == "Ada Lovelace", timeout=1000)


def test_idle_lock_hides_everything_and_one_click_resumes(
    qtbot: QtBot, app_window: MainWindow
) -> None:
    qtbot.keyClicks(app_window.pages[Step.start].patient_name, "Private Name")
    watcher = app_window.idle_watcher  # type: ignore[attr-defined]
    watcher.timer.setInterval(100)
    watcher.timer.start()
    qtbot.waitUntil(lambda: app_window.locked, timeout=2000)
    assert not app_window.pages[Step.start].isVisible()
    visible = [
        w.text() for w in app_window.findChildren(type(app_window.lock_text)) if w.isVisible()
    ]
    assert not any("Private Name" in t for t in visible)
    click(qtbot, app_window.unlock_button)
    assert not app_window.locked
    assert app_window.pages[Step.start].patient_name.text() == "Private Name"


def test_discard_from_the_lock_screen(qtbot: QtBot, app_window: MainWindow) -> None:
    qtbot.keyClicks(app_window.pages[Step.start].patient_name, "Gone Soon")
    app_window.autosave.save_now()  # type: ignore[union-attr]
    old_id = app_window.session.visit.id
    app_window.lock()
    app_window.ask_new_visit = lambda: True  # type: ignore[method-assign]
    click(qtbot, app_window.discard_button)
    assert not app_window.locked and app_window.session.visit.id != old_id
    assert app_window.pages[Step.start].patient_name.text() == ""
    assert not app_window.autosave.store.path_for(old_id).exists()  # type: ignore[union-attr]


def test_autosave_failure_is_shown_and_nothing_is_lost(
    qtbot: QtBot, app_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = app_window.autosave.store  # type: ignore[union-attr]

    def full(*_args: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "save", full)
    qtbot.keyClicks(app_window.pages[Step.start].patient_name, "Still Here")
    qtbot.waitUntil(app_window.banner.isVisible, timeout=2000)
    assert "No space left on device" in app_window.banner.text()
    assert app_window.session.visit.patient.display_name == "Still Here"


SECRETS = {
    "name": "Zephyrine Quillfeather",
    "record": "MRN-77441-QX",
    "reasons": "Because of my secret garden plans",
    "own": "Tending bees every dawn",
    "note": "Worried about the Kestrel Street pharmacy",
    "teach": "I will ring Dr Pemberton-Oduya",
}


def test_logs_never_hold_patient_data(qtbot: QtBot, app_window: MainWindow, tmp_path: Path) -> None:
    log_file = configure_logging(logging.DEBUG, tmp_path / "logs")
    window = app_window
    start = window.pages[Step.start]
    qtbot.keyClicks(start.patient_name, SECRETS["name"])
    qtbot.keyClicks(start.record_number, SECRETS["record"])
    choose_first_aid(qtbot, window)
    window.go_to(Step.values)
    values = window.pages[Step.values]
    qtbot.keyClicks(values.own_input, SECRETS["own"])
    qtbot.keyClick(values.own_input, Qt.Key.Key_Return)
    window.go_to(Step.costs)
    costs = window.pages[Step.costs]
    click(qtbot, costs.concern_cards[0].raised)
    qtbot.keyClicks(costs.concern_cards[0].note, SECRETS["note"])
    window.go_to(Step.decide)
    decide = window.pages[Step.decide]
    click(qtbot, decide.later)
    qtbot.keyClicks(decide.reasons, SECRETS["reasons"])
    click(qtbot, decide.teach_done)
    qtbot.keyClicks(decide.teach_words, SECRETS["teach"])
    window.go_to(Step.review)
    review = window.pages[Step.review]
    review.choose_path = lambda: tmp_path / "plan.pdf"  # type: ignore[method-assign]
    with qtbot.waitSignal(review.worker.exported, timeout=30000):
        click(qtbot, review.export_button)
    window.autosave.save_now()  # type: ignore[union-attr]
    window.autosave.flush()  # type: ignore[union-attr]
    logging.getLogger("sdm_app").debug("end of visit")
    text = log_file.read_text(encoding="utf-8")
    assert "end of visit" in text and "autosaved" in text  # the log works at DEBUG
    for label, secret in SECRETS.items():
        assert secret not in text, label
        for word in secret.split():
            if len(word) > 6:
                assert word not in text, (label, word)
    logging.getLogger("sdm_app").handlers.clear()


def test_input_in_the_window_restarts_the_idle_count(qtbot: QtBot, app_window: MainWindow) -> None:
    watcher = app_window.idle_watcher  # type: ignore[attr-defined]
    watcher.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one rounds by up to 5 %
    watcher.timer.setInterval(60_000)
    watcher.timer.start()
    qtbot.wait(300)
    assert watcher.timer.remainingTime() < 59_800
    handle = app_window.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, Qt.Key.Key_A)  # through the window, as the platform delivers it
    QApplication.processEvents()
    assert watcher.timer.remainingTime() > 59_800
    qtbot.wait(300)
    QTest.mouseMove(handle, QPoint(200, 200))
    QApplication.processEvents()
    assert watcher.timer.remainingTime() > 59_800


def test_autosave_writes_off_the_gui_thread_in_order_and_discard_waits(
    qtbot: QtBot, app_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = app_window.autosave
    assert controller is not None
    store = controller.store
    real_save = store.save
    threads: list[str] = []

    def slow_save(visit: object) -> Path:
        threads.append(threading.current_thread().name)
        time.sleep(0.2)  # a slow disk
        return real_save(visit)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "save", slow_save)
    qtbot.keyClicks(app_window.pages[Step.start].patient_name, "Slow Disk")
    started = time.perf_counter()
    controller.save_now()
    assert time.perf_counter() - started < 0.1  # the screen did not wait for the disk
    visit_id = app_window.session.visit.id
    controller.discard(visit_id)  # waits for the write under way, then removes it
    assert threads and all(name.startswith("autosave") for name in threads)
    assert not store.path_for(visit_id).exists()
