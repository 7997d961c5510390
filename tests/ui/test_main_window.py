"""The window starts with the library and shows aids that failed to load."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from sdm_app.content.library import Library
from sdm_app.ui.main_window import MainWindow
from tests.conftest import GOOD_AID


def test_lists_aids_and_failures(qtbot: QtBot, tmp_path: Path) -> None:
    shutil.copy(GOOD_AID, tmp_path / "good.yaml")
    (tmp_path / "bad.yaml").write_text("format: 1\nid: [\n", encoding="utf-8")
    window = MainWindow(Library.load([tmp_path]))
    qtbot.addWidget(window)
    window.show()
    assert window.aid_list.count() == 1
    assert "Test decision" in window.aid_list.item(0).text()
    assert window.problems.isVisible()
    assert "bad.yaml:3:1" in window.problems.text()
