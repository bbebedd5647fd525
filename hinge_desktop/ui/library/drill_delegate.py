"""How a drill reads in the list: name, phase and kit, a star, and headings: the phases, and
while searching the best matches (the name typed, or names starting with it) above the rest."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from hinge_desktop.domain.drills import Phase
from hinge_desktop.ui.drill_text import phase_name
from hinge_desktop.ui.library.drill_model import DrillFilterProxy, DrillRole, Match
from hinge_desktop.ui.widgets.card_delegate import Card, CardDelegate, ModelIndex

STAR = "★"


class DrillDelegate(CardDelegate):
    """Two lines per drill (name, then phase and kit), a star for favourites, and a heading
    above the first drill of each group: each phase when the list is in phase order, and while
    searching the best matches first."""

    BEST = "best"
    OTHERS = "others"

    def __init__(self, proxy: DrillFilterProxy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy

    def _group(self, index: ModelIndex) -> str | int | None:
        searching = self._proxy.searching()
        if searching and index.data(DrillRole.MATCH) != Match.OTHER:
            return self.BEST
        if self._proxy.sortRole() == DrillRole.PHASE_ORDER:
            return int(index.data(DrillRole.PHASE))
        return self.OTHERS if searching else None

    def _starts_group(self, index: ModelIndex) -> bool:
        """Whether a heading goes above this row (the rest of the matches in A to Z order get
        one only below the best matches)."""
        group = self._group(index)
        if group is None:
            return False
        if index.row() == 0:
            return group != self.OTHERS
        return group != self._group(index.siblingAtRow(index.row() - 1))

    def heading(self, index: ModelIndex) -> str | None:
        """The heading drawn above the row at ``index``, or None where no group starts."""
        return self._heading_text(index) if self._starts_group(index) else None

    def _heading_text(self, index: ModelIndex) -> str:
        group = self._group(index)
        if group == self.BEST:
            return self.tr("Best matches")
        if group == self.OTHERS:
            return self.tr("Other matches")
        phase = Phase(index.data(DrillRole.PHASE))
        return self.tr("Phase {number} · {name}").format(number=int(phase), name=phase_name(phase))

    def _header_height(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.height() + 14

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        if self._starts_group(index):
            hint.setHeight(hint.height() + self._header_height(option))
        return hint

    def lines(self, index: ModelIndex) -> list[tuple[str, bool]]:
        return [(str(index.data(DrillRole.SUMMARY)), True)]

    def paint_heading(
        self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QRect | None:
        rect = QRect(option.rect)
        if not self._starts_group(index):
            return rect
        header = QRect(rect.left(), rect.top(), rect.width(), self._header_height(option))
        painter.setFont(self.heading_font(option))
        palette = option.palette
        painter.setPen(palette.color(palette.ColorRole.PlaceholderText))
        text = self._heading_text(index).upper()
        painter.drawText(
            header.adjusted(self.PADDING, 0, 0, -2),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
            text,
        )
        rect.setTop(header.bottom() + 1)
        return rect

    def paint_mark(
        self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex, card: Card
    ) -> int:
        """The star of a favourite; its room is kept on every card, so names line up."""
        width = option.fontMetrics.horizontalAdvance(STAR) + 6
        if index.data(DrillRole.FAVOURITE):
            painter.setFont(self.title_font(option))
            painter.setPen(card.text)
            inner = card.inner
            painter.drawText(
                QRect(inner.right() - width, inner.top(), width, card.line),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                STAR,
            )
        return width
