"""UI fixtures: a window over the bundled library with test settings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from sdm_app.content.library import Library, bundled_aids_dir
from sdm_app.domain.clinic import Clinic, Contact
from sdm_app.settings import Settings
from sdm_app.ui.dialogs import messages
from sdm_app.ui.gc_guard import GarbageCollector
from sdm_app.ui.main_window import MainWindow
from sdm_app.ui.session import VisitSession
from sdm_app.ui.signing_service import SigningService
from sdm_app.ui.style import apply_style


@pytest.fixture(scope="session")
def bundled_library() -> Library:
    return Library.load([bundled_aids_dir()])


@pytest.fixture(scope="session", autouse=True)
def gui_thread_garbage_collection(qapp: QApplication) -> Iterator[None]:
    """As in the app: Python garbage is collected on the GUI thread only."""
    collector = GarbageCollector()
    yield
    collector.stop()


TEST_PASSPHRASE = "test passphrase 123"


@pytest.fixture(autouse=True)
def qt_texts_back_in_english() -> Iterator[None]:
    """A test that switched the screen language leaves Qt's own texts as it found them."""
    yield
    from sdm_app.ui.qt_translations import use_qt_translations

    use_qt_translations("en")


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Modal dialogs would wait for a person: answer them as a person would."""
    monkeypatch.setattr(SigningService, "ask", lambda *_args: (TEST_PASSPHRASE, False))
    monkeypatch.setattr(QMessageBox, "warning", lambda *_args: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(messages, "warn", lambda *_args: None)


@pytest.fixture
def session(bundled_library: Library, qapp: QApplication) -> VisitSession:
    apply_style(qapp)
    settings = Settings(
        clinic=Clinic(
            name="Riverside Clinic",
            phone="555-0100",
            contacts=[Contact(label="Nurse line", phone="555-0123")],
        ),
        default_clinician="Dr. Rivera",
    )
    return VisitSession(bundled_library, settings)


@pytest.fixture
def window(session: VisitSession, qtbot: QtBot) -> Iterator[MainWindow]:
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)
    yield win
    win.review.worker.wait()
