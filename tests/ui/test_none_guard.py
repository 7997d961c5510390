"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call; the app survives it."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

LONG_SESSION = """
import sys
from PySide6.QtCore import QObject
{guard}
probe = QObject()
for _ in range(200_000):  # far more void calls than None has references in a fresh process
    probe.setObjectName("x")
import gc; gc.collect()
print("alive", sys.getrefcount(None) > 0)
"""


def run(guard: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", LONG_SESSION.format(guard=guard)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=120,
    )


def test_a_long_session_does_not_run_none_out_of_references() -> None:
    result = run("import sdm_app.ui")
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive True"


def test_the_guard_is_needed_exactly_when_the_defect_is_there() -> None:
    from sdm_app.ui.none_guard import GUARDED

    unguarded = run("")
    if GUARDED:  # this PySide6 has the defect: without the guard the interpreter aborts
        assert unguarded.returncode != 0 and "none_dealloc" in unguarded.stderr
    else:
        assert unguarded.returncode == 0
