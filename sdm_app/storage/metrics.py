"""Measuring shared decision-making, locally: one row per visit, no patient identifiers.

Each exported visit adds a row (date, aid, language, decision made or deferred,
SURE results, teach-back); the patient's CollaboRATE answers are added to that row
when given. ``sdm report`` summarises a period.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

SCHEMA = """
CREATE TABLE IF NOT EXISTS visits (
    id INTEGER PRIMARY KEY,
    visit_date TEXT NOT NULL,
    aid_id TEXT NOT NULL,
    aid_version TEXT NOT NULL,
    language TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('chosen', 'decide_later', 'undecided')),
    sure_answered INTEGER NOT NULL,
    sure_score INTEGER,
    teach_back INTEGER NOT NULL,
    collaborate_1 INTEGER CHECK (collaborate_1 BETWEEN 0 AND 4),
    collaborate_2 INTEGER CHECK (collaborate_2 BETWEEN 0 AND 4),
    collaborate_3 INTEGER CHECK (collaborate_3 BETWEEN 0 AND 4)
);
CREATE INDEX IF NOT EXISTS visits_date ON visits (visit_date);
"""


def metrics_path() -> Path:
    """The local measurement database."""
    return Path(platformdirs.user_data_dir("sdm-app", appauthor=False)) / "measures.sqlite3"


def connect(path: Path | None = None) -> sqlite3.Connection:
    """Open (and create) the database, owner-only."""
    path = path or metrics_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    path.chmod(0o600)
    connection.executescript(SCHEMA)
    return connection


def record_visit(
    connection: sqlite3.Connection,
    *,
    visit_date: dt.date,
    aid_id: str,
    aid_version: str,
    language: str,
    decision: str,
    sure_answered: bool,
    sure_score: int | None,
    teach_back: bool,
) -> int:
    """Add one visit; returns its row id (kept in memory only, to add CollaboRATE later)."""
    with connection:
        cursor = connection.execute(
            "INSERT INTO visits (visit_date, aid_id, aid_version, language, decision, sure_answered,"
            " sure_score, teach_back) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                visit_date.isoformat(),
                aid_id,
                aid_version,
                language,
                decision,
                int(sure_answered),
                sure_score if sure_answered else None,
                int(teach_back),
            ),
        )
    return int(cursor.lastrowid or 0)


def record_collaborate(
    connection: sqlite3.Connection, row_id: int, answers: tuple[int, int, int]
) -> None:
    """Add the patient's three CollaboRATE answers (0-4 each) to a visit."""
    if not all(0 <= a <= 4 for a in answers):
        raise ValueError("CollaboRATE answers are 0 to 4")
    with connection:
        connection.execute(
            "UPDATE visits SET collaborate_1 = ?, collaborate_2 = ?, collaborate_3 = ? WHERE id = ?",
            (*answers, row_id),
        )


@dataclass
class Summary:
    """The measures of one group of visits."""

    visits: int = 0
    collaborate_answered: int = 0
    collaborate_top_box: int = 0
    sure_answered: int = 0
    sure_positive: int = 0
    deferred: int = 0
    teach_back: int = 0

    def share(self, part: int, whole: int) -> float | None:
        """part / whole, or None when there is nothing to divide."""
        return part / whole if whole else None

    @property
    def top_box_share(self) -> float | None:
        """Share of CollaboRATE answers with the top score on all three questions."""
        return self.share(self.collaborate_top_box, self.collaborate_answered)

    @property
    def sure_positive_share(self) -> float | None:
        """Share of answered SURE tests scoring 4 of 4 (no decisional conflict)."""
        return self.share(self.sure_positive, self.sure_answered)

    @property
    def deferred_share(self) -> float | None:
        """Share of visits where the decision was deferred."""
        return self.share(self.deferred, self.visits)


@dataclass
class Report:
    """All visits of a period, and by aid."""

    since: dt.date | None
    until: dt.date | None
    total: Summary = field(default_factory=Summary)
    by_aid: dict[str, Summary] = field(default_factory=dict)


def summarize(
    connection: sqlite3.Connection, since: dt.date | None = None, until: dt.date | None = None
) -> Report:
    """The measures of the visits from ``since`` to ``until`` (inclusive)."""
    query = "SELECT aid_id, decision, sure_answered, sure_score, teach_back, collaborate_1, collaborate_2, collaborate_3 FROM visits WHERE 1=1"
    params: list[str] = []
    if since:
        query += " AND visit_date >= ?"
        params.append(since.isoformat())
    if until:
        query += " AND visit_date <= ?"
        params.append(until.isoformat())
    report = Report(since, until)
    for aid_id, decision, sure_answered, sure_score, teach_back, c1, c2, c3 in connection.execute(
        query, params
    ):
        for summary in (report.total, report.by_aid.setdefault(aid_id, Summary())):
            summary.visits += 1
            summary.deferred += decision == "decide_later"
            summary.teach_back += bool(teach_back)
            if sure_answered:
                summary.sure_answered += 1
                summary.sure_positive += sure_score == 4
            if None not in (c1, c2, c3):
                summary.collaborate_answered += 1
                summary.collaborate_top_box += (c1, c2, c3) == (4, 4, 4)
    return report


def report_text(report: Report) -> str:
    """The report as plain text."""

    def pct(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.0%}"

    period = f"{report.since or 'start'} to {report.until or 'today'}"
    lines = [f"Shared decision-making, {period}", ""]
    header = f"{'':32} {'visits':>6} {'CollaboRATE top-box':>20} {'SURE 4/4':>9} {'deferred':>9}"
    lines.append(header)
    rows = [("All aids", report.total), *sorted(report.by_aid.items())]
    for name, s in rows:
        collab = f"{pct(s.top_box_share)} of {s.collaborate_answered}"
        sure = f"{pct(s.sure_positive_share)}"
        lines.append(
            f"{name[:32]:32} {s.visits:>6} {collab:>20} {sure:>9} {pct(s.deferred_share):>9}"
        )
    return "\n".join(lines) + "\n"
