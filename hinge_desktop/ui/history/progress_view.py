"""History → Progress: a drill's chart with its weekly totals, records, the ladder's timeline and
the consistency calendar of the last year (with the days of activation snacks).

The data is read on the background reader's thread when the view is shown and something changed
since (a set logged, edited or deleted); range, metric and unit changes redraw from what is
already loaded, without a query.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.snacks import read_days
from hinge_desktop.domain.training import Unit
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.drill_text import phase_name
from hinge_desktop.ui.history.chart_cache import keep_pictures
from hinge_desktop.ui.history.chart_export import ask_where, save_png
from hinge_desktop.ui.history.consistency_calendar import ConsistencyCalendar
from hinge_desktop.ui.history.drill_menu import DrillMenu, MenuDrill
from hinge_desktop.ui.history.prewarm import Prewarm
from hinge_desktop.ui.history.progress_chart import PhaseMark, ProgressChart
from hinge_desktop.ui.history.progress_data import Metric, ProgressSnapshot, day_x
from hinge_desktop.ui.history.progress_loader import STEP_GAP_MS, ProgressLoader, Steps
from hinge_desktop.ui.history.progress_pages import (
    content_page,
    empty_page,
    metric_chooser,
    range_bar,
    toolbar,
    unit_chooser,
)
from hinge_desktop.ui.history.progress_panels import PhaseTimeline, RecordsPanel
from hinge_desktop.ui.history.progress_text import metric_name, metric_tip
from hinge_desktop.ui.history.range_buttons import DEFAULT_RANGE, RangeButtons
from hinge_desktop.ui.preferences import CHART_UNIT, DESK_DAYS, REMINDERS_ON, Preferences
from hinge_desktop.ui.tasks import BackgroundReader
from hinge_desktop.ui.widgets.start_folder import StartFolder


class ProgressView(QWidget):
    """The progress charts; empty history shows a way to start instead of empty axes."""

    choose_drill_requested = Signal()
    loaded = Signal()
    """A fresh snapshot is on screen."""
    message = Signal(str)

    def __init__(
        self,
        reader: BackgroundReader,
        catalogue: Catalogue,
        preferences: Preferences,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
        *,
        names: DrillNames | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressView")
        self.setAccessibleName(self.tr("Progress"))
        self._catalogue = catalogue
        self._names = names if names is not None else DrillNames(catalogue, parent=self)
        self._names.changed.connect(self._names_changed)
        self._preferences = preferences
        self._today = today
        self._snapshot: ProgressSnapshot | None = None
        self._stale = True
        self._loader = ProgressLoader(reader, self)
        self._loader.loaded.connect(self.loaded)
        self._loader.failed.connect(self._failed)
        self._range_days: int | None = DEFAULT_RANGE
        self._wanted_metric: Metric | None = None
        self._filling = False
        self._save_folder = StartFolder()
        self._prewarm: Prewarm | None = None

        self.chart = ProgressChart()
        keep_pictures(self.chart)
        self.plot = self.chart.plot
        self.records = RecordsPanel()
        self.phases = PhaseTimeline()
        self.calendar = ConsistencyCalendar()
        self.readout = QLabel()
        self.readout.setObjectName("historyReadout")
        self.readout.setAccessibleName(self.tr("Value under the mouse"))
        self.chart.hovered.connect(self._show_readout)
        self._placing_range = False
        self.plot.getPlotItem().getViewBox().sigXRangeChanged.connect(self._range_moved)

        self.drill_box = DrillMenu()
        self.drill_box.activated.connect(self._drill_chosen)
        self.metric_box = metric_chooser()
        self.metric_box.currentIndexChanged.connect(self._metric_chosen)
        self.unit_box = unit_chooser(self._unit())
        self.unit_box.currentIndexChanged.connect(self._unit_chosen)
        self.range_group = RangeButtons(self._range_days, self)
        self.range_group.chosen.connect(self.set_range)
        self.export_button = QPushButton(self.tr("Save as PNG…"))
        self.export_button.setObjectName("exportChartButton")
        self.export_button.setAccessibleName(self.tr("Save the chart as a PNG image"))
        self.export_button.clicked.connect(self.ask_and_export)

        self.stack = QStackedWidget()
        self.empty = empty_page(self.choose_drill_requested)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(
            content_page(
                toolbar(self.drill_box, self.metric_box, self.unit_box, self.export_button),
                range_bar(self.readout, self.range_group),
                self.chart,
                (self.records, self.phases),
                self.calendar,
            )
        )
        self.stack.setCurrentIndex(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._add_shortcuts()

    def _add_shortcuts(self) -> None:
        self.range_group.add_shortcuts(self)
        save = QAction(self.tr("Save the chart as a PNG image"), self)
        save.setObjectName("saveChartAction")
        save.setShortcut(QKeySequence("Ctrl+Shift+S"))
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self.ask_and_export)
        self.addAction(save)
        self.export_button.setToolTip(self.tr("Save the chart as a PNG image (Ctrl+Shift+S)"))

    # Loading

    def mark_stale(self) -> None:
        """The log changed: reload now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            # Read once the page is painted: a read beside the paint would slow it down.
            QTimer.singleShot(STEP_GAP_MS, self, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read the data again, on the background thread."""
        self._stale = False
        self._loader.request(self.current_drill_id(), self._today(), self._show)

    def is_loading(self) -> bool:
        return self._loader.is_loading()

    def prewarm(self) -> Prewarm:
        """Make History ready to show while the window is idle: the data read (unless it is),
        then the page laid out and painted off screen a short step at a time, so its first show
        costs what any later one does. Call it once the window is ready; ``finished`` ends it."""
        if self._prewarm is None:
            self._prewarm = Prewarm(self, first=[self.calendar])
        if self._stale and not self.isVisible():
            self.refresh()
        self._prewarm.start_after(self._loader.loaded, self.is_loading)
        return self._prewarm

    def wait_until_loaded(self, timeout_ms: int = 20_000) -> bool:
        """Wait, handling events, until the data asked for is shown (for ``--screenshot``)."""
        if self._stale:
            self.refresh()
        return self._loader.wait(timeout_ms)

    def _failed(self, error: Exception) -> None:
        self.chart.release_weekly()  # held by a snapshot the failed request replaced
        self.message.emit(self.tr("Cannot read your history: {error}").format(error=error))

    def _show(self, snapshot: ProgressSnapshot) -> Steps:
        """Show a snapshot that came: at once if the log is empty, else in a few short steps
        (one per turn of the event loop)."""
        previous = self._snapshot
        self._snapshot = snapshot
        self.chart.release_weekly()  # held by a snapshot this one replaced
        if snapshot.empty:
            self.stack.setCurrentWidget(self.empty)
            self.chart.clear()
            return []
        same_drill = (
            previous is not None
            and previous.drill is not None
            and snapshot.drill is not None
            and previous.drill.drill_id == snapshot.drill.drill_id
        )

        def choices() -> None:
            self.stack.setCurrentIndex(1)
            self._filling = True
            try:
                self._fill_drills(snapshot)
                self._fill_metrics(snapshot)
            finally:
                self._filling = False
            self.phases.show_events(snapshot.phases)

        return [
            choices,
            lambda: self._draw_chart(keep_range=same_drill, weekly_later=True),
            self.chart.release_weekly,
            self._show_records,
            lambda: self._show_calendar(snapshot),
            lambda: self.chart.set_phases(self._phase_marks(snapshot)),
        ]

    def _show_calendar(self, snapshot: ProgressSnapshot) -> None:
        days = read_days(self._preferences.get(DESK_DAYS))
        snacks = snapshot.snack_summary(days, asked_for=self._preferences.get(REMINDERS_ON))
        self.calendar.set_days(*snapshot.calendar_days, snapshot.snacks, snacks)

    def _phase_marks(self, snapshot: ProgressSnapshot) -> list[PhaseMark]:
        return [
            PhaseMark(x=day_x(event.reached_at.date()), label=phase_name(event.phase))
            for event in snapshot.phases
        ]

    def _fill_drills(self, snapshot: ProgressSnapshot) -> None:
        """The drills with sets to chart, Hinge's and then one's own, each group by name."""
        shown = snapshot.drill.drill_id if snapshot.drill is not None else None
        self.drill_box.set_drills(
            [
                MenuDrill(
                    activity.drill_id,
                    self._drill_name(activity.drill_id),
                    own=activity.drill_id not in self._catalogue,
                    tip=self.tr("{sets} sets on {days} days").format(
                        sets=QLocale().toString(activity.sets),
                        days=QLocale().toString(activity.days),
                    ),
                )
                for activity in snapshot.drills
                if activity.sets  # only warm-ups or checks: nothing to chart
            ],
            shown,
        )

    def _fill_metrics(self, snapshot: ProgressSnapshot) -> None:
        box = self.metric_box
        box.clear()
        if snapshot.drill is None:
            return
        drill = snapshot.drill
        metrics = drill.metrics
        for metric in metrics:
            box.addItem(metric_name(metric), metric.value)
            box.setItemData(box.count() - 1, metric_tip(metric), Qt.ItemDataRole.ToolTipRole)
        chosen = self._wanted_metric if self._wanted_metric in metrics else drill.default_metric
        if chosen is not None:
            box.setCurrentIndex(box.findData(chosen.value))

    def _drill_name(self, drill_id: str) -> str:
        return self._names.name(drill_id)

    def _names_changed(self) -> None:
        """A drill of one's own was renamed: the chooser (in its new place) and the records say
        its new name."""
        if self._snapshot is not None and not self._snapshot.empty:
            self._filling = True
            try:
                self._fill_drills(self._snapshot)
            finally:
                self._filling = False
        drill = self._snapshot.drill if self._snapshot is not None else None
        if drill is not None:
            self.records.show_records(self._drill_name(drill.drill_id), drill.records, self._unit())

    # Choices

    def current_drill_id(self) -> str | None:
        return self.drill_box.current_drill_id()

    def current_metric(self) -> Metric | None:
        data = self.metric_box.currentData()
        return Metric(data) if data else None

    def _drill_chosen(self, _index: int) -> None:
        shown = self._snapshot.drill if self._snapshot is not None else None
        if shown is None or shown.drill_id != self.current_drill_id():
            self.refresh()

    def _metric_chosen(self, _index: int) -> None:
        if self._filling:
            return
        self._wanted_metric = self.current_metric()
        self._redraw(keep_range=True)

    def _unit(self) -> Unit:
        stored = self._preferences.get(CHART_UNIT)
        if stored:
            return Unit(stored)
        imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
        return Unit.LB if imperial else Unit.KG

    def _unit_chosen(self, _index: int) -> None:
        self._preferences.set(CHART_UNIT, str(self.unit_box.currentData()))
        self._redraw(keep_range=True)

    def set_range(self, days: int | None) -> None:
        """Show the last ``days`` days of the drill (all of it for None)."""
        self._range_days = days
        self.range_group.check(days)
        self._placing_range = True
        try:
            self.chart.set_range(days)
        finally:
            self._placing_range = False

    def _range_moved(self) -> None:
        """Zoomed or panned by hand: no range button describes what is shown any more."""
        if self._placing_range:
            return
        self.range_group.uncheck()

    def _redraw(self, *, keep_range: bool) -> None:
        self._draw_chart(keep_range=keep_range)
        self._show_records()

    def _draw_chart(self, *, keep_range: bool, weekly_later: bool = False) -> None:
        snapshot, metric = self._snapshot, self.current_metric()
        if snapshot is None or snapshot.drill is None or metric is None:
            self.chart.clear(self._nothing_to_chart())
            return
        # A range button pressed: its span, up to the latest set (which may be new). Zoomed or
        # panned by hand: what the person chose to look at stays.
        self._placing_range = True
        try:
            if keep_range and self.range_group.checkedButton() is None:
                x_range = self.chart.x_range()
            else:
                self.range_group.check(self._range_days)
                x_range = self.chart.range_for(snapshot.drill, self._range_days)
            self.chart.show_drill(
                snapshot.drill, metric, self._unit(), x_range, weekly_later=weekly_later
            )
        finally:
            self._placing_range = False

    def _show_records(self) -> None:
        """The drill's records and the latest value, for the drill the chart shows."""
        drill = self._snapshot.drill if self._snapshot is not None else None
        if drill is None or self.chart.is_empty():
            self.records.show_records("", [], self._unit())
        else:
            self.records.show_records(self._drill_name(drill.drill_id), drill.records, self._unit())
        self._show_readout("")

    def _nothing_to_chart(self) -> str:
        if self._snapshot is not None and not self._snapshot.empty and self._snapshot.drill is None:
            return self.tr("Nothing to chart yet: warm-up sets and checks are not charted.")
        return ""

    def _show_readout(self, text: str) -> None:
        if not text:
            latest = self.chart.latest_text()
            text = self.tr("Latest: {value}").format(value=latest) if latest else ""
        self.readout.setText(text)
        self.readout.setToolTip(text)  # the whole of it, where the line is cut short

    # Export

    def ask_and_export(self) -> QFileDialog | None:
        """Ask where to save the chart (without blocking), then save it there."""
        if self._snapshot is None or self._snapshot.empty:
            self.message.emit(self.tr("There is no chart to save yet."))
            return None
        return ask_where(self, self.drill_box.current_name(), self.export_png, self._save_folder)

    def export_png(self, path: Path) -> bool:
        """Write the chart and its weekly bars, as shown, to ``path``; tells how it went."""
        path, error = save_png(self.chart, path)
        if error is not None:
            self.message.emit(
                self.tr("Cannot save the chart to {path}: {error}").format(path=path, error=error)
            )
            return False
        self.message.emit(self.tr("Saved the chart to {path}.").format(path=path))
        return True
