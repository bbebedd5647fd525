"""A layout that sets two parts side by side where the width allows, and one above the other where
it does not, so a pane narrower than both never needs a horizontal scroll bar."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget, QWidgetItem


class SideBySideLayout(QLayout):
    """Two parts left to right from ``breadth`` pixels wide (sharing the width by their
    stretch), top to bottom below that.

    Its minimum width is that of its wider part, and its height follows the width (height for
    width, worked out for the arrangement that width gets), so the pane around it can shrink to
    one part's width and grows taller instead.
    """

    def __init__(self, breadth: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._breadth = breadth
        self._items: list[QLayoutItem] = []
        self._stretches: list[int] = []
        self._stacked = False
        self.setContentsMargins(0, 0, 0, 0)

    # Filling ------------------------------------------------------------------------------

    def add_part(self, part: QWidget | QLayout, stretch: int = 1) -> None:
        """Add a widget or a layout, sharing the width side by side in proportion to
        ``stretch``."""
        if isinstance(part, QLayout):
            self.addChildLayout(part)
            item: QLayoutItem = part
        else:
            self.addChildWidget(part)
            item = QWidgetItem(part)
        self._items.append(item)
        self._stretches.append(max(1, stretch))
        self.invalidate()

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._stretches.append(1)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        if 0 <= index < len(self._items):
            self._stretches.pop(index)
            item = self._items.pop(index)
            self.invalidate()
            return item
        return None

    # Measuring ----------------------------------------------------------------------------

    def is_stacked(self) -> bool:
        """Whether the parts are, as last laid out, one above the other."""
        return self._stacked

    def _shown(self) -> list[tuple[QLayoutItem, int]]:
        return [
            (item, stretch)
            for item, stretch in zip(self._items, self._stretches, strict=True)
            if not item.isEmpty()
        ]

    def _gap(self) -> int:
        spacing = self.spacing()
        return spacing if spacing >= 0 else 12

    def _inner(self, width: int) -> int:
        margins = self.contentsMargins()
        return width - margins.left() - margins.right()

    def _widths(self, width: int) -> list[int]:
        """Each part's width side by side in ``width`` (inner), by stretch, each at least its
        minimum."""
        shown = self._shown()
        room = width - self._gap() * max(0, len(shown) - 1)
        total = sum(stretch for _item, stretch in shown) or 1
        widths = [
            max(item.minimumSize().width(), room * stretch // total) for item, stretch in shown
        ]
        if widths:
            widths[-1] = max(shown[-1][0].minimumSize().width(), room - sum(widths[:-1]))
        return widths

    @staticmethod
    def _height(item: QLayoutItem, width: int) -> int:
        """The height ``item`` needs at ``width``."""
        if item.hasHeightForWidth():
            height = item.heightForWidth(width)
        else:
            height = item.sizeHint().height()
        return max(height, item.minimumSize().height())

    @staticmethod
    def _grows_down(item: QLayoutItem) -> bool:
        """Whether the part takes height it is given beyond what it needs."""
        if item.expandingDirections() & Qt.Orientation.Vertical:
            return True
        widget = item.widget()
        return widget is not None and widget.sizePolicy().verticalPolicy() in (
            QSizePolicy.Policy.Expanding,
            QSizePolicy.Policy.MinimumExpanding,
        )

    def _side_by_side(self, width: int) -> bool:
        return self._inner(width) >= self._breadth

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        inner = self._inner(width)
        shown = self._shown()
        if self._side_by_side(width):
            heights = [
                self._height(item, part)
                for (item, _s), part in zip(shown, self._widths(inner), strict=True)
            ]
            height = max(heights, default=0)
        else:
            height = sum(self._height(item, inner) for item, _s in shown)
            height += self._gap() * max(0, len(shown) - 1)
        return height + margins.top() + margins.bottom()

    def minimumSize(self) -> QSize:
        shown = self._shown()
        margins = self.contentsMargins()
        width = max((item.minimumSize().width() for item, _s in shown), default=0)
        height = max((item.minimumSize().height() for item, _s in shown), default=0)
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def sizeHint(self) -> QSize:
        shown = self._shown()
        margins = self.contentsMargins()
        width = sum(item.sizeHint().width() for item, _s in shown)
        width += self._gap() * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item, _s in shown), default=0)
        return QSize(
            max(width, self._breadth) + margins.left() + margins.right(),
            height + margins.top() + margins.bottom(),
        )

    def expandingDirections(self) -> Qt.Orientation:
        found = Qt.Orientation(0)
        for item, _s in self._shown():
            found |= item.expandingDirections()
        return found

    # Placing ------------------------------------------------------------------------------

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        area = rect.marginsRemoved(self.contentsMargins())
        shown = self._shown()
        self._stacked = not self._side_by_side(rect.width())
        if not self._stacked:
            # Side by side: a part that grows takes the whole height, another sits at the top
            # as tall as it needs at its width.
            x = area.x()
            for (item, _s), width in zip(shown, self._widths(area.width()), strict=True):
                height = area.height()
                if not self._grows_down(item):
                    height = min(height, self._height(item, width))
                item.setGeometry(QRect(x, area.y(), width, height))
                x += width + self._gap()
            return
        # One above the other: each as tall as it needs at this width; what height is left
        # goes to the parts that grow, and a short pane takes it from them first.
        heights = [self._height(item, area.width()) for item, _s in shown]
        growing = [i for i, (item, _s) in enumerate(shown) if self._grows_down(item)]
        spare = area.height() - sum(heights) - self._gap() * max(0, len(shown) - 1)
        if growing:
            share = spare // len(growing)
            for i in growing:
                heights[i] = max(
                    shown[i][0].minimumSize().height() if spare < 0 else 0, heights[i] + share
                )
        y = area.y()
        for (item, _s), height in zip(shown, heights, strict=True):
            item.setGeometry(QRect(area.x(), y, area.width(), height))
            y += height + self._gap()
