"""``sdm lint``: quality checks beyond the schema, from IPDAS and plain-language practice.

Each rule has a code, a severity and a message that says what to change; the
codes are documented in ``docs/lint-codes.md`` (generated from :data:`RULES`).
Severities: ``error`` (the aid should not be used as is), ``warning`` (fix before
publishing), ``info`` (worth a look).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sdm_app.content.diagnostics import Diagnostic, dotted
from sdm_app.content.loader import LoadedAid
from sdm_app.content.marks import Path as NodePath
from sdm_app.content.readability import measure, supported
from sdm_app.content.translate import iter_texts
from sdm_app.domain.aid import DecisionAid, RowKind
from sdm_app.domain.text import LocalizedText


@dataclass(frozen=True)
class Rule:
    """A lint rule: its code, severity, and what it checks."""

    code: str
    severity: str
    title: str
    why: str


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule(
            "SDM001",
            "error",
            "No 'no change' option",
            "IPDAS Q3: offer watchful waiting or no change where reasonable; if it is not, say why in `no_change_not_offered`.",
        ),
        Rule(
            "SDM002",
            "error",
            "Option without benefits or without harms",
            "IPDAS Q4/Q5: every option needs at least one benefit row and one harm row with a cell for it.",
        ),
        Rule(
            "SDM003",
            "error",
            "Different denominators or time frames in a row",
            "Quantified outcomes in one row must use the same `per` and `over`, so the pictures compare.",
        ),
        Rule(
            "SDM004",
            "error",
            "Row without a cell for every option",
            "Every comparison row needs a cell for every option (no missing branches).",
        ),
        Rule(
            "SDM005",
            "warning",
            "Number without a source",
            "A figure in a benefit, harm or cost cell, or a cost range, must cite an entry in evidence.sources.",
        ),
        Rule(
            "SDM006",
            "error",
            "Review date passed",
            "The aid's next_review date has passed: review it, or retire it.",
        ),
        Rule(
            "SDM007",
            "warning",
            "Last review is old",
            "The aid was last reviewed more than two years ago.",
        ),
        Rule(
            "SDM008",
            "warning",
            "Reading level too high",
            "Plain language: English should read at grade 8 or lower (Flesch-Kincaid); other languages by their formula.",
        ),
        Rule(
            "SDM009",
            "error",
            "Text missing in a declared language",
            "Every text must be written in every language in `languages`.",
        ),
        Rule(
            "SDM010",
            "info",
            "Translation not yet reviewed",
            "Drafted or machine translations need review by a qualified medical translator.",
        ),
        Rule(
            "SDM011",
            "warning",
            "'1 in X' format",
            "IPDAS advises natural frequencies with one denominator ('5 of 100'), not '1 in 20' (1 in 10, 100 or 1,000 is allowed).",
        ),
        Rule(
            "SDM012",
            "warning",
            "Directive wording",
            "Decision support, not decision making: avoid 'best option', 'we recommend', 'you should'.",
        ),
        Rule(
            "SDM013",
            "warning",
            "Benefits and harms out of balance",
            "IPDAS asks for benefits and harms in equal detail: the numbers of benefit and harm rows differ a lot.",
        ),
        Rule(
            "SDM014",
            "warning",
            "Option without next steps",
            "Every option needs next steps, so the plan says what happens after choosing it.",
        ),
        Rule(
            "SDM015",
            "info",
            "Mixed numbers and words in a row",
            "A row gives numbers for some options and only words for others: say in the cells why there is no number.",
        ),
        Rule(
            "SDM016",
            "info",
            "Values prompt not tied to a row",
            "A 'what matters' prompt is easier to weigh when it points at a comparison row.",
        ),
        Rule(
            "SDM017",
            "error",
            "Does not load",
            "The file has schema or syntax errors (see the message).",
        ),
    )
}

ONE_IN_X = re.compile(
    r"\b(1|one)\s+(in|out of)\s+(?!(10|100|1,?000)\b)\d[\d,]*\b", re.IGNORECASE
)  # "1 in 20" varies the denominator; "1 in 100" is the aid's own natural frequency
DIRECTIVE = re.compile(
    r"\b(best option|best choice for you is|we recommend|you should (take|choose|have))\b",
    re.IGNORECASE,
)
DIGIT = re.compile(r"\d")


def lint_aid(loaded: LoadedAid, today: dt.date | None = None) -> list[Diagnostic]:
    """Every lint finding for one loaded aid, in file order."""
    file = str(loaded.path)
    if loaded.aid is None:
        return [
            Diagnostic(d.file, d.line, d.column, d.path, d.message, "error", "SDM017")
            for d in loaded.diagnostics
        ]
    found: list[tuple[NodePath, str, str]] = list(_findings(loaded.aid, today or dt.date.today()))
    out = []
    for path, code, message in found:
        rule = RULES[code]
        mark = loaded.source_map.locate(path) if loaded.source_map else None
        out.append(
            Diagnostic(
                file,
                mark.line if mark else 1,
                mark.column if mark else 1,
                dotted(path),
                message,
                rule.severity,
                code,
            )
        )
    return sorted(out, key=lambda d: (d.line, d.column, d.code))


def _findings(aid: DecisionAid, today: dt.date) -> Iterator[tuple[NodePath, str, str]]:
    def text(value: LocalizedText) -> str:
        return aid.text(value, aid.default_language)

    option_ids = [o.id for o in aid.options]
    # SDM001
    if not any(o.no_change for o in aid.options) and aid.no_change_not_offered is None:
        yield (
            ("options",),
            "SDM001",
            "no option has `no_change: true`; add watchful waiting / no change, or explain in `no_change_not_offered` why it is not reasonable",
        )
    # SDM004, SDM003, SDM015
    for r, row in enumerate(aid.rows):
        missing = [o for o in option_ids if o not in row.cells]
        if missing:
            yield ("rows", r, "cells"), "SDM004", f"add a cell for {', '.join(missing)}"
        outcomes = [(oid, c.outcome) for oid, c in row.cells.items() if c.outcome]
        frames = {(o.per, o.over.amount, o.over.unit) for _, o in outcomes}
        if len(frames) > 1:
            shown = ", ".join(
                f"{oid}: per {o.per} over {o.over.amount} {o.over.unit.value}"
                for oid, o in outcomes
            )
            yield (
                ("rows", r, "cells"),
                "SDM003",
                f"use one denominator and time frame in this row ({shown})",
            )
        if outcomes and len(outcomes) < len(row.cells):
            words_only = [oid for oid, c in row.cells.items() if not c.outcome]
            yield (
                ("rows", r),
                "SDM015",
                f"numbers for {len(outcomes)} option(s), words only for {', '.join(words_only)}",
            )
    # SDM002
    for o, option in enumerate(aid.options):
        kinds = {row.kind for row in aid.rows if option.id in row.cells}
        if RowKind.benefit not in kinds:
            yield ("options", o), "SDM002", f"option {option.id!r} has no benefit row"
        if RowKind.harm not in kinds:
            yield ("options", o), "SDM002", f"option {option.id!r} has no harm row"
        if not option.next_steps:
            yield ("options", o), "SDM014", f"option {option.id!r} has no next_steps"
        if option.cost and option.cost.low is not None and option.cost.source is None:
            yield ("options", o, "cost"), "SDM005", "a cost range needs `source`"
    # SDM013
    benefits = sum(r.kind is RowKind.benefit for r in aid.rows)
    harms = sum(r.kind is RowKind.harm for r in aid.rows)
    if abs(benefits - harms) > 2:
        yield ("rows",), "SDM013", f"{benefits} benefit row(s) and {harms} harm row(s)"
    # SDM005: digits in a cell's text with no source
    for r, row in enumerate(aid.rows):
        for oid, cell in row.cells.items():
            if (
                row.kind is not RowKind.practical
                and cell.text
                and not cell.source
                and not cell.outcome
                and DIGIT.search(text(cell.text))
            ):
                yield (
                    ("rows", r, "cells", oid, "text"),
                    "SDM005",
                    "this text has a number: cite it with `source`",
                )
    # SDM006, SDM007
    ev = aid.evidence
    if ev.next_review < today:
        yield (
            ("evidence", "next_review"),
            "SDM006",
            f"next_review {ev.next_review.isoformat()} has passed",
        )
    elif (today - ev.last_reviewed).days > 730:
        yield (
            ("evidence", "last_reviewed"),
            "SDM007",
            f"last reviewed {ev.last_reviewed.isoformat()}",
        )
    # SDM016
    for v, value in enumerate(aid.values):
        if value.row is None:
            yield ("values", v), "SDM016", f"values prompt {value.id!r} has no `row`"
    # per text field: SDM009, SDM011, SDM012
    for field in iter_texts(aid):
        for language in aid.languages:
            if not field.text.has(language, aid.default_language):
                yield field.segments, "SDM009", f"no {language} text (languages lists {language})"
        for written in field.text.values():
            if found := ONE_IN_X.search(written):
                yield (
                    field.segments,
                    "SDM011",
                    f"'{found.group(0)}': use 'N of 100' (or 1,000) instead",
                )
            if found := DIRECTIVE.search(written):
                yield (
                    field.segments,
                    "SDM012",
                    f"'{found.group(0)}' tells the patient what to choose",
                )
    # SDM010
    for language, status in ev.translations.items():
        if status.status.value in ("drafted", "machine"):
            yield (
                ("evidence", "translations", language),
                "SDM010",
                f"{language} is {status.status.value}: have a qualified medical translator review it",
            )
    # SDM008: patient-facing prose, per language with a formula
    yield from _reading_level(aid)


def _reading_level(aid: DecisionAid) -> Iterator[tuple[NodePath, str, str]]:
    prose = [
        f
        for f in iter_texts(aid)
        if f.segments[0]
        in ("question", "condition", "why_a_choice", "options", "rows", "concerns", "values")
        and f.segments[-1] not in ("name", "event", "label", "title")
    ]
    for language in aid.languages:
        if not supported(language):
            continue
        body = " ".join(
            t if t.endswith((".", "?", "!", "。")) else t + "."
            for t in (
                f.text.get(language)
                or (f.text.get("") if language == aid.default_language else None)
                for f in prose
            )
            if t
        )
        result = measure(body, language)
        if result and result.too_hard:
            level = f"grade {result.score}" if result.grade is not None else f"score {result.score}"
            aim = (
                f"grade {result.target:g} or lower"
                if result.grade is not None
                else f"{result.target:g} or higher"
            )
            yield ("languages",), "SDM008", f"{language}: {result.formula} {level}; aim for {aim}"


def rules_markdown() -> str:
    """The documentation of every rule (docs/lint-codes.md)."""
    lines = [
        "# `sdm lint` codes",
        "",
        "Generated from `sdm_app/content/lint.py` (`uv run sdm lint --codes`); do not edit by hand.",
        "",
        "Exit codes: 0 no errors (warnings allowed), 1 errors (or warnings with `--strict`), 2 usage.",
        "",
        "| Code | Severity | Check | Why |",
        "| --- | --- | --- | --- |",
    ]
    for rule in RULES.values():
        lines.append(f"| {rule.code} | {rule.severity} | {rule.title} | {rule.why} |")
    return "\n".join(lines) + "\n"
