"""Every ``sdm`` command, with its exit codes, run as a user would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sdm_app.cli.main import main
from sdm_app.content.visit_file import save_visit
from tests.conftest import GOOD_AID, ROOT
from tests.helpers import filled_visit, pdf_text, test_aid


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_good_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(GOOD_AID))
    assert code == 0 and out == "" and "1 of 1 aid file(s) valid" in err


def test_validate_bad_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, good_aid_text: str
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(good_aid_text.replace("kind: harm", "kind: harmful"), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(GOOD_AID), str(bad))
    assert code == 1
    assert out.startswith(f"{bad}:")
    assert "rows[1].kind: input should be 'benefit', 'harm', 'practical' or 'cost'" in out


def test_validate_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "validate", str(tmp_path / "nope.yaml"))
    assert code == 1 and "no such file or folder" in out


def test_validate_empty_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert code == 1 and "no aid files" in out


def test_validate_whole_library(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate")
    assert code == 0, out


def test_list(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shutil.copy(GOOD_AID, tmp_path / "good.yaml")
    (tmp_path / "broken.yaml").write_text("format: [\n", encoding="utf-8")
    monkeypatch.setenv("SDM_AID_PATH", str(tmp_path))
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "test-aid" in out and "draft" in out and "en,es" in out
    assert f"Not loaded: {tmp_path / 'broken.yaml'}" in out
    code, out, _ = run(capsys, "list", "--json")
    data = json.loads(out)
    assert any(a["id"] == "test-aid" and a["languages"] == ["en", "es"] for a in data["aids"])
    assert data["failed"][0]["file"] == str(tmp_path / "broken.yaml")


def test_schema_matches_committed_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out)["title"] == "sdm-app decision aid"
    assert out == (ROOT / "decision_aids" / "schema.json").read_text(encoding="utf-8"), (
        "decision_aids/schema.json is stale: run `sdm schema -o decision_aids/schema.json`"
    )


def saved_visit(tmp_path: Path, language: str = "en") -> Path:
    path = tmp_path / "visit.yaml"
    save_visit(filled_visit(test_aid(), language), path)
    return path


def test_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    visit = saved_visit(tmp_path)
    pdf = tmp_path / "plan.pdf"
    code, out, err = run(
        capsys, "export", str(visit), "-o", str(pdf), "--aids", str(GOOD_AID.parent)
    )
    assert code == 0, err
    assert "Wrote" in out
    assert "We chose: Take the pill." in pdf_text(pdf.read_bytes())
    assert (pdf.stat().st_mode & 0o777) == 0o600


def test_export_in_another_language(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    visit = saved_visit(tmp_path, "en")
    pdf = tmp_path / "plan.pdf"
    code, _, err = run(
        capsys, "export", str(visit), "-o", str(pdf), "--lang", "es", "--aids", str(GOOD_AID.parent)
    )
    assert code == 0, err
    assert "Elegimos: Tomar la pastilla." in pdf_text(pdf.read_bytes())


def test_export_unknown_aid(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    visit = saved_visit(tmp_path)
    code, _, err = run(capsys, "export", str(visit), "-o", str(tmp_path / "p.pdf"))
    assert code == 1 and "is not in the library" in err
    assert not (tmp_path / "p.pdf").exists()


def test_export_corrupt_visit(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    visit = tmp_path / "visit.yaml"
    visit.write_text("patient: {display_name: [unclosed\n", encoding="utf-8")
    code, _, err = run(capsys, "export", str(visit), "-o", str(tmp_path / "p.pdf"))
    assert code == 1 and err.startswith(f"{visit}:2:1: YAML syntax error")


def test_export_missing_visit(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "export", str(tmp_path / "none.yaml"), "-o", str(tmp_path / "p.pdf"))
    assert code == 2 and "cannot read the file" in err


def test_export_unwritable_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    visit = saved_visit(tmp_path)
    target = tmp_path / "no-such-folder" / "plan.pdf"
    code, _, err = run(
        capsys, "export", str(visit), "-o", str(target), "--aids", str(GOOD_AID.parent)
    )
    assert code == 2 and f"cannot write {target}" in err


def test_export_unknown_language(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    visit = saved_visit(tmp_path)
    code, _, err = run(capsys, "export", str(visit), "-o", str(tmp_path / "p.pdf"), "--lang", "xx")
    assert code == 2 and "unknown language" in err


@pytest.mark.parametrize("command", ["validate", "list", "schema", "export"])
def test_help_for_every_command(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: sdm " + command in capsys.readouterr().out


def test_usage_error_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"\xff\xfe garbage")
    result = subprocess.run(
        [sys.executable, "-m", "sdm_app", "validate", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert f"{bad}:1:1: the file is not valid UTF-8 text" in result.stdout


def test_export_a_blank_guide_visit(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from sdm_app.domain.visit import Decision, DecisionStatus, GuideOption, PersonalGuide, Visit

    visit = Visit()
    visit.patient.display_name = "Pat"
    visit.guide = PersonalGuide(
        decision="Should I move closer to my family?",
        options=[GuideOption(name="Move", pros="Help nearby"), GuideOption(name="Stay")],
    )
    visit.decision = Decision(status=DecisionStatus.chosen, option_id="option-2")
    path = tmp_path / "visit.yaml"
    save_visit(visit, path)
    pdf = tmp_path / "plan.pdf"
    code, _, err = run(capsys, "export", str(path), "-o", str(pdf))
    assert code == 0, err
    text = pdf_text(pdf.read_bytes())
    assert "We chose: Stay." in text and "Help nearby" in text


def test_export_with_a_chart_copy(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    visit = saved_visit(tmp_path, "es")
    pdf = tmp_path / "plan.pdf"
    code, out, err = run(
        capsys,
        "export",
        str(visit),
        "-o",
        str(pdf),
        "--chart-lang",
        "en",
        "--aids",
        str(GOOD_AID.parent),
    )
    assert code == 0, err
    chart = tmp_path / "plan.chart-en.pdf"
    assert "Elegimos: Tomar la pastilla." in pdf_text(pdf.read_bytes())
    assert "We chose: Take the pill." in pdf_text(chart.read_bytes())
    assert out.count("Wrote") == 2


def test_render_errors_never_echo_patient_text(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import sdm_app.pdf.render as render_module

    def boom(*_args: object, **_kwargs: object) -> None:
        raise ValueError("paraparser: syntax error in 'Ana <Test> & Co'")  # as ReportLab would

    monkeypatch.setattr(render_module, "render_plan_checked", boom)
    visit = saved_visit(tmp_path)
    code, out, err = run(
        capsys, "export", str(visit), "-o", str(tmp_path / "p.pdf"), "--aids", str(GOOD_AID.parent)
    )
    assert code == 1
    assert "Ana" not in out + err + caplog.text
    assert "ValueError" in err + caplog.text
