"""``sdm-app``: start the Qt application (or the live preview of one aid)."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sdm_app.settings import Settings


def build_parser() -> argparse.ArgumentParser:
    """The ``sdm-app`` arguments (Qt's own, like -platform, pass through)."""
    parser = argparse.ArgumentParser(
        prog="sdm-app", description="Shared decision-making in the clinic."
    )
    parser.add_argument(
        "--lang", help="the patient's language to start with, e.g. es (default: from settings)"
    )
    parser.add_argument(
        "--preview",
        type=Path,
        metavar="AID.yaml",
        help="show this decision aid as the patient will see it, reloading whenever it is saved",
    )
    parser.add_argument(
        "--debug", action="store_true", help="log at DEBUG level (never patient data)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Start the app with the library of aids; returns the exit code."""
    parser = build_parser()
    args, qt_args = parser.parse_known_args(argv)
    if args.preview is not None and not args.preview.is_file():
        parser.error(f"{args.preview}: no such file")

    from PySide6.QtWidgets import QApplication, QWidget

    from sdm_app.logs import configure_logging
    from sdm_app.settings_file import read_display
    from sdm_app.ui.gc_guard import GarbageCollector
    from sdm_app.ui.style import apply_style

    configure_logging(logging.DEBUG if args.debug else logging.INFO)
    app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("sdm-app")
    app.setApplicationDisplayName("sdm-app")
    collector = GarbageCollector(app)
    # The screen's look from the settings file; the settings model is imported after the
    # window is first painted (see startup.launch) and decides where the two differ.
    display = read_display()
    if args.lang:
        display = dataclasses.replace(display, language=args.lang)
    apply_style(app, display.text_scale, display.high_contrast)

    def load_settings() -> Settings:
        from sdm_app.settings import load_settings

        settings = load_settings()
        if args.lang:
            settings = settings.model_copy(update={"default_language": args.lang})
        return settings

    window: QWidget
    if args.preview is not None:
        from sdm_app.ui.preview_window import PreviewWindow

        window = PreviewWindow(args.preview, load_settings())
        window.show()
    else:
        from sdm_app.ui.startup import launch

        window = launch(app, display, load_settings)
    code = app.exec()
    collector.stop()
    del window
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
