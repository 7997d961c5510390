"""The app's look: large, calm, high-contrast, with finger-sized targets.

Two themes (standard and high contrast) and a text scale from 100 % to 200 %.
Colours are never the only carrier of meaning: selected buttons are filled *and*
bold, warnings have a border and words, focus has a thick outline.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 13
TOUCH = 44  # minimum touch target, px
SCALES = (100, 125, 150, 175, 200)
#: The drop-down arrow of lists and date fields. A style sheet that styles a combo box draws
#: no arrow of its own: without these, a language list looked like a text field.
ICONS = Path(__file__).resolve().parent / "icons"
ARROW = (ICONS / "arrow-down.svg").as_posix()
ARROW_DISABLED = (ICONS / "arrow-down-disabled.svg").as_posix()


@dataclass(frozen=True)
class Theme:
    """The colours of one theme."""

    accent: str
    accent_light: str
    ink: str
    muted: str
    line: str
    surface: str
    warn_bg: str
    warn_ink: str
    note_bg: str
    note_ink: str
    focus: str
    border: int  # px


STANDARD = Theme(
    "#1f4e79",
    "#dbe7f3",
    "#1b1b1b",
    "#4a5560",
    "#c9d1d9",
    "#f6f8fa",
    "#fff4d6",
    "#5c4200",
    "#e3f1e6",
    "#1d4a27",
    "#f0a500",
    1,
)
HIGH_CONTRAST = Theme(
    "#002b55",
    "#ffffff",
    "#000000",
    "#000000",
    "#000000",
    "#ffffff",
    "#ffffff",
    "#000000",
    "#ffffff",
    "#000000",
    "#c25e00",
    2,
)

# Kept for modules that draw with the standard colours.
ACCENT, INK = STANDARD.accent, STANDARD.ink


def stylesheet(theme: Theme, scale: int) -> str:
    """The stylesheet for a theme and text scale (percent): the theme's rules, then the
    sizes (:func:`scale_sheet`), which add to the rules of the same selectors."""
    t = theme
    return f"""
QWidget {{ color: {t.ink}; }}
QMainWindow, QDialog {{ background: white; }}
QPushButton, QToolButton {{
    padding: 4px 16px; border: {t.border}px solid {t.line};
    border-radius: 6px; background: {t.surface};
}}
QPushButton:hover, QToolButton:hover {{ border-color: {t.accent}; }}
QPushButton:focus, QToolButton:focus, QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus,
QComboBox:focus, QDateEdit:focus, QListWidget:focus, QCheckBox:focus, QRadioButton:focus {{
    outline: 3px solid {t.focus}; border: 3px solid {t.focus};
}}
QPushButton:checked {{ background: {t.accent}; color: white; border: 3px solid {t.ink}; }}
QPushButton[primary="true"] {{ background: {t.accent}; color: white; border-color: {t.accent};
    font-weight: 600; }}
QPushButton:disabled, QLineEdit:disabled, QDateEdit:disabled, QComboBox:disabled {{
    color: #6b7580; background: #eef0f2; }}
QPushButton[primary="true"]:disabled {{ border-color: {t.line}; }}
QLineEdit, QComboBox, QDateEdit {{ padding: 2px 8px;
    border: {t.border}px solid {t.line}; border-radius: 6px; background: white; }}
QComboBox::drop-down, QDateEdit::drop-down {{ border: none; }}
QComboBox::down-arrow, QDateEdit::down-arrow {{ image: url("{ARROW}"); }}
QComboBox::down-arrow:disabled, QDateEdit::down-arrow:disabled {{ image: url("{ARROW_DISABLED}"); }}
QTextEdit, QPlainTextEdit {{ border: {t.border}px solid {t.line}; border-radius: 6px; background: white; }}
QCheckBox, QRadioButton {{ spacing: 10px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 24px; height: 24px; }}
QLabel[role="title"] {{ font-weight: 600; }}
QLabel[role="subtitle"] {{ font-weight: 600; color: {t.accent}; }}
QLabel[role="muted"] {{ color: {t.muted}; }}
*[role="strong"] {{ font-weight: 600; }}
QLabel[role="warning"] {{ background: {t.warn_bg}; color: {t.warn_ink}; border-radius: 6px;
    padding: 10px; border: {t.border}px solid {t.warn_ink}; }}
QLabel[role="note"] {{ background: {t.note_bg}; color: {t.note_ink}; border-radius: 6px; padding: 10px;
    border: {t.border}px solid {t.note_ink}; }}
QFrame[role="card"] {{ background: white; border: {t.border}px solid {t.line}; border-radius: 8px; }}
QListWidget {{ border: {t.border}px solid {t.line}; border-radius: 6px; }}
QListWidget::item {{ padding: 10px; border-bottom: 1px solid {t.line}; }}
QListWidget::item:selected {{ background: {t.accent_light}; color: {t.ink}; font-weight: 700;
    border-left: 6px solid {t.accent}; }}
QListWidget[rtl="true"]::item:selected {{ border-left: none; border-right: 6px solid {t.accent}; }}
QScrollArea {{ border: none; background: white; }}
""" + scale_sheet(scale)


def scale_sheet(scale: int) -> str:
    """The rules that follow the text size: text sizes and touch targets. Part of
    :func:`stylesheet`, and set alone on the main window when just the size changes (larger
    text, patient view): Qt re-styles only that window's widgets, and matches each against
    these few rules rather than the whole sheet (about 0.2 s instead of 0.45 s with every step
    built, measured). A window's own sheet outranks the application's, so the sizes here win
    everywhere in it, its dialogs included."""
    pt = BASE_POINT_SIZE * scale / 100
    touch = max(TOUCH, int(TOUCH * scale / 100 * 0.9))
    arrow = round(14 * scale / 100)
    return f"""
QWidget {{ font-size: {pt:.1f}pt; }}
QPushButton, QToolButton {{ min-height: {touch}px; }}
QLineEdit, QComboBox, QDateEdit {{ min-height: {touch - 6}px; }}
QComboBox::drop-down, QDateEdit::drop-down {{ width: {arrow * 2 + 4}px; }}
QComboBox::down-arrow, QDateEdit::down-arrow {{ width: {arrow}px; height: {arrow}px; }}
QCheckBox, QRadioButton {{ min-height: {touch - 8}px; }}
QLabel[role="title"] {{ font-size: {pt + 9 * scale / 100:.1f}pt; }}
QLabel[role="subtitle"] {{ font-size: {pt + 3 * scale / 100:.1f}pt; }}
"""


def apply_style(app: QApplication, scale: int = 100, high_contrast: bool = False) -> None:
    """Set the font, palette and stylesheet for the whole app."""
    theme = HIGH_CONTRAST if high_contrast else STANDARD
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * scale / 100)
    app.setFont(font)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("white"))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    palette.setColor(QPalette.ColorRole.Text, QColor(theme.ink))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(theme.ink))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(theme.ink))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(theme.accent))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    app.setPalette(palette)
    app.setStyleSheet(stylesheet(theme, scale))
    app.setProperty(CONTRAST_PROPERTY, high_contrast)


#: Set on the application by :func:`apply_style`: which theme its style sheet has.
CONTRAST_PROPERTY = "sdmHighContrast"


def applied_contrast(app: QApplication) -> bool | None:
    """Whether the application's sheet is the high-contrast theme (None: not styled here)."""
    value = app.property(CONTRAST_PROPERTY)
    return value if isinstance(value, bool) else None
