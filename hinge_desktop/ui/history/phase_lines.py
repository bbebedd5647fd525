"""The ladder's phases on the progress chart: a dashed line on the day each was reached, with
its name in one of two rows at the top."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

LABEL_ROWS = (0.97, 0.89)
"""Heights, as fractions of the chart, of the rows the phase names sit in."""


@dataclass(frozen=True)
class PhaseMark:
    """A phase of the ladder reached on a day, to mark on the chart."""

    x: float
    label: str


class PhaseLines:
    """The lines of the phases shown on ``plot``; :meth:`layout` places their names again
    when the plot's range or size changes."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        self._plot = plot
        self.lines: list[pg.InfiniteLine] = []
        self._shown: tuple[PhaseMark, ...] = ()

    def show(self, phases: Sequence[PhaseMark], colour: QColor) -> None:
        """Mark ``phases`` (lines and names in ``colour``) in place of those shown."""
        if tuple(phases) == self._shown:
            self.layout()
            return
        self._shown = tuple(phases)
        for line in self.lines:
            self._plot.removeItem(line)
        self.lines = []
        for mark in phases:
            line = pg.InfiniteLine(
                pos=mark.x,
                angle=90,
                movable=False,
                pen=pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine),
                label=mark.label,
                labelOpts={
                    "position": LABEL_ROWS[0],
                    "color": colour,
                    "anchors": [(0, 0.5), (0, 0.5)],
                },
            )
            line.setZValue(-10)
            self._plot.addItem(line, ignoreBounds=True)
            self.lines.append(line)
        self.layout()

    def layout(self) -> None:
        """Give each phase's name a row at the top where it does not cover another; a name
        with no room left is hidden (the timeline beside the chart lists every phase), and so
        is the name of a line left of the range shown, whose end would show cut off."""
        box = self._plot.getPlotItem().getViewBox()
        shown_from = box.viewRange()[0][0]
        free_from = [-np.inf] * len(LABEL_ROWS)
        for line in self.lines:
            label = line.label
            if line.value() < shown_from:
                label.setVisible(False)
                continue
            left = box.mapViewToScene(QPointF(line.value(), 0)).x()
            width = label.textItem.boundingRect().width()
            for row, height in enumerate(LABEL_ROWS):
                if left >= free_from[row]:
                    label.setPosition(height)
                    label.setVisible(True)
                    free_from[row] = left + width + 4
                    break
            else:
                label.setVisible(False)

    def labels_shown(self) -> list[str]:
        return [line.label.toPlainText() for line in self.lines if line.label.isVisible()]

    def positions(self) -> list[float]:
        return [float(line.value()) for line in self.lines]
