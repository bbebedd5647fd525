"""The camera's picture, as in a mirror, with a guide to where the body should be."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

GUIDE_HEIGHT = 0.8
"""The share of the picture's height the guide's box takes: the whole body, head to feet."""


class FrameView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraView")
        self.setAccessibleName(QCoreApplication.translate("Camera", "Camera picture"))
        # The picture gives way to the words under it when the player is short: it keeps its
        # shape at any size, and the words would otherwise be painted over.
        self.setMinimumSize(120, 32)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self._image: QImage | None = None
        self.mirrored = True
        self.guide = True

    def show_frame(self, image: QImage | None) -> None:
        self._image = image
        self.update()

    def picture_rect(self) -> QRectF:
        """Where the picture is drawn: as large as fits, its shape kept, centred."""
        if self._image is None or self._image.isNull():
            return QRectF()
        scale = min(self.width() / self._image.width(), self.height() / self._image.height())
        width, height = self._image.width() * scale, self._image.height() * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.fillRect(self.rect(), self.palette().color(self.backgroundRole()).darker(115))
        target = self.picture_rect()
        if self._image is None or target.isEmpty():
            return
        image = self._image.flipped(Qt.Orientation.Horizontal) if self.mirrored else self._image
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, image)
        if self.guide:
            height = target.height() * GUIDE_HEIGHT
            width = height * 0.45
            box = QRectF(
                target.center().x() - width / 2,
                target.top() + target.height() * 0.08,
                width,
                height,
            )
            pen = QPen(QColor(255, 255, 255, 170), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRoundedRect(box, 8, 8)
