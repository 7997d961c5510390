"""Signing on screen and digitally: strokes from the mouse reach the visit and the PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from sdm_app.content.visit_file import load_visit
from sdm_app.domain.plan import CarePlan
from sdm_app.domain.steps import Step
from sdm_app.domain.visit import SignatureRole
from sdm_app.signing.verify import verify_pdf
from sdm_app.ui.export import visit_path_for
from sdm_app.ui.main_window import MainWindow
from sdm_app.ui.widgets.signature_pad import SignaturePad
from tests.helpers import pdf_text
from tests.ui.test_flow import choose_first_aid, click


def draw(qtbot: QtBot, pad: SignaturePad, points: list[tuple[int, int]]) -> None:
    qtbot.waitUntil(pad.isVisible, timeout=2000)
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for x, y in points[1:]:
        qtbot.mouseMove(pad, QPoint(x, y))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def test_pad_records_strokes(qtbot: QtBot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 150)
    pad.show()
    with qtbot.waitSignal(pad.changed):
        draw(qtbot, pad, [(20, 100), (60, 40), (100, 110), (140, 50)])
    draw(qtbot, pad, [(200, 90), (260, 90)])
    strokes = pad.strokes
    assert len(strokes) == 2 and len(strokes[0]) == 4
    assert strokes[0][0] == (20 / 400, 100 / 150)
    assert all(0 <= x <= 1 and 0 <= y <= 1 for s in strokes for x, y in s)
    pad.clear()
    assert pad.is_empty()


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_the_mark_where_a_signature_begins_follows_the_writing_direction(
    qtbot: QtBot, direction: Qt.LayoutDirection
) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.setLayoutDirection(direction)
    pad.resize(400, 150)
    image = pad.grab().toImage()
    baseline = int(150 * 0.78)

    def ink(xs: range) -> int:
        return sum(
            image.pixelColor(x, y).lightness() < 200
            for x in xs
            for y in range(baseline - 34, baseline - 2)
        )

    start, end = ink(range(0, 60)), ink(range(340, 400))
    if direction == Qt.LayoutDirection.RightToLeft:
        assert end > 0 and start == 0
    else:
        assert start > 0 and end == 0


def ready_to_export(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.pages[Step.start].patient_name, "Sam Lee")
    choose_first_aid(qtbot, window)
    window.go_to(Step.decide)
    click(qtbot, window.pages[Step.decide].later)
    window.go_to(Step.review)


def export(qtbot: QtBot, window: MainWindow, target: Path) -> None:
    review = window.pages[Step.review]
    review.choose_path = lambda: target  # type: ignore[method-assign]
    with qtbot.waitSignal(review.worker.exported, timeout=30000):
        click(qtbot, review.export_button)


def test_both_sign_and_the_plan_is_signed_digitally(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ready_to_export(qtbot, window)
    panel = window.pages[Step.review].signatures
    draw(qtbot, panel.patient.pad, [(30, 100), (80, 40), (130, 100), (180, 60)])
    draw(qtbot, panel.clinician.pad, [(30, 90), (200, 70)])
    signatures = {s.role: s for s in window.session.visit.signatures}
    assert set(signatures) == {SignatureRole.patient, SignatureRole.clinician}
    assert signatures[SignatureRole.patient].name == "Sam Lee"
    assert signatures[SignatureRole.clinician].name == "Dr. Rivera"
    target = tmp_path / "plan.pdf"
    export(qtbot, window, target)
    data = target.read_bytes()
    report = verify_pdf(data)
    assert report.ok and "self-signed" in report.signer
    visit = load_visit(visit_path_for(target)).visit
    assert visit is not None and len(visit.signatures) == 2
    assert visit.signatures[0].strokes
    # the strokes are drawn as vector curves on the signatures page
    reader = PdfReader(io.BytesIO(data))
    content = b"".join(page.get_contents().get_data() for page in reader.pages)
    assert content.count(b" c\n") + content.count(b" c ") >= 2


def test_patient_may_decline_and_a_representative_may_sign(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ready_to_export(qtbot, window)
    panel = window.pages[Step.review].signatures
    click(qtbot, panel.patient.declined)
    assert not panel.patient.pad.isEnabled()
    [signature] = window.session.visit.signatures
    assert signature.declined and signature.strokes == []
    target = tmp_path / "declined.pdf"
    export(qtbot, window, target)
    from tests.helpers import pdf_text

    assert "The patient chose not to sign." in pdf_text(target.read_bytes())
    click(qtbot, panel.patient.declined)
    click(qtbot, panel.patient.representative)
    qtbot.keyClicks(panel.patient.relationship, "daughter")
    draw(qtbot, panel.patient.pad, [(30, 100), (120, 40)])
    [signature] = window.session.visit.signatures
    assert signature.role is SignatureRole.representative and signature.relationship == "daughter"


def test_the_signed_plan_is_the_preview_that_was_shown(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sdm_app.pdf.render as render_module

    renders: list[str] = []
    real = render_module.render_plan_checked

    def counting(plan: CarePlan, options: object = None) -> object:
        renders.append(plan.language)
        return real(plan, options)  # type: ignore[arg-type]

    monkeypatch.setattr(render_module, "render_plan_checked", counting)
    review = window.pages[Step.review]
    shown: list[bytes] = []
    review.worker.rendered.connect(shown.append)
    with qtbot.waitSignal(review.worker.rendered, timeout=30000):
        ready_to_export(qtbot, window)
    assert renders == ["en"]
    target = tmp_path / "plan.pdf"
    export(qtbot, window, target)
    data = target.read_bytes()
    assert renders == ["en"]  # signed without drawing the plan again
    assert data.startswith(shown[-1]) and len(data) > len(shown[-1])  # the signature follows it
    assert verify_pdf(data).ok
    # a plan changed since the preview (here behind the screen's back, as if the new
    # preview were not ready yet) is drawn again before it is signed, never the old preview
    shown_key = (window.session.build_plan(), False, window.session.settings.paper)
    assert review.worker.preview.get(shown_key) is not None
    window.session.visit.patient.display_name = "Sam Lee-Park"
    export(qtbot, window, tmp_path / "second.pdf")
    assert len(renders) == 2
    second = (tmp_path / "second.pdf").read_bytes()
    assert "Sam Lee-Park" in pdf_text(second) and verify_pdf(second).ok
    # a new visit forgets the kept preview
    window.start_new_visit()
    assert review.worker.preview.get(shown_key) is None
