"""Take screenshots of every step, for docs/screenshots/ (run under Xvfb).

    xvfb-run -a -s "-screen 0 1920x1080x24" uv run python scripts/screenshots.py [--lang es] [--size 1366x768]

Each example visit in examples/visits/ is opened and every step is captured.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from sdm_app.content.library import Library
from sdm_app.content.visit_file import load_visit
from sdm_app.domain.clinic import Clinic, Contact
from sdm_app.domain.steps import STEPS
from sdm_app.settings import Settings
from sdm_app.ui.main_window import MainWindow
from sdm_app.ui.session import VisitSession
from sdm_app.ui.style import apply_style

ROOT = Path(__file__).resolve().parents[1]


def settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visit", default="statin-primary-prevention")
    parser.add_argument("--lang", default=None)
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--steps", default="all")
    parser.add_argument("--scale", type=int, default=100, help="text size, percent")
    parser.add_argument("--high-contrast", action="store_true")
    parser.add_argument("--patient-view", action="store_true")
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.split("x"))
    app = QApplication(sys.argv[:1])
    apply_style(app, args.scale, args.high_contrast)
    settings = Settings(
        text_scale=args.scale,
        high_contrast=args.high_contrast,
        clinic=Clinic(
            name="Riverside Family Clinic",
            phone="(555) 010-0100",
            contacts=[Contact(label="Nurse line", phone="(555) 010-0123", hours="Mon-Fri 8-5")],
        ),
    )
    session = VisitSession(Library.load(), settings)
    window = MainWindow(session)
    window.resize(width, height)
    window.show()
    loaded = load_visit(ROOT / "examples" / "visits" / f"{args.visit}.yaml")
    assert loaded.visit is not None, loaded.diagnostics
    visit = loaded.visit
    if args.lang:
        visit.patient.language = args.lang
    session.open_visit(visit)
    if args.patient_view:
        window.patient_view_action.trigger()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    lang = session.language
    wanted = (
        STEPS if args.steps == "all" else [s for s in STEPS if s.value in args.steps.split(",")]
    )
    for index, step in enumerate(STEPS, start=1):
        if step not in wanted:
            continue
        window.go_to(step)
        settle(900 if step.value == "review" else 200)
        window.review.worker.wait()
        QCoreApplication.processEvents()
        settle(200)
        extra = f"-{args.scale}pct" if args.scale != 100 else ""
        extra += "-contrast" if args.high_contrast else ""
        extra += "-patient" if args.patient_view else ""
        name = out / f"{args.visit}-{lang}-{width}x{height}{extra}-{index:02d}-{step.value}.png"
        window.grab().save(str(name))
        print(name.relative_to(ROOT) if name.is_relative_to(ROOT) else name)
    window.close()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    sys.exit(main())
