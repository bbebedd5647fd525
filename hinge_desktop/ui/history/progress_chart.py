"""The progress chart: a drill's metric over time (``historyPlot``) above its weekly totals as
bars (``weeklyPlot``), sharing one date axis, with the ladder's phases marked and a read-out of
the point under the mouse.

Both plots draw from numpy arrays with downsampling and clip-to-view, so ten years of sets pan
and zoom as smoothly as four weeks.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from hinge_desktop.domain.training import LB_PER_KG, Unit
from hinge_desktop.ui.history.chart_axes import ChartAxes
from hinge_desktop.ui.history.date_axis import UtcDateAxis
from hinge_desktop.ui.history.grid_axis import GridAxis
from hinge_desktop.ui.history.phase_lines import PhaseLines, PhaseMark
from hinge_desktop.ui.history.progress_data import (
    DAY,
    PER_SET_METRICS,
    WEIGHT_METRICS,
    DrillProgress,
    Metric,
)
from hinge_desktop.ui.history.progress_text import (
    axis_label,
    day_text,
    value_text,
    weekly_axis_label,
    weekly_name,
    weekly_value_text,
)

EPOCH = date(1970, 1, 1)
EDGE = 2 * DAY
"""Room left beside the first and last points."""
PHASE_LEAD = 14 * DAY
"""How long before a drill's first set a phase reached is still marked on its chart."""
HOVER_REACH_PX = 24
"""How far, in pixels either side of the mouse, points are looked at for the read-out."""


