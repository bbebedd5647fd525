"""A list row drawn as a card: the selection or hover behind it, a bold title, lines of text
under it. The drill, routine and workout lists each say only what their cards hold (a heading
above, a mark beside the title, the lines) and keep the same look."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMargins, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

ModelIndex = QModelIndex | QPersistentModelIndex

LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
"""Where a card's text sits in its line."""


@dataclass(frozen=True)
class Card:
    """Where one card is painted and in which colours, for what a list adds to it."""

    inner: QRect
    """The card inside its padding."""
    line: int
    """The height of one line of text."""
    selected: bool
    text: QColor
    muted: QColor
    """Secondary text: the placeholder colour, or the text colour when selected."""


class CardDelegate(QStyledItemDelegate):
    """A bold title (the display role) over the lines of :meth:`lines`; subclasses may add a
    heading above the card (:meth:`paint_heading`) and a mark right of the title
    (:meth:`paint_mark`)."""

    PADDING = 8
    WIDTH = 200
    SEPARATOR = False
    """Draw a line under each card."""

    def margins(self) -> QMargins:
        """The padding between the card's edge and its text."""
        return QMargins(self.PADDING, self.PADDING // 2, self.PADDING, self.PADDING // 2)

    def card_height(self, metrics: QFontMetrics) -> int:
        """The height of a card of a title and one line."""
        return metrics.height() * 2 + 3 * self.PADDING // 2 + 4

    def lines(self, index: ModelIndex) -> list[tuple[str, bool]]:
        """The lines under the title, each with whether it is secondary (muted)."""
        return []

    def paint_heading(
        self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QRect | None:
        """Paint what stands above the card and return the card's rectangle; None when the
        row is a heading and no card."""
        return QRect(option.rect)

    def paint_mark(
        self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex, card: Card
    ) -> int:
        """Paint a mark at the right of the title (a star, a badge); returns the width kept
        free for it."""
        return 0

    @staticmethod
    def title_font(option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setBold(True)
        return font

    @staticmethod
    def heading_font(option: QStyleOptionViewItem) -> QFont:
        """The small bold font of headings between cards."""
        font = QFont(option.font)
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.9)
        return font

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return QSize(self.WIDTH, self.card_height(option.fontMetrics))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        painter.save()
        try:
            rect = self.paint_heading(painter, opt, index)
            if rect is not None:
                self._paint_card(painter, opt, index, rect)
        finally:
            painter.restore()

    def _paint_card(
        self, painter: QPainter, opt: QStyleOptionViewItem, index: ModelIndex, rect: QRect
    ) -> None:
        palette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, palette.highlight())
        elif opt.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, palette.alternateBase())
        if self.SEPARATOR:
            painter.setPen(palette.color(palette.ColorRole.Mid))
            painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        text = palette.highlightedText().color() if selected else palette.text().color()
        metrics = opt.fontMetrics
        card = Card(
            inner=rect.marginsRemoved(self.margins()),
            line=metrics.height() + 2,
            selected=selected,
            text=text,
            muted=text if selected else palette.color(palette.ColorRole.PlaceholderText),
        )
        inner = card.inner
        mark_width = self.paint_mark(painter, opt, index, card)
        title_font = self.title_font(opt)
        painter.setFont(title_font)
        painter.setPen(text)
        title = QRect(inner.left(), inner.top(), inner.width() - mark_width, card.line)
        painter.drawText(
            title,
            LEFT,
            QFontMetrics(title_font).elidedText(
                str(index.data()), Qt.TextElideMode.ElideRight, title.width()
            ),
        )
        painter.setFont(opt.font)
        for number, (words, muted) in enumerate(self.lines(index), start=1):
            painter.setPen(card.muted if muted else text)
            top = inner.top() + number * (card.line + 1)
            row = QRect(inner.left(), top, inner.width(), card.line)
            painter.drawText(
                row, LEFT, metrics.elidedText(words, Qt.TextElideMode.ElideRight, row.width())
            )
