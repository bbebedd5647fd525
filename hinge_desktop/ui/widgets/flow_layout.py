"""A layout that sets its widgets in a row and wraps them onto the next line when the row is
too narrow, as words wrap in a paragraph: a row of buttons that never needs a scroll bar."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """Items left to right at their size hints, wrapped to as many lines as the width needs.

    Its minimum width is that of its widest item, so a pane holding it can be as narrow as one
    button; its height follows the width (height for width), so what comes below moves down
    instead of being overlapped.
    """

    def __init__(
        self, parent: QWidget | None = None, spacing: int = -1, line_spacing: int = -1
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = line_spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self.invalidate()
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        width = height = 0
        shown = self._shown()
        for item in shown:
            hint = item.sizeHint()
            width += hint.width()
            height = max(height, hint.height())
        width += self._gap() * max(0, len(shown) - 1)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """The widest item: each on a line of its own."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize()).expandedTo(QSize(item.sizeHint().width(), 0))
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        return self._style_spacing(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)

    def _line_gap(self) -> int:
        if self._line_spacing >= 0:
            return self._line_spacing
        return self._style_spacing(QStyle.PixelMetric.PM_LayoutVerticalSpacing)

    def _style_spacing(self, metric: QStyle.PixelMetric) -> int:
        parent = self.parentWidget()
        if parent is None:
            return 6
        value = parent.style().pixelMetric(metric, None, parent)
        return value if value >= 0 else 6

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items in ``rect`` (only measure when not ``move``); returns the height."""
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        x, y, line_height = area.x(), area.y(), 0
        gap, line_gap = self._gap(), self._line_gap()
        for item in self._shown():
            hint = item.sizeHint()
            width = min(hint.width(), max(area.width(), item.minimumSize().width()))
            if x > area.x() and x + width > area.right() + 1:
                x = area.x()
                y += line_height + line_gap
                line_height = 0
            if move:
                height = hint.height()
                if item.expandingDirections() & Qt.Orientation.Vertical:
                    height = max(height, line_height)
                item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
            x += width + gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


def flow_row(*widgets: QWidget, spacing: int = -1) -> FlowLayout:
    """A flow layout holding ``widgets`` in order."""
    layout = FlowLayout(spacing=spacing)
    for widget in widgets:
        widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(widget)
    return layout
