"""Widget tests: the icon array, the values step both ways, and the SURE logic on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage
from PySide6.QtWidgets import QLabel, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from sdm_app.domain.steps import Step
from sdm_app.domain.visit import Importance
from sdm_app.ui.main_window import MainWindow
from sdm_app.ui.session import VisitSession
from sdm_app.ui.style import STANDARD
from sdm_app.ui.widgets.icon_array import AFFECTED, IconArrayWidget, grid_shape
from sdm_app.ui.widgets.wrapped_list import entry_font, lay_out, text_rect
from tests.ui.test_flow import choose_first_aid, click

ROOT = Path(__file__).resolve().parents[2]


def dark_share(widget: IconArrayWidget) -> float:
    image: QImage = widget.grab().toImage()
    dark = total = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            color = QColor(image.pixel(x, y))
            total += 1
            dark += color.lightness() < 90
    return dark / total


@pytest.mark.parametrize(("per", "shape"), [(10, (10, 1)), (100, (10, 10)), (1000, (50, 20))])
def test_grid_shapes(per: int, shape: tuple[int, int]) -> None:
    assert grid_shape(per) == shape


def test_icon_array_counts_and_paint(qtbot: QtBot) -> None:
    widget = IconArrayWidget(12, 100)
    qtbot.addWidget(widget)
    widget.resize(300, widget.heightForWidth(300))
    widget.show()
    assert (widget.events, widget.per) == (12, 100)
    low = dark_share(widget)
    widget.set_counts(60, 100)
    high = dark_share(widget)
    assert high > 3 * low > 0  # more affected figures, more solid ink
    widget.set_counts(0, 100)
    assert dark_share(widget) < low


def test_icon_array_affected_are_grouped_first(qtbot: QtBot) -> None:
    widget = IconArrayWidget(10, 100)
    qtbot.addWidget(widget)
    widget.resize(300, widget.heightForWidth(300))
    widget.show()
    image = widget.grab().toImage()
    row_h = image.height() / 10

    def ink(row: int) -> int:
        y0 = int(row * row_h)
        return sum(
            QColor(image.pixel(x, y)).rgb() == AFFECTED.rgb()
            for y in range(y0, int(y0 + row_h))
            for x in range(image.width())
        )

    assert ink(0) > 0 and all(ink(r) == 0 for r in range(1, 10))


def test_icon_array_thousand_and_bad_counts(qtbot: QtBot) -> None:
    widget = IconArrayWidget(5, 1000)
    qtbot.addWidget(widget)
    assert widget.heightForWidth(500) == 201
    with pytest.raises(ValueError):
        widget.set_counts(11, 10)
    with pytest.raises(ValueError):
        widget.set_counts(-1, 100)


def test_values_step_binds_both_ways(
    qtbot: QtBot, window: MainWindow, session: VisitSession
) -> None:
    choose_first_aid(qtbot, window)
    window.go_to(Step.values)
    values = window.pages[Step.values]
    aid = session.aid
    assert aid is not None
    prompt = aid.values[0]
    # widget -> model
    click(qtbot, values.selectors[prompt.id].buttons[Importance.very])
    assert session.visit.ratings[prompt.id] is Importance.very
    # a second click on the same answer clears it
    click(qtbot, values.selectors[prompt.id].buttons[Importance.very])
    assert prompt.id not in session.visit.ratings
    # model -> widget
    session.visit.ratings = {prompt.id: Importance.a_little}
    session.changed_by("aid")
    assert values.selectors[prompt.id].value is Importance.a_little


def test_values_fit_shows_the_calculation_and_no_ranking(
    qtbot: QtBot, window: MainWindow, session: VisitSession
) -> None:
    choose_first_aid(qtbot, window)
    window.go_to(Step.values)
    values = window.pages[Step.values]
    aid = session.aid
    assert aid is not None
    for prompt in aid.values:
        click(qtbot, values.selectors[prompt.id].buttons[Importance.very])
    rows = [values.fit_rows.itemAt(i).widget().text() for i in range(values.fit_rows.count())]
    names = [aid.text(o.name, "en") for o in aid.options]
    assert [r.split(":")[0] for r in rows] == [n.split(":")[0] for n in names]  # the aid's order
    assert all("points" in r for r in rows)
    assert not values.calculation.isVisible()
    click(qtbot, values.show_calculation)
    assert values.calculation.isVisible()
    assert "× 3 =" in values.calculation.text()
    text = " ".join(rows) + values.calculation.text() + values.fit_note.text()
    assert "best" not in text.lower() and "recommend" not in values.fit_title.text().lower()


def test_sure_logic_on_screen(qtbot: QtBot, window: MainWindow, session: VisitSession) -> None:
    choose_first_aid(qtbot, window)
    window.go_to(Step.decide)
    decide = window.pages[Step.decide]
    assert not decide.sure_result.isVisible()
    for field in ("sure", "understand", "risk_benefit"):
        click(qtbot, decide.sure_buttons[field].buttons[0])
    assert not decide.sure_result.isVisible()  # not all answered yet
    click(qtbot, decide.sure_buttons["encouragement"].buttons[1])  # "no"
    assert session.visit.sure.conflict_likely
    assert "Score 3 of 4" in decide.sure_result.text()
    assert "follow-up" in decide.sure_result.text()
    assert decide.sure_result.property("role") == "warning"
    click(qtbot, decide.sure_buttons["encouragement"].buttons[0])  # "yes"
    assert "4 of 4" in decide.sure_result.text()
    assert decide.sure_result.property("role") == "note"


def test_sure_questions_keep_the_validated_wording(window: MainWindow) -> None:
    decide = window.pages[Step.decide]
    texts = [
        decide.sure_labels[f].text()
        for f in ("sure", "understand", "risk_benefit", "encouragement")
    ]
    assert texts == [
        "S  Do you feel SURE about the best choice for you?",
        "U  Do you know the benefits and risks of each option?",
        "R  Are you clear about which benefits and risks matter most to you?",
        "E  Do you have enough support and advice to make a choice?",
    ]
    assert "O'Connor & Légaré, 2008" in decide.sure_citation.text()


def test_decide_later_with_date(qtbot: QtBot, window: MainWindow, session: VisitSession) -> None:
    choose_first_aid(qtbot, window)
    window.go_to(Step.decide)
    decide = window.pages[Step.decide]
    assert not decide.decide_by.isEnabled()
    click(qtbot, decide.later)
    assert decide.decide_by.isEnabled()
    assert session.visit.decision.status.value == "decide_later"
    assert session.visit.decision.decide_by is not None


def test_plan_steps_follow_a_changed_choice(
    qtbot: QtBot, window: MainWindow, session: VisitSession
) -> None:
    choose_first_aid(qtbot, window)
    aid = session.aid
    assert aid is not None
    first, second = aid.options[0], aid.options[1]
    window.go_to(Step.decide)
    click(qtbot, window.pages[Step.decide].option_buttons[first.id])
    window.go_to(Step.plan)
    plan = window.pages[Step.plan]
    assert [r.what.toPlainText() for r in plan.rows] == [
        aid.text(s.what, "en") for s in first.next_steps
    ]
    window.go_to(Step.decide)
    click(qtbot, window.pages[Step.decide].option_buttons[second.id])
    window.go_to(Step.plan)
    assert [r.what.toPlainText() for r in plan.rows] == [
        aid.text(s.what, "en") for s in second.next_steps
    ]
    # edited steps are the patient's now: a new choice does not overwrite them
    plan.rows[0].what.selectAll()
    qtbot.keyClicks(plan.rows[0].what, "Call my sister")
    window.go_to(Step.decide)
    click(qtbot, window.pages[Step.decide].option_buttons[first.id])
    assert session.visit.next_steps[0].what == "Call my sister"


@pytest.mark.parametrize("language", ["es", "ru", "vi", "ht"])
def test_step_names_are_never_cut_short(qtbot: QtBot, window: MainWindow, language: str) -> None:
    # "6.  Costos y preocupaciones" once showed as "6.  Costos y ..."
    start = window.pages[Step.start]
    start.language.setCurrentIndex(start.language.findData(language))
    for step in (Step.start, Step.costs):
        window.go_to(step)
        qtbot.wait(10)
        indicator = window.indicator
        for row in range(indicator.count()):
            item = indicator.item(row)
            rect = indicator.visualItemRect(item)
            option_font = indicator.font()
            option_font.setBold(row == indicator.currentRow())
            needed = QFontMetrics(option_font).boundingRect(
                QRect(0, 0, rect.width() - 30, 10_000), Qt.TextFlag.TextWordWrap, item.text()
            )
            assert rect.height() >= needed.height() + 20, item.text()


def test_compare_rows_are_even_and_follow_the_width(
    qtbot: QtBot, window: MainWindow, session: VisitSession
) -> None:
    entry = session.library.find("diabetes-second-medicine")
    assert entry is not None and entry.aid is not None and len(entry.aid.options) == 6
    session.choose_aid(entry)
    window.resize(1366, 768)
    window.go_to(Step.compare)
    compare = window.pages[Step.compare]
    qtbot.waitUntil(lambda: compare.columns == 3)  # 3 + 3, never 4 + 2
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: compare.columns == 2)  # 2 + 2 + 2


@pytest.mark.parametrize("larger", [0, 4])
def test_compare_shows_every_figure_and_lines_up_the_pictures(
    qtbot: QtBot, window: MainWindow, session: VisitSession, larger: int
) -> None:
    """Every icon array is as tall as its width needs (a fixed height once cut off the last
    row of figures), and the arrays of one question start at the same height even when an
    option's name takes more lines than the others'."""
    for _ in range(larger):
        window.larger_action.trigger()
    window.resize(1366, 768)
    checked = 0
    for entry in session.library.aids:
        session.choose_aid(entry)
        window.go_to(Step.compare)
        page = window.pages[Step.compare]
        qtbot.waitUntil(lambda page=page: all(a.width() > 0 for a in page.icon_arrays))
        qtbot.wait(20)
        cards: dict[int, list[IconArrayWidget]] = {}
        for array in page.icon_arrays:
            assert array.height() >= array.heightForWidth(array.width()), entry.id
            cards.setdefault(id(array.parentWidget()), []).append(array)
            checked += 1
        for arrays in cards.values():
            lines = -(-len(entry.aid.options) // page.columns)  # type: ignore[union-attr]
            assert len({a.y() for a in arrays}) <= lines, entry.id
    assert checked >= 4


def _text_fits(view: QListWidget, row: int) -> tuple[float, int]:
    """The height an entry's text takes when drawn in the place the list gives it, and the
    height of that place."""
    current = row == view.currentRow()
    box = text_rect(view, view.visualItemRect(view.item(row)), current)
    _layout, height = lay_out(view.item(row).text(), entry_font(view, current), box, view)
    return height, box.height()


@pytest.mark.parametrize("language", ["ar", "en", "es", "ru", "vi"])
def test_library_entries_are_shown_whole(qtbot: QtBot, window: MainWindow, language: str) -> None:
    # a long Arabic entry lost its last line (the review status): Qt measured it a line short
    start = window.pages[Step.start]
    start.language.setCurrentIndex(start.language.findData(language))
    window.go_to(Step.choose)
    entries = window.pages[Step.choose].aid_list
    assert entries.count() == 3
    for width in range(1024, 1920, 23):  # where a line breaks depends on the width: many
        window.resize(width, 768)
        qtbot.wait(5)
        for row in range(entries.count()):
            needed, given = _text_fits(entries, row)
            assert needed <= given, (width, entries.item(row).text())
    # and the last line of each entry (the review status) is on screen
    image = entries.viewport().grab().toImage()
    for row in range(entries.count()):
        current = row == entries.currentRow()
        box = text_rect(entries, entries.visualItemRect(entries.item(row)), current)
        last_line = range(box.bottom() - box.height() // 4, box.bottom())
        assert any(
            image.pixelColor(x, y).lightness() < 128
            for y in last_line
            for x in range(box.left(), box.right(), 2)
        ), entries.item(row).text()


@pytest.mark.parametrize(("language", "side"), [("en", "left"), ("ar", "right")])
def test_the_current_entry_bar_stands_at_the_start_of_the_line(
    qtbot: QtBot, window: MainWindow, language: str, side: str
) -> None:
    start = window.pages[Step.start]
    start.language.setCurrentIndex(start.language.findData(language))
    choose_first_aid(qtbot, window)
    qtbot.wait(10)
    for view in (window.pages[Step.choose].aid_list, window.indicator):
        image = view.viewport().grab().toImage()
        rect = view.visualItemRect(view.currentItem())
        y = rect.center().y()
        left = image.pixelColor(rect.left() + 2, y)
        right = image.pixelColor(rect.right() - 2, y)
        bar, other = (left, right) if side == "left" else (right, left)
        assert bar == QColor(STANDARD.accent), (view, bar.name())
        assert other != QColor(STANDARD.accent)


def test_wrapped_lists_know_their_viewport_width(qtbot: QtBot, window: MainWindow) -> None:
    # worked out without viewport() (see WrappedList.viewport_width): it must agree with it,
    # with and without a scroll bar
    window.go_to(Step.choose)
    lists = (window.indicator, window.pages[Step.choose].aid_list)
    seen_bar = set()
    for clicks, height in ((0, 768), (6, 768), (6, 420)):
        for _ in range(clicks - (window.session.settings.text_scale - 100) // 25):
            window.larger_action.trigger()
        for width in (1024, 1366):
            window.resize(width, height)
            qtbot.wait(10)
            for view in lists:
                assert view.viewport_width() == view.viewport().width(), (clicks, width, height)
                seen_bar.add(view.verticalScrollBar().isVisible())
    assert seen_bar == {False, True}


ARABIC_NOTE = (
    "الأرقام تخص: شخص افتراضي عمره من 40 إلى 75 سنة، ليس لديه مرض في القلب ولم يُصب بسكتة"
    " دماغية. احتمال إصابته بنوبة قلبية أو سكتة دماغية خلال السنوات الـ 10 القادمة نحو 10 من كل 100."
)


def _ink_by_line(label: QLabel) -> list[tuple[int, int]]:
    """The leftmost and rightmost dark pixel of each line of a TextLabel's text."""
    from sdm_app.ui.widgets.text_label import TextLabel

    assert isinstance(label, TextLabel)
    rect = label._text_rect()
    layout, _height = label._lay_out(rect)
    image = label.grab().toImage()
    edges = []
    for index in range(layout.lineCount()):
        line = layout.lineAt(index)
        top = rect.top() + int(line.y() + line.height() * 0.3)
        bottom = rect.top() + int(line.y() + line.height() * 0.7)
        xs = [
            x
            for y in range(top, bottom)
            for x in range(image.width())
            if image.pixelColor(x, y).lightness() < 100
        ]
        edges.append((min(xs), max(xs)))
    return edges


