"""The progress chart's axes and data drawn from pictures of themselves between changes.

Showing History paints the whole page, and the charts took half of it: every paint replayed
the axes' texts (shaped again each time) and stroked the curve and its symbols anew. Kept as
pictures in the window's pixels (``DeviceCoordinateCache``), a paint that changes nothing in
the charts (History shown again, a read-out under the mouse) copies them instead; a change of
data, range, size or colours draws them again, as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGraphicsItem

if TYPE_CHECKING:
    from hinge_desktop.ui.history.progress_chart import ProgressChart


def keep_pictures(chart: ProgressChart) -> list[QGraphicsItem]:
    """Keep pictures of ``chart``'s axes, curve, symbols and weekly bars; returns the items."""
    items: list[QGraphicsItem] = [
        widget.getPlotItem().getAxis(name)
        for widget in (chart.plot, chart.weekly)
        for name in ("left", "bottom")
    ]
    items += [chart.curve.curve, chart.curve.scatter, chart.bars]
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    return items
