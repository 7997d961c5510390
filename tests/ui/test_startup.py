"""Starting the app: the window is painted first, the rest follows without losing anything."""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from sdm_app.content.library import Library, bundled_aids_dir
from sdm_app.domain.steps import STEPS, Step
from sdm_app.i18n import translator
from sdm_app.settings import Settings, load_settings, save_settings, settings_path
from sdm_app.settings_file import Display, read_display
from sdm_app.ui import startup
from sdm_app.ui.main_window import MainWindow
from sdm_app.ui.session import VisitSession
from sdm_app.ui.style import applied_contrast, apply_style, scale_sheet

ROOT = Path(__file__).resolve().parents[2]

#: Modules the first screen must not wait for (each costs tens of milliseconds at start).
NOT_BEFORE_FIRST_PAINT = (
    "pydantic",
    "sdm_app.settings",
    "sdm_app.domain.visit",
    "sdm_app.ui.session",
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
    "decimal",
)

PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
from sdm_app.logs import configure_logging
from sdm_app.settings_file import read_display
from sdm_app.ui.startup import after_next_paint, launch
configure_logging()  # as sdm-app does, before the window
app = QApplication([])
seen = {}
window = launch(app, read_display())
after_next_paint(window, lambda: seen.update(painted=sorted(m for m in sys.modules)))
window.started.connect(app.quit)
app.exec()
print(json.dumps({"painted": seen["painted"], "started": sorted(sys.modules)}))
"""


@pytest.mark.parametrize(
    "platform",
    [
        "offscreen",
        # A real X server paints differently: a window whose page changes gets no paint event
        # of its own there, which once kept the app from ever finishing starting.
        pytest.param(
            "xcb",
            marks=pytest.mark.skipif(
                shutil.which("xvfb-run") is None,
                reason="needs xvfb-run (scripts/run-tests.sh installs it)",
            ),
        ),
    ],
)
def test_the_first_paint_waits_for_nothing_it_does_not_show(tmp_path: Path, platform: str) -> None:
    env = dict(
        os.environ,
        SDM_CACHE_DIR=str(tmp_path / "cache"),
        XDG_STATE_HOME=str(tmp_path / "state"),  # the log's folder
        QT_QPA_PLATFORM=platform,
    )
    command = [sys.executable, "-c", PROBE]
    if platform == "xcb":
        command = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", *command]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=90)
    assert result.returncode == 0, result.stderr
    modules = json.loads(result.stdout.strip().splitlines()[-1])
    early = {m.split(".")[0] if not m.startswith("sdm_app") else m for m in modules["painted"]}
    assert not early & set(NOT_BEFORE_FIRST_PAINT)
    assert "logging.handlers" not in modules["painted"]  # the log file opens when written to
    # ...and once started, the library, autosave and every step are there
    assert {"sdm_app.content.library", "cryptography", "sdm_app.ui.steps.review_step"} <= set(
        modules["started"]
    )


def test_launch_finishes_starting_after_the_first_paint(qtbot: QtBot, qapp: object) -> None:
    display = read_display()
    apply_style(qapp, display.text_scale)  # type: ignore[arg-type]
    window = startup.launch(qapp, display)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert window.frame == display and window.pages.built(Step.start) is None
    with qtbot.waitSignal(window.bound, timeout=10_000):
        pass
    assert window.frame is None and window.pages.built(Step.start) is not None
    assert window.autosave is None and window.pages.built(Step.review) is None
    with qtbot.waitSignal(window.started, timeout=10_000):
        pass
    assert window.autosave is not None
    assert all(window.pages.built(step) is not None for step in STEPS)
    assert window.session.library.aids  # the bundled aids
    assert window.current_step is Step.start
    assert gc.get_freeze_count() > 0  # start-up's objects are out of the collector's way


def test_what_is_typed_before_autosave_opens_is_saved(qtbot: QtBot, qapp: object) -> None:
    window = startup.launch(qapp, read_display())  # type: ignore[arg-type]
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.bound, timeout=10_000):
        pass
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
    window = startup.launch(qapp, read_display())  # type: ignore[arg-type]
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
    window = startup.launch(qapp, read_display())  # type: ignore[arg-type]
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
    release = threading.Event()
    open_store = startup.open_store

    def slow() -> object:
        release.wait(10)
        return open_store()

    errors: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(args.exc_value))
    monkeypatch.setattr(startup, "open_store", slow)
    window = MainWindow(VisitSession(Library.load([bundled_aids_dir()]), load_settings()))
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


@pytest.fixture
def default_style(qapp: QApplication) -> Iterator[None]:
    """A test that styles the application puts the standard look back for the next."""
    yield
    apply_style(qapp)


def test_the_frame_has_the_saved_look_and_the_session_keeps_it(
    qtbot: QtBot, qapp: QApplication, default_style: None
) -> None:
    save_settings(Settings(default_language="ar", text_scale=150, high_contrast=True))
    display = read_display()
    apply_style(qapp, display.text_scale, display.high_contrast)  # as sdm-app does
    window = startup.launch(qapp, display)
    qtbot.addWidget(window)
    title = translator("ar").gettext("Shared decisions")
    assert title != "Shared decisions"

    # the frame, before the settings model is loaded: Arabic, right to left, 150 %, contrast
    assert window.frame == display
    assert window.windowTitle() == title
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.text_size.text() == "150%"
    assert window.contrast_action.isChecked()
    assert window.styleSheet() == scale_sheet(150)
    assert window.language.currentData() == "ar"
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)  # nothing is bound yet
    window.larger_action.trigger()

    with qtbot.waitSignal(window.bound, timeout=10_000):
        pass
    assert window.current_step is Step.start  # the click on the frame did nothing
    assert window.session.language == "ar" and window.session.settings.text_scale == 150
    assert window.windowTitle() == title and window.styleSheet() == scale_sheet(150)
    assert applied_contrast(qapp) is True
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)  # and now it works
    assert window.current_step is Step.choose
    with qtbot.waitSignal(window.started, timeout=10_000):
        pass


def test_where_the_model_disagrees_with_the_frame_the_model_wins(
    qtbot: QtBot, qapp: QApplication, default_style: None
) -> None:
    # the file says 150 % as a string: the first screen reads the default, the model 150
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"schema_version": 1, "text_scale": "150"}), encoding="utf-8")
    display = read_display()
    assert display.text_scale == 100 and load_settings().text_scale == 150
    apply_style(qapp, display.text_scale, display.high_contrast)
    window = startup.launch(qapp, display)
    qtbot.addWidget(window)
    assert window.text_size.text() == "100%"
    with qtbot.waitSignal(window.bound, timeout=10_000):
        pass
    assert window.text_size.text() == "150%"
    assert window.styleSheet() == scale_sheet(150)
    with qtbot.waitSignal(window.started, timeout=10_000):
        pass


def test_a_language_chosen_on_the_frame_is_kept(qtbot: QtBot, qapp: QApplication) -> None:
    window = startup.launch(qapp, Display(language="en"))
    qtbot.addWidget(window)
    window.language.setCurrentIndex(window.language.findData("es"))  # before the session
    with qtbot.waitSignal(window.bound, timeout=10_000):
        pass
    assert window.session.language == "es"
    assert window.session.visit.patient.language == "es"
    assert window.next_button.text() == translator("es").gettext("Next")
    with qtbot.waitSignal(window.started, timeout=10_000):
        pass


def test_an_error_loading_the_settings_is_raised_on_the_gui_thread(
    qtbot: QtBot, qapp: QApplication
) -> None:
    threads: list[threading.Thread] = []

    def broken() -> Settings:
        threads.append(threading.current_thread())
        raise RuntimeError("settings exploded")

    with qtbot.captureExceptions() as exceptions:
        window = startup.launch(qapp, Display(), broken)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: bool(exceptions), timeout=10_000)
    assert threads and threads[0] is not threading.main_thread()
    assert isinstance(exceptions[0][1], RuntimeError)
    assert window.frame is not None  # still the frame: nothing half-bound


def test_closing_the_window_before_it_has_its_session_is_harmless(
    qtbot: QtBot, qapp: QApplication
) -> None:
    release = threading.Event()

    def slow() -> Settings:
        release.wait(10)
        return load_settings()

    with qtbot.captureExceptions() as exceptions:
        window = startup.launch(qapp, Display(), slow)
        qtbot.waitUntil(lambda: window.findChild(startup.SettingsLoader) is not None)
        loader = window.findChild(startup.SettingsLoader)
        loader_thread = loader.loading
        window.close()  # nothing to save: no visit yet
        window.deleteLater()  # the loader goes with it
        qtbot.waitUntil(lambda: not Shiboken.isValid(loader))
        release.set()
        loader_thread.join(10)
        qtbot.wait(50)
    assert not loader_thread.is_alive()
    assert exceptions == []


def test_a_window_that_is_not_painted_does_not_hold_start_up_back(
    qtbot: QtBot, qapp: QApplication
) -> None:
    shown, hidden = QWidget(), QWidget()
    qtbot.addWidget(shown)
    qtbot.addWidget(hidden)
    calls: list[str] = []
    startup.after_next_paint(shown, lambda: calls.append("shown"), longest=60_000)
    startup.after_next_paint(hidden, lambda: calls.append("hidden"), longest=200)
    shown.show()
    qtbot.waitUntil(lambda: calls == ["shown"], timeout=5_000)  # painted: at once
    qtbot.waitUntil(lambda: calls == ["shown", "hidden"], timeout=5_000)  # never painted
    shown.update()
    qtbot.wait(300)
    assert calls == ["shown", "hidden"]  # each once


def test_a_window_is_bound_once(window: MainWindow) -> None:
    with pytest.raises(RuntimeError, match="bound to one session"):
        window.bind(window.session)
