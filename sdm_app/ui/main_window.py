"""The main window. For now: the library of decision aids, with any that failed to load."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from sdm_app.content.library import Library
from sdm_app.i18n import translator


class MainWindow(QMainWindow):
    """Shows the aids found and why any did not load."""

    def __init__(self, library: Library, language: str = "en") -> None:
        super().__init__()
        self.library = library
        self.language = language
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.heading.setFont(font)
        self.aid_list = QListWidget()
        self.aid_list.setAccessibleName("Decision aids")
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)
        layout.addWidget(self.aid_list, 1)
        layout.addWidget(self.problems)
        self.setCentralWidget(central)
        self.resize(1100, 720)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        tr = translator(self.language)
        _ = tr.gettext
        self.setWindowTitle(_("Shared decisions"))
        self.heading.setText(_("Decision aids"))
        self.aid_list.clear()
        for entry in self.library.aids:
            aid = entry.aid
            assert aid is not None
            title = aid.text(aid.title, self.language)
            status = _("Review status: {status}").format(status=aid.evidence.review_status.value)
            item = QListWidgetItem(f"{title}\n{status} · {aid.id} {aid.version}")
            item.setData(Qt.ItemDataRole.UserRole, aid.id)
            self.aid_list.addItem(item)
        failed = self.library.failed
        if failed:
            lines = [_("These files could not be loaded:")]
            lines += [str(d) for entry in failed for d in entry.diagnostics]
            self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(failed))
