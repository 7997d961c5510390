"""Every lint rule: one aid that breaks it, and the good aid that does not."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sdm_app.cli.main import main
from sdm_app.content.library import bundled_aids_dir
from sdm_app.content.lint import RULES, lint_aid, rules_markdown
from sdm_app.content.loader import load_aid_bytes
from tests.conftest import GOOD_AID, ROOT

TODAY = dt.date(2026, 6, 1)


def codes(text: str, today: dt.date = TODAY) -> set[str]:
    loaded = load_aid_bytes(text.encode(), Path("aid.yaml"))
    return {d.code for d in lint_aid(loaded, today)}


@pytest.fixture
def good(good_aid_text: str) -> str:
    return good_aid_text


def test_the_good_aid_has_only_the_expected_notes(good: str) -> None:
    assert codes(good) == {"SDM010"}  # its Spanish is marked drafted


BREAKS = {
    "SDM001": [("    no_change: true\n", "")],
    "SDM002": [("    kind: harm\n", "    kind: practical\n")],
    "SDM003": [
        ("events: 10, per: 100, over: {amount: 10,", "events: 10, per: 1000, over: {amount: 10,")
    ],
    "SDM005": [
        (
            "      pill: {text: {en: Some stomach upset., es: Algo de malestar de estómago.}}",
            "      pill: {text: {en: 12% get stomach upset., es: 12% tienen malestar de estómago.}}",
        )
    ],
    "SDM009": [
        ("title: {en: Test decision, es: Decisión de prueba}", "title: {en: Test decision}")
    ],
    "SDM011": [("Some stomach upset.", "About 1 in 20 get stomach upset.")],
    "SDM012": [("One pill a day.", "One pill a day. We recommend it.")],
    "SDM014": [
        (
            "    next_steps:\n      - what: {en: Come back in 3 months., es: Regrese en 3 meses.}\n        who: clinic\n        after_days: 90\n",
            "",
        )
    ],
    "SDM015": [
        (
            "        outcome: {events: 10, per: 100, over: {amount: 10, unit: year}, source: test-source}",
            "        text: {en: Unknown., es: Desconocido.}",
        )
    ],
    "SDM016": [("    row: benefit\n", "")],
}


@pytest.mark.parametrize("code", sorted(BREAKS))
def test_rule_fires_when_broken(good: str, code: str) -> None:
    text = good
    for old, new in BREAKS[code]:
        assert old in text, old
        text = text.replace(old, new)
    assert code in codes(text)
    assert code not in codes(good)


def test_review_dates() -> None:
    good = GOOD_AID.read_text(encoding="utf-8")
    assert "SDM006" in codes(good, dt.date(2027, 1, 2))  # next_review 2027-01-01 has passed
    old = good.replace("last_reviewed: 2026-01-01", "last_reviewed: 2023-01-01").replace(
        "produced: 2026-01-01", "produced: 2023-01-01"
    )
    assert "SDM007" in codes(old, dt.date(2026, 6, 1))


def test_row_missing_a_cell() -> None:
    text = GOOD_AID.read_text(encoding="utf-8").replace(
        "      wait: {text: {en: None from a pill., es: Ninguno por una pastilla.}}\n", ""
    )
    assert "SDM004" in codes(text)


def test_benefit_harm_balance() -> None:
    text = GOOD_AID.read_text(encoding="utf-8")
    extra = "".join(
        f"  - id: extra{i}\n    question: {{en: Q{i}?, es: P{i}?}}\n    kind: benefit\n    cells:\n"
        f"      pill: {{text: {{en: Yes., es: Sí.}}}}\n      wait: {{text: {{en: No., es: No.}}}}\n"
        for i in range(3)
    )
    text = text.replace("cost_resources:", extra + "cost_resources:")
    assert "SDM013" in codes(text)


def test_reading_level() -> None:
    text = GOOD_AID.read_text(encoding="utf-8").replace(
        "One pill a day.",
        "Pharmacological intervention necessitates uninterrupted administration notwithstanding "
        "considerable interindividual heterogeneity regarding physiological responsiveness.",
    )
    assert "SDM008" in codes(text)


def test_broken_file_is_an_error() -> None:
    loaded = load_aid_bytes(b"format: [\n", Path("bad.yaml"))
    [finding] = lint_aid(loaded, TODAY)
    assert finding.code == "SDM017" and finding.severity == "error"
    assert finding.lint_line().startswith("bad.yaml:2:1: error SDM017 ")


def test_positions_point_at_the_field(good: str) -> None:
    text = good.replace("Some stomach upset.", "About 1 in 20 get stomach upset.")
    loaded = load_aid_bytes(text.encode(), Path("aid.yaml"))
    [finding] = [d for d in lint_aid(loaded, TODAY) if d.code == "SDM011"]
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "1 in 20" in row)
    assert finding.line == line


def test_bundled_aids_lint_cleanly() -> None:
    assert main(["lint", "--strict", str(bundled_aids_dir())]) == 0


def test_cli_formats_and_exit_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], good: str
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.replace("    no_change: true\n", ""), encoding="utf-8")
    assert main(["lint", str(bad)]) == 1
    assert f"{bad}:" in capsys.readouterr().out
    assert main(["lint", "--format", "json", str(bad)]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert any(f["code"] == "SDM001" and f["severity"] == "error" for f in findings)
    warn = tmp_path / "warn.yaml"
    warn.write_text(good.replace("Some stomach upset.", "About 1 in 20 get it."), encoding="utf-8")
    assert main(["lint", str(warn)]) == 0
    assert main(["lint", "--strict", str(warn)]) == 1
    assert main(["lint", str(tmp_path / "missing.yaml")]) == 2


def test_codes_documentation_is_current() -> None:
    assert (ROOT / "docs" / "lint-codes.md").read_text(encoding="utf-8") == rules_markdown()
    assert len(RULES) == 17
