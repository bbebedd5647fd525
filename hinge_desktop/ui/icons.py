"""Icons drawn from the SVG files in ``assets/icons``: sharp at any scale, in the palette's colour.

Line icons use ``currentColor``; they are painted in the palette's text colour when drawn, so
they follow a change between light and dark without being reloaded.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer


@cache
def _svg_source(name: str) -> str:
    return files("hinge_desktop.assets").joinpath("icons", f"{name}.svg").read_text("utf-8")


class SvgIconEngine(QIconEngine):
    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._name)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        pal = QGuiApplication.palette()
        if mode == QIcon.Mode.Disabled:
            colour = pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        elif mode == QIcon.Mode.Selected:
            colour = pal.color(QPalette.ColorRole.HighlightedText)
        else:
            colour = pal.color(QPalette.ColorRole.WindowText)
        svg = _svg_source(self._name).replace("currentColor", colour.name())
        QSvgRenderer(QByteArray(svg.encode("utf-8"))).render(painter, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pixmap = QPixmap(size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap


def icon(name: str) -> QIcon:
    """The icon ``assets/icons/<name>.svg``."""
    return QIcon(SvgIconEngine(name))
