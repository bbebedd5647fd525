"""The progress chart's axes: shown with their ticks, values and names while a drill is charted,
bare while nothing is; and named for the metric shown.

pyqtgraph works out an axis's ticks again whenever it is named, styled or given ticks, even the
same ones: about 2 ms an axis, four times over when History shows a log read again. So each
change is made only when it changes something.
"""

from __future__ import annotations

import pyqtgraph as pg


class ChartAxes:
    """The axes of ``plot`` (named by the metric) and ``weekly`` (named, and titled, by its
    totals)."""

    def __init__(self, plot: pg.PlotWidget, weekly: pg.PlotWidget) -> None:
        self._plots = (plot, weekly)
        self._shown: bool | None = None
        self._names: tuple[str, str, str] | None = None

    def name(self, value: str, weekly_value: str, weekly_title: str) -> None:
        """Name the value axes and the weekly plot."""
        names = (value, weekly_value, weekly_title)
        if names == self._names:
            return
        self._names = names
        plot, weekly = (widget.getPlotItem() for widget in self._plots)
        plot.setLabel("left", value)
        weekly.setLabel("left", weekly_value)
        weekly.setTitle(weekly_title, size="9pt")

    def show(self, *, shown: bool) -> bool:
        """The axes' ticks, values and names while a drill is charted; none while empty
        (pyqtgraph would number an empty date axis in fractions of a second). Returns whether
        that changed anything."""
        if shown == self._shown:
            return False
        self._shown = shown
        if not shown:
            self._names = None
        for widget in self._plots:
            item = widget.getPlotItem()
            for name in ("left", "bottom"):
                axis = item.getAxis(name)
                axis.setTicks(None if shown else [[], []])
                axis.setStyle(showValues=shown)
                item.showAxis(name, shown)
            item.getAxis("left").showLabel(shown)
            if not shown:
                item.setTitle(None)
        return True