def x_to_day(x: float) -> date:
    return EPOCH + timedelta(days=int(x // DAY))


class ProgressChart(QWidget):
    """Two linked plots; :meth:`show_drill` fills them, :meth:`set_range` moves them."""

    hovered = Signal(str)
    """The read-out for the point under the mouse; empty when the mouse leaves the data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(axisItems={"bottom": UtcDateAxis(), "left": GridAxis()})
        self.plot.setObjectName("historyPlot")
        self.plot.setAccessibleName(self.tr("Progress chart"))
        self.weekly = pg.PlotWidget(axisItems={"bottom": UtcDateAxis(), "left": GridAxis()})
        self.weekly.setObjectName("weeklyPlot")
        self.weekly.setAccessibleName(self.tr("Weekly totals"))
        self.weekly.setXLink(self.plot)
        for widget in (self.plot, self.weekly):
            item = widget.getPlotItem()
            item.setDownsampling(auto=True, mode="peak")
            item.setClipToView(True)
            item.hideButtons()
            item.setMenuEnabled(False)
            item.showGrid(x=False, y=True, alpha=0.15)
            # One width for both value axes keeps the two plots' dates in line, with room for
            # five-digit weekly volumes beside the axis name.
            item.getAxis("left").setWidth(72)
            box = item.getViewBox()
            box.setMouseEnabled(x=True, y=False)
            box.disableAutoRange()
            item.getAxis("left").setZValue(box.zValue() - 1)  # the grid behind the data
        self.curve = self.plot.plot([], [], connect="finite", symbol="o", symbolSize=6)
        self.bars = pg.BarGraphItem(x=[0.0], height=[0.0], width=DAY * 5.6, pen=None)
        self.weekly.addItem(self.bars)
        self.axes = ChartAxes(self.plot, self.weekly)
        self.marker = pg.ScatterPlotItem(size=12, pen=None)
        self.plot.addItem(self.marker)
        self.phase_lines = PhaseLines(self.plot)
        self._marks: tuple[PhaseMark, ...] = ()
        self._fitting = False
        self._data: DrillProgress | None = None
        self._metric = Metric.SESSION_REPS
        self._unit = Unit.KG
        self._x = np.empty(0)
        self._y = np.empty(0)
        self._week_y = np.empty(0)
        self.plot.scene().sigMouseMoved.connect(self._moved)
        view_box = self.plot.getPlotItem().getViewBox()
        view_box.sigXRangeChanged.connect(self.phase_lines.layout)
        view_box.sigXRangeChanged.connect(self._fit_y)
        view_box.sigResized.connect(self.phase_lines.layout)
        self.weekly.scene().sigMouseMoved.connect(self._moved_weekly)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.plot, 3)
        layout.addWidget(self.weekly, 1)
        self.empty_note = QLabel(self.tr("Nothing to chart yet"), self)
        self.empty_note.setObjectName("historyChartEmpty")
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.setWordWrap(True)
        self.empty_note.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.empty_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._apply_palette()
        self._show_axes(shown=False)

    # Filling

    def range_for(self, data: DrillProgress, days: int | None) -> tuple[float, float]:
        """The x range that shows the last ``days`` days up to the drill's latest set (all of
        it for None), with a little room on each side."""
        right = (data.last_x // DAY + 1) * DAY + EDGE
        left = data.first_x - EDGE if days is None else right - EDGE - days * DAY
        return left, right

    def show_drill(
        self,
        data: DrillProgress,
        metric: Metric,
        unit: Unit,
        x_range: tuple[float, float],
        *,
        weekly_later: bool = False,
    ) -> None:
        """Plot ``metric`` of ``data`` in ``unit`` with its weekly totals, over ``x_range``;
        with ``weekly_later``, the weekly totals are painted only after
        :meth:`release_weekly`, so the two plots paint in different turns of the event loop."""
        if weekly_later:
            self.weekly.setUpdatesEnabled(False)
        self._data, self._metric, self._unit = data, metric, unit
        factor = LB_PER_KG if unit is Unit.LB else 1.0
        if metric in PER_SET_METRICS:
            x, y = data.set_x, data.set_values[metric]
        else:
            x, y = data.session_x, data.session_values[metric]
            if metric in WEIGHT_METRICS:
                y = y * factor
        keep = np.isfinite(y)
        self._x, self._y = x[keep], y[keep]
        if metric in WEIGHT_METRICS:
            weeks = data.week_volume_kg * factor
        elif metric is Metric.HOLD:
            weeks = data.week_hold_seconds / 60.0
        else:
            weeks = data.week_reps
        self._week_y = weeks
        # The range first, so the data below is clipped and downsampled once, for it.
        left, right = x_range
        first, last = data.first_x, data.last_x
        self._fitting = True
        try:
            for widget in (self.plot, self.weekly):
                box = widget.getPlotItem().getViewBox()
                box.setLimits(
                    xMin=min(first - 60 * DAY, left),
                    xMax=max(last + 60 * DAY, right),
                    minXRange=7 * DAY,
                )
            self.plot.getPlotItem().getViewBox().setXRange(left, right, padding=0)
        finally:
            self._fitting = False
        per_set = metric in PER_SET_METRICS
        self.curve.setData(
            self._x,
            self._y,
            pen=None if per_set else self._line_pen(),
            symbolSize=5 if per_set else 6,
        )
        self.bars.setOpts(x=data.week_x, height=weeks, width=DAY * 5.6)
        self.axes.name(
            axis_label(metric, unit), weekly_axis_label(metric, unit), weekly_name(metric, unit)
        )
        self._show_phases(self._visible_marks())
        self.marker.setData([], [])
        self._show_axes(shown=True)
        self._fit_y()

    def release_weekly(self) -> None:
        """Paint the weekly totals held back by ``show_drill(weekly_later=True)``."""
        if not self.weekly.updatesEnabled():
            self.weekly.setUpdatesEnabled(True)

    def clear(self, why: str = "") -> None:
        """Nothing to chart: empty plots say so (and ``why``, when given), with no made-up
        dates or values on their axes."""
        self.empty_note.setText(why or self.tr("Nothing to chart yet"))
        self._data = None
        self._x = self._y = self._week_y = np.empty(0)
        self.curve.setData([], [])
        self.bars.setOpts(x=[0.0], height=[0.0])
        self.marker.setData([], [])
        self._show_phases(())
        self._show_axes(shown=False)

    def is_empty(self) -> bool:
        return self._data is None

    def _show_axes(self, *, shown: bool) -> None:
        if self.axes.show(shown=shown):
            self.empty_note.setVisible(not shown)
            self._place_empty_note()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_empty_note()

    def _place_empty_note(self) -> None:
        self.empty_note.setGeometry(self.plot.geometry())
        self.empty_note.raise_()

    def set_range(self, days: int | None) -> None:
        """Show the last ``days`` days up to the latest set (all of it for None)."""
        if self._data is None:
            return
        left, right = self.range_for(self._data, days)
        self.plot.getPlotItem().getViewBox().setXRange(left, right, padding=0)

    def _fit_y(self) -> None:
        """Fit the value axes to what is shown. Amounts (reps, holds, volume and the weekly
        bars) start at zero, so a small change looks small; loads keep a margin of at least a
        tenth of their size around them, so a 2 kg dip does not fill the chart."""
        if self._fitting or self._data is None:
            return
        low, high = self.x_range()
        shown = self._y[(self._x >= low) & (self._x <= high)]
        box = self.plot.getPlotItem().getViewBox()
        if shown.size:
            top, bottom = float(shown.max()), float(shown.min())
            if self._metric in (Metric.TOP_WEIGHT, Metric.E1RM):
                pad = max((top - bottom) * 0.1, top * 0.05, 1.0)
                box.setYRange(max(0.0, bottom - pad), top + pad, padding=0)
            else:
                box.setYRange(0, max(top * 1.08, 1.0), padding=0)
        weeks = self._data.week_x
        in_view = self._week_y[(weeks >= low - 4 * DAY) & (weeks <= high + 4 * DAY)]
        peak = float(in_view.max()) if in_view.size else 1.0
        self.weekly.getPlotItem().getViewBox().setYRange(0, max(peak * 1.08, 1.0), padding=0)
        # pyqtgraph moves the items to a new range when it paints, which asks for a second
        # paint of both plots; moved now, one paint shows it.
        for widget in (self.plot, self.weekly):
            widget.getPlotItem().getViewBox().prepareForPaint()

    def x_range(self) -> tuple[float, float]:
        low, high = self.plot.getPlotItem().getViewBox().viewRange()[0]
        return float(low), float(high)

    def plotted(self) -> tuple[np.ndarray, np.ndarray]:
        """The points of the main chart, as given to it (not downsampled)."""
        return self._x, self._y

    def latest_text(self) -> str:
        """The most recent value, for the read-out when the mouse is elsewhere."""
        if not self._x.size:
            return ""
        return self._point_text(self._x[-1], self._y[-1])

    # Phases

    def set_phases(self, marks: Sequence[PhaseMark]) -> None:
        """Mark when each phase of the ladder was reached."""
        self._marks = tuple(marks)
        self._show_phases(self._visible_marks())

    def _visible_marks(self) -> list[PhaseMark]:
        # Phases reached long before the drill was first done say nothing about its chart.
        if self._data is None:
            return []
        first = self._data.first_x
        return [mark for mark in self._marks if mark.x >= first - PHASE_LEAD]

    def _show_phases(self, phases: Sequence[PhaseMark]) -> None:
        self.phase_lines.show(phases, self.palette().color(QPalette.ColorRole.PlaceholderText))

    def phase_labels_shown(self) -> list[str]:
        return self.phase_lines.labels_shown()

    def phase_positions(self) -> list[float]:
        return self.phase_lines.positions()

    # Hover read-out

    def _moved(self, scene_pos: QPointF) -> None:
        box = self.plot.getPlotItem().getViewBox()
        if not self._x.size or not box.sceneBoundingRect().contains(scene_pos):
            self.marker.setData([], [])
            self.hovered.emit("")
            return
        point = box.mapSceneToView(scene_pos)
        index = self._nearest_point(point.x(), point.y())
        if index is None:
            self.hovered.emit("")
            return
        self.marker.setData([self._x[index]], [self._y[index]])
        self.hovered.emit(self._point_text(self._x[index], self._y[index]))

    def _moved_weekly(self, scene_pos: QPointF) -> None:
        box = self.weekly.getPlotItem().getViewBox()
        data = self._data
        if data is None or not data.week_x.size or not box.sceneBoundingRect().contains(scene_pos):
            self.hovered.emit("")
            return
        x = box.mapSceneToView(scene_pos).x()
        index = self._nearest(data.week_x, x)
        if index is None or abs(data.week_x[index] - x) > 3.5 * DAY:
            self.hovered.emit("")
            return
        monday = x_to_day(data.week_x[index]) - timedelta(days=3)
        self.hovered.emit(
            self.tr("Week of {day} · {value}").format(
                day=day_text(monday, weekday=False),
                value=weekly_value_text(self._metric, float(self._week_y[index]), self._unit),
            )
        )

    def hover_at(self, x: float, y: float) -> None:
        """Put the mouse's read-out at the chart's point (x, y), as a move of the mouse does."""
        box = self.plot.getPlotItem().getViewBox()
        self._moved(box.mapViewToScene(QPointF(x, y)))

    def _nearest_point(self, x: float, y: float | None) -> int | None:
        """The point nearest on screen to (x, y): several sets of a day share one column, so
        the height picks among them. Without y, the nearest in time."""
        xs, ys = self._x, self._y
        if y is None or not xs.size:
            return self._nearest(xs, x)
        per_x, per_y = self.plot.getPlotItem().getViewBox().viewPixelSize()
        if per_x <= 0 or per_y <= 0:
            return self._nearest(xs, x)
        reach = HOVER_REACH_PX * per_x
        low, high = np.searchsorted(xs, [x - reach, x + reach])
        if low >= high:
            return self._nearest(xs, x)
        dx = (xs[low:high] - x) / per_x
        dy = (ys[low:high] - y) / per_y
        return int(low + np.argmin(dx * dx + dy * dy))

    @staticmethod
    def _nearest(xs: np.ndarray, x: float) -> int | None:
        if not xs.size:
            return None
        index = int(np.searchsorted(xs, x))
        candidates = [i for i in (index - 1, index) if 0 <= i < xs.size]
        return min(candidates, key=lambda i: abs(xs[i] - x))

    def _point_text(self, x: float, y: float) -> str:
        return self.tr("{day} · {value}").format(
            day=day_text(x_to_day(x)), value=value_text(self._metric, float(y), self._unit)
        )

    # Colours

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()

    def _accent(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Highlight)

    def _line_pen(self) -> object:
        return pg.mkPen(self._accent(), width=2)

    def _apply_palette(self) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        accent = self._accent()
        for widget in (self.plot, self.weekly):
            widget.setBackground(base)
            item = widget.getPlotItem()
            grid_axis = item.getAxis("left")
            if isinstance(grid_axis, GridAxis):
                grid_axis.set_background(base)
            for name in ("left", "bottom"):
                axis = item.getAxis(name)
                axis.setPen(pg.mkPen(palette.color(QPalette.ColorRole.Mid)))
                axis.setTextPen(pg.mkPen(text))
        self.curve.setSymbolBrush(pg.mkBrush(accent))
        self.curve.setSymbolPen(None)
        if self._metric not in PER_SET_METRICS:
            self.curve.setPen(self._line_pen())
        bar = QColor(accent)
        bar.setAlpha(150)
        self.bars.setOpts(brush=pg.mkBrush(bar))
        ring = QColor(text)
        self.marker.setPen(pg.mkPen(ring, width=2))
        self.marker.setBrush(pg.mkBrush(accent))
