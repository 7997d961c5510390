"""A list whose entries wrap to its width and are always tall enough for their text."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QPainter,
    QPalette,
    QResizeEvent,
    QShowEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QListView,
    QListWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)


class WrappedList(QListWidget):
    """Entries wrap instead of running off to the side, each as tall as its wrapped text.

    Qt measures an entry for its height and lays its text out again to draw it, and the two
    did not always agree: a long entry (an Arabic one, at some widths) came out a line short,
    and its last line, the aid's review status, was cut off. Here one function lays the text
    out for both, at the width the style sheet leaves for it (padding, the current entry's
    bar, Qt's text margin), the current entry in bold as the style sheet draws it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(_EntryDelegate(self))
        self.currentRowChanged.connect(lambda _row: self.fit_items())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """In right-to-left text the current entry's bar moves to the right (the style sheet
        keys on the ``rtl`` property: style sheets do not mirror themselves)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._follow_direction()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """A list made inside a right-to-left window gets no direction change: look now."""
        self._follow_direction()
        super().showEvent(event)

    def _follow_direction(self) -> None:
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        if bool(self.property("rtl")) != rtl:
            self.setProperty("rtl", rtl)
            self.style().unpolish(self)
            self.style().polish(self)
            self.fit_items()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Heights follow the width the text really has (a scroll bar may have taken some)."""
        super().resizeEvent(event)
        self.fit_items()

    def viewport_width(self) -> int:
        """The viewport's width, worked out from the list's own size and its scroll bar:
        ``viewport()`` returns a widget of a class private to Qt, and looking for a Python
        class for it makes PySide6 load every class of QtWidgets (~8 ms before the first
        paint, where this list is the steps of the visit)."""
        width = self.maximumViewportSize().width()
        bar = self.verticalScrollBar()
        if bar.isVisibleTo(self):
            width -= bar.width()
        return width

    def fit_items(self) -> None:
        """Give each entry the height its wrapped text needs."""
        viewport = self.viewport_width()
        current_row = self.currentRow()
        box = QRect(0, 0, viewport, 10_000)
        text_boxes = {current: text_rect(self, box, current) for current in (False, True)}
        fonts = {current: entry_font(self, current) for current in (False, True)}
        for row in range(self.count()):
            item = self.item(row)
            current = row == current_row
            text_box = text_boxes[current]
            _layout, height = lay_out(item.text(), fonts[current], text_box, self)
            hint = QSize(viewport, math.ceil(height) + box.height() - text_box.height())
            if item.sizeHint() != hint:
                item.setSizeHint(hint)


def entry_font(view: QWidget, current: bool) -> QFont:
    """The font of an entry: bold for the current one, as the style sheet draws it."""
    font = QFont(view.font())
    font.setBold(current)
    return font


def text_rect(view: QListWidget, rect: QRect, current: bool) -> QRect:
    """Where an entry drawn in ``rect`` has its text: inside the style sheet's padding and
    border (the current entry's bar included) and Qt's text margin."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = rect
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
    option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    if current:
        option.state |= QStyle.StateFlag.State_Selected
    style = view.style()
    inner = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return inner.adjusted(margin, 0, -margin, 0)


def lay_out(
    text: str,
    font: QFont,
    rect: QRect,
    view: QWidget,
    alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> tuple[QTextLayout, float]:
    """``text`` wrapped at ``rect``'s width in the view's direction, each line placed by
    ``alignment`` (logical: left is the start of the line, the right edge in right-to-left
    text); the layout and its height. Both measuring and drawing use this, so they cannot
    disagree."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    option.setTextDirection(view.layoutDirection())
    option.setAlignment(QStyle.visualAlignment(view.layoutDirection(), alignment))
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(rect.width())
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return layout, height


class _EntryDelegate(QStyledItemDelegate):
    """Draws an entry: its panel by the style (background, selection, bar), its text laid
    out by :func:`lay_out`."""

    def __init__(self, view: WrappedList) -> None:
        super().__init__(view)
        self.view = view

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """The style draws the panel; the text is drawn here, as it was measured."""
        panel = QStyleOptionViewItem(option)
        self.initStyleOption(panel, index)
        text = panel.text
        panel.text = ""
        view = self.view
        view.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, panel, painter, view)
        current = index.row() == view.currentRow()
        box = text_rect(view, option.rect, current)
        layout, height = lay_out(text, entry_font(view, current), box, view)
        top = box.top() + max(0.0, (box.height() - height) / 2)
        painter.save()
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        layout.draw(painter, QPointF(box.left(), top))
        painter.restore()
