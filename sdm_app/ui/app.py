"""``sdm-app``: start the Qt application."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Start the app with the library of aids; returns the exit code."""
    parser = argparse.ArgumentParser(
        prog="sdm-app", description="Shared decision-making in the clinic."
    )
    parser.add_argument(
        "--lang", help="the patient's language to start with, e.g. es (default: from settings)"
    )
    args, qt_args = parser.parse_known_args(argv)

    from PySide6.QtWidgets import QApplication

    from sdm_app.content.library import Library
    from sdm_app.settings import load_settings
    from sdm_app.ui.gc_guard import GarbageCollector
    from sdm_app.ui.main_window import MainWindow
    from sdm_app.ui.session import VisitSession
    from sdm_app.ui.style import apply_style

    app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("sdm-app")
    app.setApplicationDisplayName("sdm-app")
    apply_style(app)
    collector = GarbageCollector(app)
    settings = load_settings()
    if args.lang:
        settings = settings.model_copy(update={"default_language": args.lang})
    session = VisitSession(Library.load(), settings)
    window = MainWindow(session)
    window.show()
    code = app.exec()
    collector.stop()
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
