"""A number as large as its space allows: the countdown, read from across the room."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MIN_PIXELS = 48
MAX_PIXELS = 320


class BigNumber(QLabel):
    """A one-line label whose font grows to fill the label, up to ``MAX_PIXELS`` high.

    The size is chosen for ``sample`` (the widest text it will show, such as "0:00"), so the
    digits keep one size as they change instead of jumping at every tick.
    """

    def __init__(self, sample: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sample = sample
        self._pixels = MIN_PIXELS
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        font = self.font()
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.SansSerif)
        self.setFont(font)
        self._fit()

    def pixel_size(self) -> int:
        return self._pixels

    def sizeHint(self) -> QSize:
        return QSize(self._width_for(MIN_PIXELS * 2), int(MIN_PIXELS * 2 * 1.2))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._width_for(MIN_PIXELS), int(MIN_PIXELS * 1.2))

    def setText(self, text: str) -> None:
        if text == self.text():
            return
        wider = len(text) > len(self._sample)
        super().setText(text)
        if wider:
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _width_for(self, pixels: int) -> int:
        font = QFont(self.font())
        font.setPixelSize(pixels)
        text = max((self._sample, self.text()), key=len)
        return int(QFontMetricsF(font).horizontalAdvance(text)) + 8

    def _fit(self) -> None:
        """The largest pixel size at which the sample fits the label's width and height."""
        room = self.contentsRect()
        if room.width() <= 0 or room.height() <= 0:
            return
        probe = 100
        width_at_probe = max(self._width_for(probe), 1)
        by_width = probe * (room.width() - 8) / width_at_probe
        by_height = room.height() / 1.2
        pixels = int(max(MIN_PIXELS, min(MAX_PIXELS, by_width, by_height)))
        if pixels != self._pixels or self.font().pixelSize() != pixels:
            self._pixels = pixels
            font = self.font()
            font.setPixelSize(pixels)
            self.setFont(font)
