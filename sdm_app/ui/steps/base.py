"""What every step page has: the session, a title, a scrollable body, and refresh hooks."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QLocale, QObject, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QLabel,
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sdm_app.domain.steps import STEP_TITLES, Step
from sdm_app.ui.session import VisitSession
from sdm_app.ui.widgets.text_label import TextLabel


def label(role: str | None = None, wrap: bool = True) -> QLabel:
    """A label with a style role ("title", "subtitle", "muted", "warning")."""
    widget = TextLabel(wrap=wrap)
    if role:
        widget.setProperty("role", role)
    return widget


def card(margins: tuple[int, int, int, int] | None = None) -> tuple[QFrame, QVBoxLayout]:
    """A framed card (style role "card") and the vertical layout that fills it."""
    frame = QFrame()
    frame.setProperty("role", "card")
    box = QVBoxLayout(frame)
    if margins is not None:
        box.setContentsMargins(*margins)
    return frame, box


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget in ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()


def localize_date_edit(edit: QDateEdit, language: str) -> None:
    """Show dates the way the patient's language writes them, month names included."""
    # Arabic as Babel writes it on the plan and elsewhere on screen, with Western digits
    # ("21 ديسمبر 2026"); Qt's plain "ar" is Egypt's, with Arabic-Indic digits
    locale = QLocale("ar_001" if language.split("-")[0] == "ar" else language)
    edit.setLocale(locale)
    pattern = locale.dateFormat(QLocale.FormatType.LongFormat)
    # without the weekday, and its comma (Arabic's is "،": "dddd، d MMMM yyyy")
    for weekday in ("dddd, ", "dddd، ", "dddd ", ", dddd", "، dddd", "dddd"):
        pattern = pattern.replace(weekday, "")
    edit.setDisplayFormat(pattern.strip(" ,،"))


#: The focus policies that include Tab (a set lookup: flag arithmetic on Qt's Python enums
#: is slow enough to matter when a page of 150 widgets is walked on every step switch).
TAB_POLICIES = frozenset(
    {Qt.FocusPolicy.TabFocus, Qt.FocusPolicy.StrongFocus, Qt.FocusPolicy.WheelFocus}
)


def set_role(widget: QWidget, role: str) -> None:
    """Change a widget's style role and restyle it."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


#: The narrowest a column of running text may be, in px at 100 % text and in average
#: characters at any size (narrower and it gets hard to read).
MIN_COLUMN_PX = 260
MIN_COLUMN_CHARS = 32


def even_columns(items: int, width: int, min_width: int) -> int:
    """How many columns ``items`` cells get in ``width``: as many as fit, in rows as even as
    they can be (6 cells as 3 + 3, never 4 + 2)."""
    if items <= 0:
        return 1
    fit = max(1, min(items, width // max(min_width, 1)))
    rows = -(-items // fit)
    return -(-items // rows)


def _marks_current(refresh: Callable[[StepPage], None]) -> Callable[[StepPage], None]:
    @functools.wraps(refresh)
    def current(page: StepPage) -> None:
        page._stale = False
        refresh(page)

    return current


class StepPage(QWidget):
    """A step of the visit. Subclasses fill ``self.body`` and implement the hooks."""

    step: Step
    #: the number of columns the page is laid out in (pages whose layout follows the width)
    columns = 0

    def __init_subclass__(cls, **kwargs: object) -> None:
        """A page's ``refresh`` shows the visit as it is now, so once it has run the page is
        current: entering it later need not draw it again (a language switch redraws every
        page; entering each afterwards redrew it a second time)."""
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("refresh")
        if own is not None:
            cls.refresh = _marks_current(own)  # type: ignore[method-assign]

    def __init__(self, session: VisitSession) -> None:
        super().__init__()
        self.session = session
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Pages reflow to the width; where a language's long words cannot (some steps at 200 %
        # text), the page scrolls sideways rather than cutting anything off.
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its contents take the focus
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(32, 24, 32, 24)
        self.body.setSpacing(14)
        self.title = label("title")
        self.body.addWidget(self.title)
        self.scroll.setWidget(inner)
        outer.addWidget(self.scroll)
        # The cells' columns follow the viewport's width: watched here, it also catches a page
        # drawn while hidden, which gets its width only when first laid out on screen.
        self.scroll.viewport().installEventFilter(self)
        self._stale = True
        session.visit_changed.connect(self._on_visit_changed)
        session.visit_replaced.connect(self._replaced)

    def _on_visit_changed(self, section: str, source: object) -> None:
        if source is not self:
            self._stale = True
            self.on_visit_changed(section)

    def _replaced(self) -> None:
        self._stale = False
        self.refresh()

    def on_visit_changed(self, section: str) -> None:
        """Another view changed ``section`` of the visit; show it if it matters here."""
        if section in ("aid", "patient"):
            self.refresh()

    def refresh(self) -> None:
        """Show the visit as it is now (model -> widgets)."""

    def column_count(self) -> int:
        """The columns the page's cells should have now (pages with columns override)."""
        return self.columns

    def option_columns(self) -> int:
        """Columns for one cell per option of the visit's aid (1 when there is no aid)."""
        aid = self.session.aid
        if aid is None:
            return 1
        return even_columns(len(aid.options), self.columns_width(), self.min_column_width())

    def min_column_width(self) -> int:
        """The narrowest readable column at the current text size."""
        return max(MIN_COLUMN_PX, MIN_COLUMN_CHARS * self.fontMetrics().averageCharWidth())

    def columns_width(self) -> int:
        """The width the page's columns share."""
        return self.scroll.viewport().width() - 64

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """The text size or theme changed: the cells may need other columns."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.relayout()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """The viewport was resized: the cells may need other columns."""
        if event.type() == QEvent.Type.Resize and watched is self.scroll.viewport():
            self.relayout()
        return super().eventFilter(watched, event)

    def relayout(self) -> None:
        """The width or the text size changed: redraw if the cells need other columns."""
        if self.columns and self.column_count() != self.columns:
            self.refresh()

    def retranslate_ui(self) -> None:
        """Set every text in the screen language."""
        self.title.setText(self.session.tr.gettext(STEP_TITLES[self.step]))

    def focus_chain(self) -> list[QWidget]:
        """The page's focusable widgets in reading order (layout order, not creation order)."""
        return list(self.focusable())

    def focusable(self) -> Iterator[QWidget]:
        """The page's focusable widgets in reading order, found as they are asked for."""

        def walk(layout: object) -> Iterator[QWidget]:
            for index in range(layout.count()):  # type: ignore[attr-defined]
                item = layout.itemAt(index)  # type: ignore[attr-defined]
                widget = item.widget()
                if widget is not None:
                    yield from visit(widget)
                elif item.layout() is not None:
                    yield from walk(item.layout())

        def visit(widget: QWidget) -> Iterator[QWidget]:
            if widget.isHidden() and widget.testAttribute(
                Qt.WidgetAttribute.WA_WState_ExplicitShowHide
            ):
                return  # hidden on purpose (new widgets are "hidden" until the event loop shows them)
            if widget.focusPolicy() in TAB_POLICIES and not isinstance(widget, QScrollArea):
                yield widget
            if widget.layout() is not None:
                yield from walk(widget.layout())

        return walk(self.body)

    def entered(self) -> None:
        """The step became visible: redraw only if the visit changed elsewhere meanwhile, so
        moving between steps is instant and keeps the keyboard focus."""
        if self._stale:
            self._stale = False
            self.refresh()

    def changed(self, section: str) -> None:
        """Tell the session this page changed ``section`` of the visit."""
        self.session.changed_by(section, self)
