"""The progress charts' date axis, for x values that are seconds since 1970 in UTC.

pyqtgraph's ``DateAxisItem(utcOffset=0)`` places its ticks in UTC, as the charts need, but on
the way asks Qt for the local time zone of every tick, only to add an offset of zero: about
0.3 ms a tick, so 4 ms each time a date axis's ticks are worked out (on every range change,
and for History's first paint). This one leaves the ticks where they are, which is what adding
zero does.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import HOUR_SPACING, ZoomLevel


class _InUtc(ZoomLevel):
    """A zoom level whose ticks stay in UTC without asking for the time zone."""

    def __init__(self, level: ZoomLevel) -> None:
        super().__init__(level.tickSpecs, level.exampleText)

    def moveTicksToLocalTimeCoords(
        self, ticks: np.ndarray, spacing: int, skip_factor: int
    ) -> np.ndarray:
        if self.utcOffset == 0 and (spacing > HOUR_SPACING or skip_factor > 1):
            return ticks  # moved by the offset from UTC: zero
        return super().moveTicksToLocalTimeCoords(ticks, spacing, skip_factor)


class UtcDateAxis(pg.DateAxisItem):
    """A bottom date axis in UTC (``DateAxisItem(utcOffset=0)``), its ticks worked out without
    looking up the time zone."""

    def __init__(self) -> None:
        super().__init__("bottom", utcOffset=0)
        self.zoomLevels = OrderedDict(
            (spacing, _InUtc(level)) for spacing, level in self.zoomLevels.items()
        )