@pytest.mark.parametrize("width", [300, 360, 420, 480])
def test_wrapped_arabic_lines_stand_flush_right_and_whole(qtbot: QtBot, width: int) -> None:
    # QLabel drew every line but the last a space short of the right edge, and a full line
    # past the left edge, cutting its last letter
    from sdm_app.ui.steps.base import label

    host = QWidget()
    host.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.addWidget(host)
    note = label()
    note.setParent(host)
    note.setStyleSheet("QLabel { font-size: 16pt; background: white; }")
    note.setText(ARABIC_NOTE)
    note.ensurePolished()
    note.resize(width, note.heightForWidth(width))
    host.show()
    qtbot.wait(5)
    edges = _ink_by_line(note)
    assert len(edges) >= 3
    rights = [right for _left, right in edges]
    assert max(rights) - min(rights) <= 2, rights  # flush right, every line
    assert min(left for left, _right in edges) >= 1  # nothing cut off at the left
    assert max(rights) >= width - 8  # at the right edge, not a space short of it


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "December 21, 2026"), ("es", "21 de diciembre de 2026"), ("zh", "2026年12月21日")],
)
def test_dates_are_written_the_language_s_way_without_weekday(
    qtbot: QtBot, language: str, shown: str
) -> None:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDateEdit

    from sdm_app.ui.steps.base import localize_date_edit

    edit = QDateEdit(QDate(2026, 12, 21))
    qtbot.addWidget(edit)
    localize_date_edit(edit, language)
    assert edit.text() == shown


