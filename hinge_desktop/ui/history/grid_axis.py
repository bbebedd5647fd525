"""The value axis of the progress charts, whose grid lines are drawn opaque."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen

from hinge_desktop.ui.widgets.colours import mix


class GridAxis(pg.AxisItem):
    """A value axis whose grid lines are opaque, in the colour the faint translucent lines
    would have on the chart's background, and drawn behind the data.

    Qt's raster engine draws a translucent line about ten times slower than an opaque one, and
    the grid crosses the whole plot on every paint: translucent, it took most of the time of a
    range change.
    """

    def __init__(self) -> None:
        super().__init__("left")
        self._background = QColor(Qt.GlobalColor.white)

    def set_background(self, colour: QColor) -> None:
        self._background = QColor(colour)
        self.picture = None
        self.update()

    def generateDrawSpecs(self, p: QPainter) -> tuple[object, list[object], list[object]] | None:
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return None
        axis, ticks, texts = specs
        return axis, [(self._opaque(pen), start, end) for pen, start, end in ticks], texts

    def _opaque(self, pen: QPen) -> QPen:
        colour, back = pen.color(), self._background
        alpha = colour.alphaF()
        if alpha >= 1.0:
            return pen
        opaque = QPen(pen)
        opaque.setColor(mix(back, colour, alpha))
        return opaque
