"""How a drill reads in the list: name, phase and kit, a star, and phase headings."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from hinge_desktop.domain.drills import Phase
from hinge_desktop.ui.drill_text import phase_name
from hinge_desktop.ui.library.drill_model import DrillFilterProxy, DrillRole
from hinge_desktop.ui.widgets.card_delegate import Card, CardDelegate, ModelIndex

STAR = "★"


class DrillDelegate(CardDelegate):
    """Two lines per drill (name, then phase and kit), a star for favourites, and a phase
    heading above the first drill of each phase when the list is in phase order."""

    def __init__(self, proxy: DrillFilterProxy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy

    def _starts_phase(self, index: ModelIndex) -> bool:
        if self._proxy.sortRole() != DrillRole.PHASE_ORDER:
            return False
        if index.row() == 0:
            return True
        previous = index.siblingAtRow(index.row() - 1)
        return bool(previous.data(DrillRole.PHASE) != index.data(DrillRole.PHASE))

    def _header_height(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.height() + 14

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        if self._starts_phase(index):
            hint.setHeight(hint.height() + self._header_height(option))
        return hint

    def lines(self, index: ModelIndex) -> list[tuple[str, bool]]:
        return [(str(index.data(DrillRole.SUMMARY)), True)]

    def paint_heading(
        self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QRect | None:
        rect = QRect(option.rect)
        if not self._starts_phase(index):
            return rect
        header = QRect(rect.left(), rect.top(), rect.width(), self._header_height(option))
        painter.setFont(self.heading_font(option))
        palette = option.palette
        painter.setPen(palette.color(palette.ColorRole.PlaceholderText))
        phase = Phase(index.data(DrillRole.PHASE))
        text = (
            self.tr("Phase {number} · {name}")
            .format(number=int(phase), name=phase_name(phase))
            .upper()
        )
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
