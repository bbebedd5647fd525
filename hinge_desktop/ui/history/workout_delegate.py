"""How a workout reads in History's list: what was trained, when and for how long, what was
done, and a badge while it is in progress."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from hinge_desktop.ui.history.workout_list_model import LogRole
from hinge_desktop.ui.widgets.card_delegate import Card, CardDelegate

ModelIndex = QModelIndex | QPersistentModelIndex


class WorkoutDelegate(CardDelegate):
    """Three lines per workout: what was trained (and a marker while in progress), when and
    how long, then drills, sets, reps and load."""

    PADDING = 10
    WIDTH = 240
    SEPARATOR = True

    def margins(self) -> QMargins:
        return QMargins(self.PADDING + 2, self.PADDING, self.PADDING, self.PADDING)

    def card_height(self, metrics: QFontMetrics) -> int:
        return metrics.height() * 3 + 6 + 2 * self.PADDING

    def lines(self, index: ModelIndex) -> list[tuple[str, bool]]:
        return [(str(index.data(LogRole.WHEN)), False), (str(index.data(LogRole.SUMMARY)), True)]

    def paint_mark(
        self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex, card: Card
    ) -> int:
        """The "in progress" badge of the workout being trained."""
        if not index.data(LogRole.IN_PROGRESS):
            return 6
        palette = option.palette
        badge = self.tr("in progress")
        badge_font = QFont(option.font)
        badge_font.setPointSizeF(badge_font.pointSizeF() * 0.85)
        badge_font.setBold(True)
        badge_width = QFontMetrics(badge_font).horizontalAdvance(badge) + 14
        inner = card.inner
        badge_rect = QRect(inner.right() - badge_width, inner.top() + 1, badge_width, card.line - 2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(card.text if card.selected else palette.color(palette.ColorRole.Link))
        painter.drawRoundedRect(badge_rect, badge_rect.height() / 2, badge_rect.height() / 2)
        painter.setFont(badge_font)
        painter.setPen(palette.highlight().color() if card.selected else palette.base().color())
        painter.drawText(badge_rect, int(Qt.AlignmentFlag.AlignCenter), badge)
        return badge_width + 6
