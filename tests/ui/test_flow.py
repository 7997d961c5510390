"""The whole visit, driven by clicks and keys as a person would, for every bundled aid."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QListWidget, QRadioButton
from pytestqt.qtbot import QtBot

from sdm_app.content.visit_file import load_visit
from sdm_app.domain.steps import STEPS, Step
from sdm_app.domain.visit import CostWorry, DecisionStatus, Importance
from sdm_app.ui.export import visit_path_for
from sdm_app.ui.main_window import MainWindow
from tests.helpers import pdf_text

SEARCH = {
    "diabetes-second-medicine": "second medicine",
    "statin-primary-prevention": "statin",
    "knee-osteoarthritis": "knee",
}


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click like a person: only once the button is on screen (new widgets show a moment later)."""
    qtbot.waitUntil(button.isVisible, timeout=2000)
    if isinstance(button, QCheckBox | QRadioButton):  # they answer clicks on the box and text only
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(12, button.height() // 2))
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_item(qtbot: QtBot, view: QListWidget, row: int) -> None:
    item = view.item(row)
    view.scrollToItem(item)
    rect = view.visualItemRect(item)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def choose_first_aid(qtbot: QtBot, window: MainWindow) -> None:
    """Go to the choice of decision and click the first aid in the list."""
    window.go_to(Step.choose)
    click_item(qtbot, window.pages[Step.choose].aid_list, 0)


def next_step(qtbot: QtBot, window: MainWindow) -> None:
    click(qtbot, window.next_button)


@pytest.mark.parametrize("aid_id", sorted(SEARCH))
def test_whole_visit_to_exported_plan(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, aid_id: str
) -> None:
    session = window.session
    start = window.pages[Step.start]
    qtbot.keyClicks(start.patient_name, "Alex Morgan")
    assert start.clinician.text() == "Dr. Rivera"  # default from settings
    next_step(qtbot, window)

    choose = window.pages[Step.choose]
    assert window.current_step is Step.choose
    qtbot.keyClicks(choose.search, SEARCH[aid_id])
    visible = [r for r in range(choose.aid_list.count()) if not choose.aid_list.item(r).isHidden()]
    assert len(visible) == 1
    click_item(qtbot, choose.aid_list, visible[0])
    assert session.aid is not None and session.aid.id == aid_id
    aid = session.aid
    next_step(qtbot, window)  # the options
    assert window.pages[Step.options].question.text() == aid.text(aid.question, "en")
    next_step(qtbot, window)  # compare
    compare = window.pages[Step.compare]
    quantified = [c.outcome for r in aid.rows for c in r.cells.values() if c.outcome]
    assert len(compare.icon_arrays) == len(quantified)
    next_step(qtbot, window)  # values

    values = window.pages[Step.values]
    first, *others = aid.values
    click(qtbot, values.selectors[first.id].buttons[Importance.very])
    for prompt in others:
        click(qtbot, values.selectors[prompt.id].buttons[Importance.a_little])
    qtbot.keyClicks(values.own_input, "Keep working")
    qtbot.keyClick(values.own_input, Qt.Key.Key_Return)
    next_step(qtbot, window)

    costs = window.pages[Step.costs]
    click(qtbot, costs.worry.buttons[0])  # yes
    assert costs.help_hint.isVisible()
    click(qtbot, costs.help_checks[0])
    assert not costs.help_hint.isVisible()
    click(qtbot, costs.concern_cards[0].raised)
    qtbot.keyClicks(costs.concern_cards[0].note, "Tight budget")
    next_step(qtbot, window)

    decide = window.pages[Step.decide]
    chosen = aid.options[0]
    click(qtbot, decide.option_buttons[chosen.id])
    qtbot.keyClicks(decide.reasons, "It fits my life")
    for field in ("sure", "understand", "risk_benefit", "encouragement"):
        click(qtbot, decide.sure_buttons[field].buttons[0])
    assert "4 of 4" in decide.sure_result.text()
    click(qtbot, decide.teach_done)
    qtbot.keyClicks(decide.teach_words, "I start it this week")
    next_step(qtbot, window)

    plan_page = window.pages[Step.plan]
    assert len(plan_page.rows) == len(chosen.next_steps)  # pre-filled from the aid
    next_step(qtbot, window)

    review = window.pages[Step.review]
    assert window.current_step is Step.review
    assert review.export_button.isEnabled()
    # the last step's way on is saving the plan: no greyed-out Next beside it
    assert not window.next_button.isVisible() and window.back_button.isVisible()
    target = tmp_path / "plan.pdf"
    review.choose_path = lambda: target  # type: ignore[method-assign]
    with qtbot.waitSignal(review.worker.exported, timeout=20000):
        click(qtbot, review.export_button)

    loaded = load_visit(visit_path_for(target))
    assert loaded.visit is not None, loaded.diagnostics
    visit = loaded.visit
    assert visit.patient.display_name == "Alex Morgan"
    assert visit.aid is not None and visit.aid.id == aid_id
    assert visit.decision.status is DecisionStatus.chosen and visit.decision.option_id == chosen.id
    assert visit.decision.reasons == "It fits my life"
    assert visit.ratings[first.id] is Importance.very
    assert visit.own_priorities == ["Keep working"]
    assert visit.cost.worry is CostWorry.yes and len(visit.cost.help_agreed) == 1
    assert visit.concerns[0].note == "Tight budget"
    assert visit.sure.score == 4 and visit.teach_back.done
    assert visit.teach_back.patient_words == "I start it this week"
    text = pdf_text(target.read_bytes())
    assert "Alex Morgan" in text
    assert f"We chose: {aid.text(chosen.name, 'en')}" in text
    assert "Keep working" in text and "Tight budget" in text
    assert (target.stat().st_mode & 0o777) == 0o600
    click(qtbot, window.back_button)
    assert window.current_step is Step.plan and window.next_button.isVisible()


def test_going_back_keeps_everything(qtbot: QtBot, window: MainWindow) -> None:
    session = window.session
    qtbot.keyClicks(window.pages[Step.start].patient_name, "Sam")
    choose_first_aid(qtbot, window)
    window.go_to(Step.values)
    values = window.pages[Step.values]
    prompt = session.aid.values[0]  # type: ignore[union-attr]
    click(qtbot, values.selectors[prompt.id].buttons[Importance.somewhat])
    for _ in range(4):
        qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_step is Step.start
    assert window.pages[Step.start].patient_name.text() == "Sam"
    window.go_to(Step.values)
    assert values.selectors[prompt.id].value is Importance.somewhat


def test_keyboard_next_and_back(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_step is Step.choose
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_step is Step.options
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current_step is Step.choose


def test_step_indicator_jumps(qtbot: QtBot, window: MainWindow) -> None:
    click_item(qtbot, window.indicator, 6)
    assert window.current_step is Step.decide


def test_export_lists_what_is_missing_and_jumps_to_it(qtbot: QtBot, window: MainWindow) -> None:
    window.go_to(Step.review)
    review = window.pages[Step.review]
    assert not review.export_button.isEnabled()
    labels = [b.text() for b in review.missing_buttons]
    assert any("The patient's name" in t for t in labels)
    click(qtbot, review.missing_buttons[0])
    assert window.current_step is Step.start


def test_new_visit_clears_every_trace(qtbot: QtBot, window: MainWindow) -> None:
    session = window.session
    qtbot.keyClicks(window.pages[Step.start].patient_name, "Previous Patient")
    choose_first_aid(qtbot, window)
    window.go_to(Step.decide)
    qtbot.keyClicks(window.pages[Step.decide].reasons, "private words")
    old_visit = session.visit
    window.ask_new_visit = lambda: False  # type: ignore[method-assign]
    window.confirm_new_visit()
    assert session.visit is old_visit  # cancelled: nothing changed
    window.ask_new_visit = lambda: True  # type: ignore[method-assign]
    window.confirm_new_visit()
    assert session.visit is not old_visit and session.aid is None
    assert window.current_step is Step.start
    assert window.pages[Step.start].patient_name.text() == ""
    assert window.pages[Step.decide].reasons.toPlainText() == ""
    for page in window.pages.values():
        for widget in page.findChildren(QAbstractButton):
            assert "Previous Patient" not in widget.text()


def test_language_switch_retranslates_at_once_and_keeps_entries(
    qtbot: QtBot, window: MainWindow
) -> None:
    start = window.pages[Step.start]
    qtbot.keyClicks(start.patient_name, "Lucia")
    index = start.language.findData("es")
    start.language.setCurrentIndex(index)
    assert window.session.language == "es"
    assert window.next_button.text() == "Siguiente"
    assert start.patient_name.text() == "Lucia"
    start.language.setCurrentIndex(start.language.findData("ar"))
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    start.language.setCurrentIndex(start.language.findData("en"))
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.next_button.text() == "Next"


def test_export_failure_keeps_the_visit(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    session = window.session
    qtbot.keyClicks(window.pages[Step.start].patient_name, "Kim")
    choose_first_aid(qtbot, window)
    window.go_to(Step.decide)
    click(qtbot, window.pages[Step.decide].later)
    window.go_to(Step.review)
    review = window.pages[Step.review]
    review.choose_path = lambda: tmp_path / "missing-folder" / "plan.pdf"  # type: ignore[method-assign]
    with qtbot.waitSignal(review.worker.failed, timeout=20000):
        click(qtbot, review.export_button)
    assert "could not be saved" in review.result.text()
    assert session.visit.patient.display_name == "Kim"
    assert session.visit.decision.status is DecisionStatus.decide_later
    assert review.export_button.isEnabled()


def test_failed_aid_is_shown_without_blocking(
    qtbot: QtBot, tmp_path: Path, window: MainWindow
) -> None:
    del window
    from sdm_app.content.library import Library, bundled_aids_dir
    from sdm_app.settings import Settings
    from sdm_app.ui.session import VisitSession

    (tmp_path / "broken.yaml").write_text("format: 1\nid: [\n", encoding="utf-8")
    session = VisitSession(Library.load([tmp_path, bundled_aids_dir()]), Settings())
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    win.go_to(Step.choose)
    choose = win.pages[Step.choose]
    assert choose.aid_list.count() == 3
    assert choose.failed.isVisible() and "broken.yaml:3:1" in choose.failed.text()


def test_blank_guide_when_no_aid_fits(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    session = window.session
    qtbot.keyClicks(window.pages[Step.start].patient_name, "Pat Lee")
    window.go_to(Step.choose)
    choose = window.pages[Step.choose]
    click(qtbot, choose.guide_button)
    assert session.using_guide and choose.guide.isVisible()
    qtbot.keyClicks(choose.guide.decision, "Should I move closer to my family?")
    first, second = choose.guide.rows
    qtbot.keyClicks(first.name, "Move")
    qtbot.keyClicks(first.pros, "Help nearby")
    qtbot.keyClicks(first.cons, "Leave my friends")
    qtbot.keyClicks(second.name, "Stay")
    qtbot.keyClicks(second.cons, "Far from help")
    window.go_to(Step.compare)
    texts = [w.text() for w in window.pages[Step.compare].findChildren(QLabel)]
    assert "Help nearby" in texts and "Far from help" in texts
    assert window.pages[Step.compare].icon_arrays == []  # no numbers invented
    window.go_to(Step.costs)
    assert window.pages[Step.costs].concern_cards  # the general barriers are offered
    window.go_to(Step.decide)
    click(qtbot, window.pages[Step.decide].option_buttons["option-1"])
    window.go_to(Step.review)
    review = window.pages[Step.review]
    assert review.export_button.isEnabled()
    target = tmp_path / "guide.pdf"
    review.choose_path = lambda: target  # type: ignore[method-assign]
    with qtbot.waitSignal(review.worker.exported, timeout=20000):
        click(qtbot, review.export_button)
    text = pdf_text(target.read_bytes())
    assert "Should I move closer to my family?" in text and "We chose: Move." in text
    assert "Ottawa Personal Decision Guide" in text
    visit = load_visit(visit_path_for(target)).visit
    assert visit is not None and visit.guide is not None and visit.guide.options[0].name == "Move"


def test_choosing_an_aid_after_a_guide_drops_the_guide(qtbot: QtBot, window: MainWindow) -> None:
    window.go_to(Step.choose)
    choose = window.pages[Step.choose]
    click(qtbot, choose.guide_button)
    click_item(qtbot, choose.aid_list, 0)
    assert not window.session.using_guide and window.session.visit.aid is not None


def test_chart_copy_in_the_clinicians_language(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    start = window.pages[Step.start]
    qtbot.keyClicks(start.patient_name, "Rosa")
    start.language.setCurrentIndex(start.language.findData("es"))
    start.chart_language.setCurrentIndex(start.chart_language.findData("en"))
    assert window.session.visit.chart_language == "en"
    choose_first_aid(qtbot, window)
    window.go_to(Step.decide)
    click(qtbot, window.pages[Step.decide].later)
    window.go_to(Step.review)
    review = window.pages[Step.review]
    target = tmp_path / "plan.pdf"
    review.choose_path = lambda: target  # type: ignore[method-assign]
    with qtbot.waitSignal(review.worker.exported, timeout=20000):
        click(qtbot, review.export_button)
    assert "Su plan de cuidado compartido" in pdf_text(target.read_bytes())
    assert "Your shared care plan" in pdf_text((tmp_path / "plan.chart-en.pdf").read_bytes())


def test_preview_is_rendered_again_only_when_the_plan_changed(
    qtbot: QtBot, window: MainWindow
) -> None:
    choose_first_aid(qtbot, window)
    review = window.pages[Step.review]
    renders: list[object] = []
    real_render = review.worker.render
    review.worker.render = lambda *args: (renders.append(args), real_render(*args))  # type: ignore[method-assign]
    with qtbot.waitSignal(review.worker.rendered, timeout=20000):
        window.go_to(Step.review)
    assert len(renders) == 1 and review.document.pageCount() > 0
    window.go_to(Step.plan)
    window.go_to(Step.review)  # nothing changed: the preview on screen is the plan
    assert len(renders) == 1
    assert "page(s)" in review.status.text()
    window.go_to(Step.decide)
    click(qtbot, window.pages[Step.decide].later)
    with qtbot.waitSignal(review.worker.rendered, timeout=20000):
        window.go_to(Step.review)
    assert len(renders) == 2
    start = window.pages[Step.start]
    with qtbot.waitSignal(review.worker.rendered, timeout=20000):
        start.language.setCurrentIndex(start.language.findData("es"))  # while on the review
    assert len(renders) == 3 and "página" in review.status.text().lower()


def test_unreviewed_translation_warns_or_refuses(qtbot: QtBot, window: MainWindow) -> None:
    session = window.session
    qtbot.keyClicks(window.pages[Step.start].patient_name, "Lan")
    start = window.pages[Step.start]
    start.language.setCurrentIndex(start.language.findData("vi"))
    choose_first_aid(qtbot, window)
    window.go_to(Step.decide)
    click(qtbot, window.pages[Step.decide].later)
    window.go_to(Step.review)
    review = window.pages[Step.review]
    assert review.translation_note.isVisible() and review.export_button.isEnabled()
    session.settings = session.settings.model_copy(update={"unreviewed_translations": "refuse"})
    review.refresh()
    assert not review.export_button.isEnabled()
    session.settings = session.settings.model_copy(update={"unreviewed_translations": "allow"})
    review.refresh()
    assert not review.translation_note.isVisible() and review.export_button.isEnabled()


def test_a_language_switch_draws_each_step_once(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sdm_app.ui.steps.compare_step import CompareStep

    choose_first_aid(qtbot, window)
    for step in STEPS:
        window.go_to(step)
    window.go_to(Step.start)
    cards: list[str] = []
    real = CompareStep._card
    monkeypatch.setattr(
        CompareStep, "_card", lambda self, row: cards.append(row.id) or real(self, row)
    )
    start = window.pages[Step.start]
    start.language.setCurrentIndex(start.language.findData("es"))
    rows = len(window.session.aid.rows)  # type: ignore[union-attr]
    assert len(cards) == rows  # drawn once, in Spanish, not once more for the "patient" change
    window.go_to(Step.compare)
    assert len(cards) == rows  # and entering it does not draw it again
    compare = window.pages[Step.compare]
    assert "Beneficio" in " ".join(w.text() for w in compare.findChildren(QLabel))
    assert start.language.currentData() == "es"


def test_entering_a_step_again_keeps_its_widgets_unless_the_visit_changed(
    qtbot: QtBot, window: MainWindow
) -> None:
    choose_first_aid(qtbot, window)
    window.go_to(Step.decide)
    decide = window.pages[Step.decide]
    click(qtbot, next(iter(decide.option_buttons.values())))  # type: ignore[attr-defined]
    window.go_to(Step.plan)
    plan = window.pages[Step.plan]
    rows = list(plan.rows)  # type: ignore[attr-defined]
    assert rows  # the chosen option's suggested steps, filled in on the first entry
    window.go_to(Step.review)
    window.go_to(Step.plan)
    assert plan.rows == rows  # type: ignore[attr-defined]  # the same widgets: nothing redrawn
    window.go_to(Step.decide)
    click(qtbot, decide.later)  # type: ignore[attr-defined]
    window.go_to(Step.plan)
    assert plan.rows != rows  # type: ignore[attr-defined]  # the choice's suggestions went with it
