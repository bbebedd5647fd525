"""Icons drawn from SVG: sharp at any scale, line icons in the palette's colour.

Line icons use ``currentColor`` and are painted in the palette's text colour when drawn, so they
follow a change between light and dark without being reloaded.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from hinge_desktop.ui.widgets import line_icons

TRANSPARENT = QColor(0, 0, 0, 0)
"""Spelled as a colour: the navigation's icons are drawn before the first paint, and reaching
for ``Qt.GlobalColor`` there would build every enum of the ``Qt`` namespace first (40 ms)."""

APP_ICON = "hinge.svg"
"""The app's own icon in ``assets/icons`` (also used by the desktop file and the metainfo)."""


class SvgIconEngine(QIconEngine):
    def __init__(self, svg: str) -> None:
        super().__init__()
        self._svg = svg
        self._pixmaps: dict[tuple[int, int, float, str], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._svg)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        # Drawn from the picture kept for the size and colour: the navigation's icons are
        # painted at every switch of view, and rendering the SVG costs about 1 ms each time.
        device = painter.device()
        scale = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        key = (size.width(), size.height(), scale, _colour_for(mode))
        if key not in self._pixmaps:
            pixmap = QPixmap(size * scale)
            pixmap.setDevicePixelRatio(scale)
            pixmap.fill(TRANSPARENT)
            painter = QPainter(pixmap)
            svg = self._svg.replace("currentColor", _colour_for(mode))
            renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
            renderer.render(painter, QRect(0, 0, size.width(), size.height()))
            painter.end()
            self._pixmaps[key] = pixmap
        return self._pixmaps[key]


def _colour_for(mode: QIcon.Mode) -> str:
    """The palette colour a line icon is drawn in, for the icon's mode."""
    pal = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    if mode == QIcon.Mode.Selected:
        return pal.color(QPalette.ColorRole.HighlightedText).name()
    return pal.color(QPalette.ColorRole.WindowText).name()


def icon(name: str) -> QIcon:
    """The line icon ``name`` (one of ``line_icons.SHAPES``)."""
    return QIcon(SvgIconEngine(line_icons.svg(name)))


def app_icon() -> QIcon:
    """Hinge's own icon, read from the package's assets."""
    from importlib.resources import files

    source = files("hinge_desktop.assets").joinpath("icons", APP_ICON).read_text("utf-8")
    return QIcon(SvgIconEngine(source))
