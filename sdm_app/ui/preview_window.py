"""``sdm-app --preview AID.yaml``: the aid as the patient will see it, reloaded on every save.

Errors (syntax or schema) appear at the top with their line and column, while the
last version that loaded stays visible below, so a half-written file never
blanks the screen or crashes the preview.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sdm_app.content.library import Library
from sdm_app.content.lint import lint_aid
from sdm_app.content.loader import LoadedAid, load_aid
from sdm_app.i18n import LANGUAGES, language_name
from sdm_app.settings import Settings
from sdm_app.ui.session import VisitSession
from sdm_app.ui.steps.compare_step import CompareStep
from sdm_app.ui.steps.costs_step import CostsStep
from sdm_app.ui.steps.options_step import OptionsStep
from sdm_app.ui.steps.values_step import ValuesStep
from sdm_app.ui.widgets.text_label import TextLabel

DEBOUNCE_MS = 250


class PreviewWindow(QMainWindow):
    """Watches one aid file and shows it through the app's own steps."""

    def __init__(self, path: Path, settings: Settings | None = None) -> None:
        super().__init__()
        self.path = path.resolve()
        self.session = VisitSession(Library(), settings or Settings())
        self.loaded: LoadedAid | None = None
        self.status = TextLabel()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.language.setAccessibleName("Preview language")
        self.tabs = QTabWidget()
        self.pages = [
            OptionsStep(self.session),
            CompareStep(self.session),
            ValuesStep(self.session),
            CostsStep(self.session),
        ]
        for page in self.pages:
            self.tabs.addTab(page, page.title.text())
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.language)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.resize(1366, 768)
        self.watcher = QFileSystemWatcher(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.reload)
        self.watcher.fileChanged.connect(lambda _p: self.timer.start())
        self.watcher.directoryChanged.connect(
            lambda _p: self.timer.start()
        )  # editors that replace files
        self.language.currentIndexChanged.connect(
            lambda i: self._language(self.language.itemData(i))
        )
        self.reload()

    def _watch(self) -> None:
        wanted = [str(self.path), str(self.path.parent)]
        present = set(self.watcher.files()) | set(self.watcher.directories())
        for item in wanted:
            if item not in present and Path(item).exists():
                self.watcher.addPath(item)

    def _language(self, code: str) -> None:
        self.session.set_language(code)
        self._retitle()

    def _retitle(self) -> None:
        for index, page in enumerate(self.pages):
            self.tabs.setTabText(index, page.title.text())

    def reload(self) -> None:
        """Load the file again; show it, or show why not and keep the last good version."""
        self._watch()
        loaded = load_aid(self.path)
        if loaded.aid is None:
            lines = [
                f"Not loaded: {len(loaded.diagnostics)} problem(s). Showing the last version that loaded."
            ]
            lines += [str(d) for d in loaded.diagnostics[:20]]
            self.status.setProperty("role", "warning")
            self.status.setText("\n".join(lines))
        else:
            self.loaded = loaded
            self.session.library = Library(entries=[loaded])
            self.session.entry = None  # a new version: forget answers about the old one
            self.session.choose_aid(loaded)
            notes = [d for d in lint_aid(loaded) if d.severity != "info"]
            summary = f"{self.path.name}: loaded ({loaded.aid.id} {loaded.aid.version}, {loaded.short_hash})."
            if notes:
                summary += f" {len(notes)} lint finding(s):\n" + "\n".join(
                    d.lint_line() for d in notes[:10]
                )
            self.status.setProperty("role", "note" if not notes else "warning")
            self.status.setText(summary)
            for page in self.pages:
                page.refresh()
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.setWindowTitle(f"Preview: {self.path.name}")
        self._retitle()
