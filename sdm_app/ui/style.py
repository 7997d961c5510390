"""The app's look: large, calm, high-contrast, with finger-sized targets."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 13
TOUCH = 44  # minimum touch target, px

ACCENT = "#1f4e79"
ACCENT_LIGHT = "#dbe7f3"
INK = "#1b1b1b"
MUTED = "#4a5560"
LINE = "#c9d1d9"
SURFACE = "#f6f8fa"
WARN_BG = "#fff4d6"
WARN_INK = "#5c4200"

STYLESHEET = f"""
QWidget {{ color: {INK}; }}
QMainWindow, QDialog {{ background: white; }}
QPushButton, QToolButton {{
    min-height: {TOUCH}px; padding: 4px 16px; border: 1px solid {LINE};
    border-radius: 6px; background: {SURFACE};
}}
QPushButton:hover, QToolButton:hover {{ border-color: {ACCENT}; }}
QPushButton:focus, QToolButton:focus, QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus,
QComboBox:focus, QDateEdit:focus, QListWidget:focus, QCheckBox:focus, QRadioButton:focus {{
    outline: 3px solid #f0a500; border: 2px solid #f0a500;
}}
QPushButton:checked {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
QPushButton[primary="true"] {{ background: {ACCENT}; color: white; border-color: {ACCENT};
    font-weight: 600; }}
QPushButton:disabled, QLineEdit:disabled, QDateEdit:disabled, QComboBox:disabled {{
    color: #8a949e; background: #eef0f2; }}
QLineEdit, QComboBox, QDateEdit {{ min-height: {TOUCH - 6}px; padding: 2px 8px;
    border: 1px solid {LINE}; border-radius: 6px; background: white; }}
QComboBox::drop-down, QDateEdit::drop-down {{ width: 30px; border: none; }}
QComboBox::down-arrow, QDateEdit::down-arrow {{ width: 12px; height: 12px; }}
QTextEdit, QPlainTextEdit {{ border: 1px solid {LINE}; border-radius: 6px; background: white; }}
QCheckBox, QRadioButton {{ min-height: {TOUCH - 8}px; spacing: 10px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 22px; height: 22px; }}
QLabel[role="title"] {{ font-size: {BASE_POINT_SIZE + 9}pt; font-weight: 600; }}
QLabel[role="subtitle"] {{ font-size: {BASE_POINT_SIZE + 3}pt; font-weight: 600;
    color: {ACCENT}; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="warning"] {{ background: {WARN_BG}; color: {WARN_INK}; border-radius: 6px;
    padding: 10px; }}
QLabel[role="note"] {{ background: #e3f1e6; color: #1d4a27; border-radius: 6px; padding: 10px; }}
QFrame[role="card"] {{ background: white; border: 1px solid {LINE}; border-radius: 8px; }}
QFrame[role="chosen"] {{ background: {ACCENT_LIGHT}; border: 2px solid {ACCENT};
    border-radius: 8px; }}
QListWidget {{ border: 1px solid {LINE}; border-radius: 6px; }}
QListWidget::item {{ padding: 10px; border-bottom: 1px solid #eef0f2; }}
QListWidget::item:selected {{ background: {ACCENT_LIGHT}; color: {INK}; }}
QScrollArea {{ border: none; background: white; }}
"""


def apply_style(app: QApplication) -> None:
    """Set the font, palette and stylesheet for the whole app."""
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("white"))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    palette.setColor(QPalette.ColorRole.Text, QColor(INK))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(INK))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)
