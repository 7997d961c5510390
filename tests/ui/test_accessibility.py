"""Accessibility: names for every control, the whole visit by keyboard, big targets,
text up to 200 %, high contrast, and the patient view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)
from pytestqt.exceptions import TimeoutError as WaitTimeout
from pytestqt.qtbot import QtBot

from sdm_app.content.visit_file import load_visit
from sdm_app.domain.steps import STEPS, Step
from sdm_app.domain.visit import DecisionStatus
from sdm_app.settings import load_settings
from sdm_app.ui.export import visit_path_for
from sdm_app.ui.main_window import MainWindow
from sdm_app.ui.steps.base import StepPage
from tests.ui.test_flow import choose_first_aid

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "visits"


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface else ""


def focusable(window: MainWindow) -> list[QWidget]:
    return [
        w
        for w in window.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not isinstance(w, QScrollArea)
        and not w.objectName().startswith("qt_")  # Qt's inner editors, named through their owner
    ]


def test_every_focusable_control_has_an_accessible_name(qtbot: QtBot, window: MainWindow) -> None:
    choose_first_aid(qtbot, window)
    unnamed: list[str] = []
    for step in STEPS:
        window.go_to(step)
        qtbot.wait(20)
        for widget in focusable(window):
            if not accessible_name(widget):
                unnamed.append(f"{step.value}: {type(widget).__name__}")
    assert unnamed == []


def test_touch_targets_are_at_least_44_px(qtbot: QtBot, window: MainWindow) -> None:
    choose_first_aid(qtbot, window)
    small = []
    for step in STEPS:
        window.go_to(step)
        qtbot.wait(20)
        for button in window.findChildren(QAbstractButton):
            if (
                button.isVisible()
                and type(button).__name__ in ("QPushButton", "QToolButton")
                and button.height() < 44
            ):
                small.append(f"{step.value}: {button.text()!r} {button.height()}px")
    assert small == []


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier)
    qtbot.wait(5)  # a person's pace: the event loop runs between keys


def tab_to(qtbot: QtBot, widget: QWidget, limit: int = 60) -> None:
    """Press Tab until ``widget`` has the focus, as a keyboard user would."""
    for _ in range(limit):
        if widget.hasFocus():
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(
        f"{type(widget).__name__} {accessible_name(widget)!r} cannot be reached with Tab"
    )


def test_the_whole_visit_with_the_keyboard_alone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.pages[Step.start].patient_name.setFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "Keyboard Only")
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    choose = window.pages[Step.choose]
    tab_to(qtbot, choose.search)
    qtbot.keyClicks(choose.search, "statin")
    tab_to(qtbot, choose.aid_list)
    press(qtbot, Qt.Key.Key_Down)
    assert window.session.aid is not None and window.session.aid.id == "statin-primary-prevention"
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    values = window.pages[Step.values]
    prompt = window.session.aid.values[0].id
    tab_to(qtbot, values.selectors[prompt].buttons[0])  # Tab reaches the group ...
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Right)  # ... and the arrows move within it
    assert values.selectors[prompt].buttons[3].hasFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert window.session.visit.ratings[prompt] == 3
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    decide = window.pages[Step.decide]
    first_option = decide.option_buttons[window.session.aid.options[0].id]
    tab_to(qtbot, first_option)  # Tab reaches the choices; the arrows move between them
    for _ in window.session.aid.options:
        press(qtbot, Qt.Key.Key_Down)
    assert decide.later.hasFocus()
    press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, decide.reasons)
    qtbot.keyClicks(decide.reasons, "Need time")
    tab_to(qtbot, decide.teach_done)
    press(qtbot, Qt.Key.Key_Space)
    assert window.session.visit.teach_back.done
    window.pages[Step.review].choose_path = lambda: tmp_path / "plan.pdf"  # type: ignore[method-assign]
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    review = window.pages[Step.review]
    assert window.current_step is Step.review
    tab_to(qtbot, review.export_button)
    with qtbot.waitSignal(review.worker.exported, timeout=30000):
        press(qtbot, Qt.Key.Key_Space)
    visit = load_visit(visit_path_for(tmp_path / "plan.pdf")).visit
    assert visit is not None and visit.patient.display_name == "Keyboard Only"
    assert (
        visit.decision.status is DecisionStatus.decide_later
        and visit.decision.reasons == "Need time"
    )


def test_text_size_up_to_200_percent_reflows_and_is_remembered(
    qtbot: QtBot, window: MainWindow
) -> None:
    choose_first_aid(qtbot, window)
    for _ in range(6):
        window.larger_action.trigger()
    assert window.session.settings.text_scale == 200
    assert load_settings().text_scale == 200
    assert window.text_size.text() == "200%"
    for step in STEPS:
        window.go_to(step)
        qtbot.wait(30)
        page = window.pages[step]
        inner = page.scroll.widget()
        room = page.scroll.viewport().width()
        assert inner.width() <= room + 1, step  # no sideways scrolling
        assert inner.minimumSizeHint().width() <= room, step  # and nothing squeezed off
    for _ in range(6):
        window.smaller_action.trigger()
    assert window.session.settings.text_scale == 100


def test_high_contrast_is_a_remembered_choice(qtbot: QtBot, window: MainWindow) -> None:
    window.contrast_action.trigger()
    assert window.session.settings.high_contrast and load_settings().high_contrast
    assert "#000000" in QApplication.instance().styleSheet()  # type: ignore[union-attr]
    window.contrast_action.trigger()
    assert not load_settings().high_contrast


def test_patient_view_hides_clinician_details_and_comes_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    start = window.pages[Step.start]
    assert start.record_number.isVisible()
    window.patient_view_action.trigger()
    assert not start.record_number.isVisible() and not start.birth_date.isVisible()
    window.go_to(Step.plan)
    assert not window.pages[Step.plan].notes.isVisible()
    assert window.next_button.font().pointSizeF() == pytest.approx(22.8)  # 175 % of 13 pt
    assert window.pages[Step.plan].title.font().pointSizeF() > 22.8  # titles grow too
    # the toolbars are the clinician's: they keep the chosen size, on one row
    new_visit = window.toolbar.widgetForAction(window.new_visit_action)
    assert new_visit is not None and new_visit.font().pointSizeF() == pytest.approx(13.0)
    assert window.language.font().pointSizeF() == pytest.approx(13.0)
    window.resize(1366, 768)
    qtbot.wait(10)
    assert not any(window.toolBarBreak(toolbar) for toolbar in window.toolbars)
    window.patient_view_action.trigger()
    assert window.pages[Step.plan].notes.isVisible()
    assert window.next_button.font().pointSizeF() == pytest.approx(13.0)
    assert all(toolbar.styleSheet() == "" for toolbar in window.toolbars)
    window.go_to(Step.start)
    assert start.record_number.isVisible()


@pytest.mark.parametrize("language", ["es", "ru"])
def test_option_cells_reflow_with_the_text_size(
    qtbot: QtBot, window: MainWindow, language: str
) -> None:
    session = window.session
    session.set_language(language)
    entry = session.library.find("diabetes-second-medicine")  # six options, long names
    assert entry is not None
    session.choose_aid(entry)
    window.resize(1366, 768)
    for step in (Step.options, Step.compare):
        window.go_to(step)
        qtbot.waitUntil(lambda step=step: window.pages[step].columns == 3)
    for _ in range(6):
        window.larger_action.trigger()
    for step in (Step.options, Step.compare):
        window.go_to(step)
        page = window.pages[step]
        qtbot.waitUntil(lambda page=page: page.columns == 1)  # one readable column at 200 %
        qtbot.wait(30)
        assert page.scroll.widget().width() <= page.scroll.viewport().width() + 1, step
    for _ in range(6):
        window.smaller_action.trigger()
    qtbot.waitUntil(lambda: window.pages[Step.compare].columns == 3)


@pytest.mark.parametrize("language", ["es", "ru", "vi", "ar"])
def test_no_step_is_wider_than_the_screen_at_200_percent(
    qtbot: QtBot, window: MainWindow, language: str
) -> None:
    # long words (Spanish, Russian), long phrases (Vietnamese), right to left (Arabic)
    visit = load_visit(EXAMPLES / "diabetes-second-medicine.yaml").visit
    assert visit is not None
    window.session.open_visit(visit)
    window.session.set_language(language)
    window.resize(1366, 768)
    for _ in range(6):
        window.larger_action.trigger()
    for step in STEPS:
        window.go_to(step)
        page = window.pages[step]

        def fits(page: StepPage = page) -> bool:
            return page.scroll.widget().minimumSizeHint().width() <= page.scroll.viewport().width()

        try:  # once the page has been laid out at the new size (a loaded machine takes longer)
            qtbot.waitUntil(fits, timeout=3000)
        except WaitTimeout:
            widest = page.scroll.widget().minimumSizeHint().width()
            pytest.fail(f"{language} {step}: {widest} px > {page.scroll.viewport().width()} px")
    window.review.worker.wait()


def test_a_larger_text_size_reaches_every_widget_and_dialog(
    qtbot: QtBot, window: MainWindow
) -> None:
    from sdm_app.ui.dialogs.settings_dialog import SettingsDialog

    window.go_to(Step.plan)
    window.larger_action.trigger()
    window.larger_action.trigger()  # 150 %: only this window's sizes are set again
    assert window.session.settings.text_scale == 150
    title = window.pages[Step.plan].title
    assert window.next_button.font().pointSizeF() == pytest.approx(19.5)
    assert title.font().pointSizeF() == pytest.approx(19.5 + 13.5)
    assert window.next_button.minimumSizeHint().height() >= int(44 * 1.5 * 0.9)
    dialog = SettingsDialog(window.session.settings, window.session.tr, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.font().pointSizeF() == pytest.approx(19.5)  # a dialog opened later, too
    window.contrast_action.trigger()  # the colours change the whole sheet: sizes stay
    assert window.next_button.font().pointSizeF() == pytest.approx(19.5)
    window.contrast_action.trigger()


@pytest.mark.parametrize("high_contrast", [False, True])
def test_every_language_name_fits_the_language_picker(
    qtbot: QtBot, window: MainWindow, high_contrast: bool
) -> None:
    # The picker is sized in characters, not by measuring every name (see MainWindow).
    if high_contrast:
        window.contrast_action.trigger()
    picker = window.language
    for scale in (100, 150, 200):
        while window.session.settings.text_scale < scale:
            window.larger_action.trigger()
        qtbot.wait(10)
        for index in range(picker.count()):
            option = QStyleOptionComboBox()
            picker.initStyleOption(option)
            field = picker.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox,
                option,
                QStyle.SubControl.SC_ComboBoxEditField,
                picker,
            )
            name = picker.itemText(index)
            assert picker.fontMetrics().horizontalAdvance(name) <= field.width(), (scale, name)


@pytest.mark.parametrize("high_contrast", [False, True])
def test_lists_and_date_fields_show_their_arrow(
    qtbot: QtBot, window: MainWindow, high_contrast: bool
) -> None:
    """A style sheet that styles a combo box leaves its arrow undrawn unless it names an
    image: the language lists and date fields looked like text fields."""
    from PySide6.QtGui import QColor

    if high_contrast:
        window.contrast_action.trigger()
    for scale in (100, 200):
        while window.session.settings.text_scale < scale:
            window.larger_action.trigger()
        qtbot.wait(10)
        fields = [
            field
            for kind in (QComboBox, QDateEdit)
            for field in window.findChildren(kind)
            if field.isVisible()
        ]
        assert (
            len(fields) >= 4
        )  # the language picker; the start step's language, birth date, chart copy
        for field in fields:
            image = field.grab().toImage()
            width, height = image.width(), image.height()
            band = range(width - max(24, width // 6), width - 4)  # inside the border
            dark = sum(
                QColor(image.pixel(x, y)).lightness() < 110
                for x in band
                for y in range(height // 4, 3 * height // 4)
            )
            assert dark >= 6, (scale, field.objectName() or type(field).__name__, dark)


@pytest.mark.parametrize("language", ["en", "ru", "ar"])
def test_every_tool_stays_on_screen_at_every_text_size(
    qtbot: QtBot, window: MainWindow, language: str
) -> None:
    # At 200 % in a 1366-pixel window, Settings once went into the toolbar's overflow
    # button, a sliver too small to see or touch.
    start = window.pages[Step.start]
    start.language.setCurrentIndex(start.language.findData(language))
    window.show()
    for width in (1024, 1366):  # (offscreen, the screen is 1366 wide at most)
        window.resize(width, 768)
        for scale in (100, 125, 150, 175, 200, 175, 150, 125, 100):
            while window.session.settings.text_scale != scale:
                up = window.session.settings.text_scale < scale
                (window.larger_action if up else window.smaller_action).trigger()
            qtbot.wait(5)
            for toolbar in window.toolbars:
                for action in toolbar.actions():
                    tool = toolbar.widgetForAction(action)
                    if tool is not None and not action.isSeparator():
                        assert tool.isVisible(), (width, scale, action.text())
                        assert tool.geometry().right() <= toolbar.width(), (width, scale)
            one_row = not any(window.toolBarBreak(t) for t in window.toolbars)
            needed = sum(t.sizeHint().width() for t in window.toolbars)
            assert one_row == (needed <= window.width()), (width, scale)  # no needless rows
            if window.width() >= 1366 and scale == 100:
                assert one_row, (width, scale)
