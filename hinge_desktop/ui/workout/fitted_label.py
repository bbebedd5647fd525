"""A label whose text is as large as its place allows: the rep counter and the coach's cue.

The layout gives the label its place; the label picks the font size that fills it. Its size
hints never follow the font, so a bigger font can never ask for a bigger window.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

LINE = 1.17
"""A line's height for a font of one pixel (the default sans serif's, with its leading)."""


class FittedLabel(QLabel):
    """Text in up to ``lines`` lines at the largest size that fits, never smaller than
    ``floor`` pixels (a text too long for its place at that size is cut, not shrunk further).

    Every text shown gets the size its place gives ``lines`` lines, so the size stays put from
    one text to the next; a text that needs more lines than that is made smaller to fit.
    """

    def __init__(
        self,
        name: str,
        *,
        lines: int,
        floor: int,
        bold: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._lines = lines
        self._floor = floor
        self._ceiling = 400
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(lines > 1)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        font = QFont(self.font())
        font.setBold(bold)
        font.setPixelSize(floor)
        self.setFont(font)

    def set_ceiling(self, pixels: int) -> None:
        """The largest size the text may take, however much room there is."""
        self._ceiling = max(pixels, self._floor)
        self._fit()

    def pixel_size(self) -> int:
        return self.font().pixelSize()

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    def minimumSizeHint(self) -> QSize:
        return QSize(self._floor * 2, round(self._floor * LINE * self._lines))

    def hasHeightForWidth(self) -> bool:
        return False

    def setText(self, text: str) -> None:
        if text != self.text():
            super().setText(text)
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = self.contentsRect()
        if room.width() <= 0 or room.height() <= 0:
            return
        pixels = min(self._ceiling, int(room.height() / (LINE * self._lines)))
        pixels = max(self._floor, pixels)
        while pixels > self._floor and not self._fits(pixels, room):
            pixels = max(self._floor, int(pixels * 0.92))
        if self.font().pixelSize() != pixels:
            font = QFont(self.font())
            font.setPixelSize(pixels)
            self.setFont(font)

    def _fits(self, pixels: int, room: QRect) -> bool:
        font = QFont(self.font())
        font.setPixelSize(pixels)
        metrics = QFontMetrics(font)
        if not self.wordWrap():
            return metrics.horizontalAdvance(self.text()) <= room.width()
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignCenter
        bounds = metrics.boundingRect(QRect(0, 0, room.width(), 100_000), flags, self.text())
        return bounds.width() <= room.width() and bounds.height() <= room.height()
