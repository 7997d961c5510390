"""The live preview reloads on save, shows errors with their line, and never crashes."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from sdm_app.ui.preview_window import PreviewWindow
from tests.conftest import GOOD_AID


def test_preview_reloads_and_survives_half_written_files(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "aid.yaml"
    shutil.copy(GOOD_AID, path)
    window = PreviewWindow(path)
    qtbot.addWidget(window)
    window.show()
    options = window.pages[0]
    assert options.question.text() == "Should I take the pill?"
    assert "loaded" in window.status.text()

    good = path.read_text(encoding="utf-8")
    path.write_text(
        good.replace("Should I take the pill?", "Should I take the tablet?"), encoding="utf-8"
    )
    qtbot.waitUntil(lambda: options.question.text() == "Should I take the tablet?", timeout=5000)

    path.write_text(good[: len(good) // 2], encoding="utf-8")  # saved mid-edit
    qtbot.waitUntil(lambda: "Not loaded" in window.status.text(), timeout=5000)
    assert f"{path.resolve()}:" in window.status.text()  # FILE:LINE:COL of the problem
    assert options.question.text() == "Should I take the tablet?"  # the last good version stays

    path.write_text(good, encoding="utf-8")
    qtbot.waitUntil(lambda: options.question.text() == "Should I take the pill?", timeout=5000)


def test_preview_follows_atomic_saves_and_languages(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "aid.yaml"
    shutil.copy(GOOD_AID, path)
    window = PreviewWindow(path)
    qtbot.addWidget(window)
    window.language.setCurrentIndex(window.language.findData("es"))
    assert window.pages[0].question.text() == "¿Debo tomar la pastilla?"
    replacement = tmp_path / "aid.yaml.new"
    replacement.write_text(
        path.read_text(encoding="utf-8").replace("¿Debo tomar la pastilla?", "¿Tomo la pastilla?"),
        encoding="utf-8",
    )
    replacement.replace(path)  # how many editors save
    qtbot.waitUntil(lambda: window.pages[0].question.text() == "¿Tomo la pastilla?", timeout=5000)
