"""Measures and the report's numbers on a known data set."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sdm_app.cli.main import main
from sdm_app.storage.metrics import (
    connect,
    record_collaborate,
    record_visit,
    report_text,
    summarize,
)


def fill(path: Path) -> None:
    connection = connect(path)
    rows = [
        # date, aid, decision, sure score (None: not asked), collaborate
        ("2026-11-02", "statin", "chosen", 4, (4, 4, 4)),
        ("2026-11-03", "statin", "decide_later", 2, (4, 3, 4)),
        ("2026-11-04", "statin", "chosen", 4, None),
        ("2026-11-05", "knee", "chosen", None, (4, 4, 4)),
        ("2026-10-01", "knee", "decide_later", 4, (0, 0, 0)),  # outside the period
    ]
    for day, aid, decision, sure, collaborate in rows:
        row = record_visit(
            connection,
            visit_date=dt.date.fromisoformat(day),
            aid_id=aid,
            aid_version="1.0",
            language="en",
            decision=decision,
            sure_answered=sure is not None,
            sure_score=sure,
            teach_back=True,
        )
        if collaborate:
            record_collaborate(connection, row, collaborate)
    connection.close()


def test_report_numbers(tmp_path: Path) -> None:
    db = tmp_path / "m.sqlite3"
    fill(db)
    report = summarize(connect(db), dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    total = report.total
    assert total.visits == 4
    assert (total.collaborate_answered, total.collaborate_top_box) == (3, 2)
    assert total.top_box_share == pytest.approx(2 / 3)
    assert (total.sure_answered, total.sure_positive) == (3, 2)
    assert total.deferred_share == pytest.approx(1 / 4)
    assert report.by_aid["statin"].visits == 3 and report.by_aid["knee"].top_box_share == 1.0
    assert "All aids" in report_text(report)
    assert (db.stat().st_mode & 0o777) == 0o600


def test_no_patient_identifiers_in_the_schema(tmp_path: Path) -> None:
    columns = {
        row[1] for row in connect(tmp_path / "m.sqlite3").execute("PRAGMA table_info(visits)")
    }
    assert not columns & {
        "name",
        "patient",
        "birth_date",
        "record_number",
        "document_id",
        "reasons",
    }


def test_collaborate_range_is_enforced(tmp_path: Path) -> None:
    connection = connect(tmp_path / "m.sqlite3")
    with pytest.raises(ValueError):
        record_collaborate(connection, 1, (5, 0, 0))


def test_cli_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "m.sqlite3"
    fill(db)
    png = tmp_path / "chart.png"
    assert (
        main(
            ["report", "--database", str(db), "--since", "2026-11-01", "--json", "--png", str(png)]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["visits"] == 4 and data["by_aid"]["statin"][
        "deferred_share"
    ] == pytest.approx(1 / 3)
    assert png.read_bytes().startswith(b"\x89PNG")
    assert main(["report", "--database", str(db)]) == 0
    assert "statin" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["report", "--since", "yesterday"])
