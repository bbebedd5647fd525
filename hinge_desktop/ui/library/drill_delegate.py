"""How a drill reads in the list: name, phase and kit, a star, and phase headings."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from hinge_desktop.domain.drills import Phase
from hinge_desktop.ui.drill_text import phase_name
from hinge_desktop.ui.library.drill_model import DrillFilterProxy, DrillRole

ModelIndex = QModelIndex | QPersistentModelIndex


class DrillDelegate(QStyledItemDelegate):
    """Two lines per drill (name, then phase and kit), a star for favourites, and a phase
    heading above the first drill of each phase when the list is in phase order."""

    PADDING = 8

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
        metrics = option.fontMetrics
        height = metrics.height() * 2 + 3 * self.PADDING // 2 + 4
        if self._starts_phase(index):
            height += self._header_height(option)
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect = QRect(opt.rect)
        painter.save()
        palette = opt.palette
        if self._starts_phase(index):
            header = QRect(rect.left(), rect.top(), rect.width(), self._header_height(opt))
            font = QFont(opt.font)
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 0.9)
            painter.setFont(font)
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
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, palette.highlight())
        elif opt.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, palette.alternateBase())
        text_colour = palette.highlightedText() if selected else palette.text()
        inner = rect.adjusted(self.PADDING, self.PADDING // 2, -self.PADDING, -self.PADDING // 2)
        metrics = opt.fontMetrics
        star_width = metrics.horizontalAdvance("★") + 6
        name_font = QFont(opt.font)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(text_colour.color())
        name_rect = QRect(
            inner.left(), inner.top(), inner.width() - star_width, metrics.height() + 2
        )
        painter.drawText(
            name_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(name_font).elidedText(
                str(index.data()), Qt.TextElideMode.ElideRight, name_rect.width()
            ),
        )
        if index.data(DrillRole.FAVOURITE):
            painter.drawText(
                QRect(inner.right() - star_width, inner.top(), star_width, metrics.height() + 2),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                "★",
            )
        painter.setFont(opt.font)
        secondary = (
            text_colour.color() if selected else palette.color(palette.ColorRole.PlaceholderText)
        )
        painter.setPen(secondary)
        line = QRect(inner.left(), name_rect.bottom() + 2, inner.width(), metrics.height() + 2)
        painter.drawText(
            line,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(
                str(index.data(DrillRole.SUMMARY)), Qt.TextElideMode.ElideRight, line.width()
            ),
        )
        painter.restore()
