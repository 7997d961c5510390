"""Qt's own texts in the screen language: a text field's context menu (Undo, Cut, Copy,
Paste), the file dialog in which a plan is saved, a date field's calendar.

Qt ships translations of these for Arabic, Chinese, French, Korean, Portuguese, Russian and
Spanish; Vietnamese, Tagalog and Haitian Creole have none, and stay in English. Our own
dialogs name their buttons from our catalogs (:mod:`sdm_app.ui.dialogs.messages`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

#: Qt's file names where they differ from our language codes.
QT_CODES = {"zh": "zh_CN", "pt": "pt_BR"}

_installed: dict[str, QTranslator] = {}


def use_qt_translations(language: str) -> bool:
    """Translate Qt's own texts into ``language`` from now on (English: Qt's own words);
    True when Qt has a translation for it."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    current = next(iter(_installed), None)
    if current == language:
        return True
    for translator in _installed.values():
        app.removeTranslator(translator)
    _installed.clear()
    if language.split("-")[0] == "en":
        return False
    code = QT_CODES.get(language, language.replace("-", "_"))
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{code}", folder):
        return False
    app.installTranslator(translator)
    _installed[language] = translator  # Qt does not keep the translator alive
    return True