@pytest.mark.parametrize("role", [None, "title", "subtitle", "muted", "warning", "note"])
def test_arabic_text_drawn_by_text_label_fits_the_height_qlabel_measured(
    qtbot: QtBot, role: str | None
) -> None:
    # QLabel measures (its heightForWidth stays in C++ for speed); TextLabel draws the lines
    from babel.messages.pofile import read_po

    from sdm_app.ui.steps.base import label

    with (ROOT / "translations" / "ar" / "LC_MESSAGES" / "messages.po").open("rb") as po:
        texts = [m.string for m in read_po(po) if m.id and isinstance(m.string, str)]
    texts = [*[text for text in texts if len(text) > 40][:40], ARABIC_NOTE]
    host = QWidget()
    host.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.addWidget(host)
    note = label(role)
    note.setParent(host)
    for text in texts:
        note.setText(text)
        note.ensurePolished()
        for width in range(140, 720, 29):
            note.resize(width, note.heightForWidth(width))
            assert note.draws_itself()
            rect = note._text_rect()
            _layout, height = note._lay_out(rect)
            # within the label: at most a few pixels into a padded label's padding (QLabel
            # rounds line heights its own way), never cut off
            assert rect.top() + height <= note.height() + 0.5, (width, text)
            assert height <= rect.height() + 6, (width, text)


def test_arabic_dates_have_no_stray_comma(qtbot: QtBot) -> None:
    # the weekday went, its Arabic comma stayed: "٢٠٢٦ ديسمبر ٢١،"
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDateEdit

    from sdm_app.ui.steps.base import localize_date_edit

    edit = QDateEdit(QDate(2026, 12, 21))
    qtbot.addWidget(edit)
    localize_date_edit(edit, "ar")
    assert edit.displayFormat() == "d MMMM yyyy"
    assert edit.text() == "21 ديسمبر 2026"  # no comma; digits as on the plan (Babel)


def test_cost_help_reads_in_the_language_s_punctuation_and_earlier_ticks_stay(
    qtbot: QtBot, window: MainWindow, session: VisitSession
) -> None:
    entry = session.library.find("statin-primary-prevention")
    assert entry is not None and entry.aid is not None
    session.choose_aid(entry)
    session.set_language("zh")
    resource = next(r for r in entry.aid.cost_resources if r.description)
    title, description = session.text(resource.title), session.text(resource.description)
    # a visit saved before: "title: description" with a half-width colon
    session.visit.cost.help_agreed = [f"{title}: {description}"]
    window.go_to(Step.costs)
    costs = window.pages[Step.costs]
    costs.refresh()
    boxes = {box.parentWidget().findChild(QLabel).text(): box for box in costs.help_checks}
    now = f"{title}：{description}"
    assert now in boxes and boxes[now].isChecked()
    assert len(boxes) == len(entry.aid.cost_resources)  # not listed again as the patient's own
    click(qtbot, boxes[now])  # untick: the earlier wording goes too
    assert session.visit.cost.help_agreed == []
