"""History → Progress: a drill's chart with its weekly totals, records, the ladder's timeline and
the consistency calendar of the last year.

The data is read on the background reader's thread when the view is shown and something changed
since (a set logged, edited or deleted); range, metric and unit changes redraw from what is
already loaded, without a query.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QEventLoop, QIODevice, QLocale, QSaveFile, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.training import Unit
from hinge_desktop.storage.database import Database
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.drill_text import phase_name
from hinge_desktop.ui.history.consistency_calendar import ConsistencyCalendar
from hinge_desktop.ui.history.progress_chart import PhaseMark, ProgressChart
from hinge_desktop.ui.history.progress_data import (
    DAY,
    Metric,
    ProgressSnapshot,
    load_progress,
)
from hinge_desktop.ui.history.progress_panels import PhaseTimeline, RecordsPanel
from hinge_desktop.ui.history.progress_text import metric_name, metric_tip
from hinge_desktop.ui.preferences import CHART_UNIT, Preferences
from hinge_desktop.ui.tasks import BackgroundReader
from hinge_desktop.ui.widgets.dialogs import save_dialog
from hinge_desktop.ui.widgets.empty_state import EmptyState

RANGES: tuple[tuple[str, int | None], ...] = (
    ("range4Weeks", 28),
    ("range3Months", 91),
    ("range1Year", 365),
    ("rangeAll", None),
)
DEFAULT_RANGE = 365


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
        self._reader = reader
        self._catalogue = catalogue
        self._names = names if names is not None else DrillNames(catalogue, parent=self)
        self._names.changed.connect(self._names_changed)
        self._preferences = preferences
        self._today = today
        self._snapshot: ProgressSnapshot | None = None
        self._stale = True
        self._pending = 0
        self._shown_request = 0
        self._range_days: int | None = DEFAULT_RANGE
        self._wanted_metric: Metric | None = None
        self._filling = False

        self.chart = ProgressChart()
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

        self.drill_box = QComboBox()
        self.drill_box.setObjectName("historyDrill")
        self.drill_box.setAccessibleName(self.tr("Drill"))
        self.drill_box.setMinimumContentsLength(22)
        self.drill_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.drill_box.activated.connect(self._drill_chosen)
        self.metric_box = QComboBox()
        self.metric_box.setObjectName("historyMetric")
        self.metric_box.setAccessibleName(self.tr("What to chart"))
        self.metric_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.metric_box.currentIndexChanged.connect(self._metric_chosen)
        self.unit_box = QComboBox()
        self.unit_box.setObjectName("historyUnit")
        self.unit_box.setAccessibleName(self.tr("Weight unit"))
        self.unit_box.addItem(self.tr("kg"), Unit.KG.value)
        self.unit_box.addItem(self.tr("lb"), Unit.LB.value)
        self.unit_box.setCurrentIndex(self.unit_box.findData(self._unit().value))
        self.unit_box.currentIndexChanged.connect(self._unit_chosen)
        self.range_group = QButtonGroup(self)
        self.range_group.setExclusive(True)
        self.export_button = QPushButton(self.tr("Save as PNG…"))
        self.export_button.setObjectName("exportChartButton")
        self.export_button.setAccessibleName(self.tr("Save the chart as a PNG image"))
        self.export_button.clicked.connect(self.ask_and_export)

        self.stack = QStackedWidget()
        self.empty = self._empty_page()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._content_page())
        self.stack.setCurrentIndex(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._add_shortcuts()

    # Layout

    def _toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(8)
        for text, box in (
            (self.tr("&Drill"), self.drill_box),
            (self.tr("C&hart"), self.metric_box),
        ):
            label = QLabel(text)
            label.setBuddy(box)
            bar.addWidget(label)
            bar.addWidget(box)
        bar.addStretch(1)
        unit_label = QLabel(self.tr("&Weights in"))
        unit_label.setBuddy(self.unit_box)
        bar.addWidget(unit_label)
        bar.addWidget(self.unit_box)
        bar.addWidget(self.export_button)
        return bar

    def _range_bar(self) -> QHBoxLayout:
        """The read-out on the left, the range buttons on the right, just above the chart."""
        bar = QHBoxLayout()
        bar.setSpacing(4)
        bar.addWidget(self.readout, 1)
        names = {
            28: self.tr("4 weeks"),
            91: self.tr("3 months"),
            365: self.tr("1 year"),
            None: self.tr("All"),
        }
        for number, (name, days) in enumerate(RANGES, start=1):
            button = QToolButton()
            button.setObjectName(name)
            button.setText(names[days])
            button.setCheckable(True)
            button.setChecked(days == self._range_days)
            button.setAccessibleName(self.tr("Show {range}").format(range=names[days]))
            tip = (
                self.tr("Show every set of the drill (Alt+{key})")
                if days is None
                else self.tr("Show the {range} up to the drill's latest set (Alt+{key})")
            )
            button.setToolTip(tip.format(range=names[days], key=number))
            # The pressed range must stand out in a dark palette too.
            button.setStyleSheet(
                "QToolButton { padding: 3px 8px; }"
                "QToolButton:checked { background: palette(highlight);"
                " color: palette(highlighted-text); border: 1px solid palette(highlight);"
                " border-radius: 3px; }"
            )
            button.clicked.connect(lambda _checked=False, d=days: self.set_range(d))
            self.range_group.addButton(button)
            bar.addWidget(button)
        return bar

    def _content_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(12, 10, 12, 8)
        outer.setSpacing(8)
        outer.addLayout(self._toolbar())
        middle = QHBoxLayout()
        middle.setSpacing(12)
        chart_column = QVBoxLayout()
        chart_column.setSpacing(2)
        chart_column.addLayout(self._range_bar())
        chart_column.addWidget(self.chart, 1)
        middle.addLayout(chart_column, 1)
        side = QVBoxLayout()
        side.setSpacing(10)
        side.addWidget(self.records)
        side.addWidget(self.phases)
        side.addStretch(1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(270)
        side.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(side_widget)
        outer.addLayout(middle, 1)
        self.calendar.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        outer.addWidget(self.calendar)
        return page

    def _empty_page(self) -> QWidget:
        button = QPushButton(self.tr("Choose a drill"))
        button.setObjectName("historyStartButton")
        button.clicked.connect(self.choose_drill_requested)
        page = EmptyState(
            "history",
            self.tr("Your progress will show here"),
            self.tr(
                "Log your first set and Hinge draws your reps, holds and loads per drill, "
                "your weekly totals, a calendar of the days you trained and your personal "
                "records. Pick a drill to begin; one click logs each set."
            ),
            action=button,
        )
        page.setObjectName("historyEmpty")
        return page

    def _add_shortcuts(self) -> None:
        for number, (_name, days) in enumerate(RANGES, start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, d=days: self.set_range(d))
            self.addAction(action)
        save = QAction(self)
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
            self.refresh()

    def refresh(self) -> None:
        """Read the data again, on the background thread."""
        self._stale = False
        self._pending += 1
        request = self._pending
        drill_id = self.current_drill_id()
        today = self._today()

        def job(db: Database) -> ProgressSnapshot:
            return load_progress(db, drill_id, today)

        self._reader.submit(
            job,
            lambda snapshot: self._show(request, snapshot),
            lambda error: self._failed(request, error),
            context=self,
        )

    def is_loading(self) -> bool:
        return self._shown_request != self._pending

    def wait_until_loaded(self, timeout_ms: int = 20_000) -> bool:
        """Wait, handling events, until the data asked for is shown (for ``--screenshot``)."""
        if self._stale:
            self.refresh()
        if not self.is_loading():
            return True
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        self.loaded.connect(loop.quit)
        timer.start(timeout_ms)
        loop.exec()
        timer.stop()
        self.loaded.disconnect(loop.quit)
        return not self.is_loading()

    def _failed(self, request: int, error: Exception) -> None:
        if request != self._pending:
            return  # a newer request is on its way
        self._shown_request = request
        self.message.emit(self.tr("Cannot read your history: {error}").format(error=error))

    def _show(self, request: int, snapshot: ProgressSnapshot) -> None:
        """Put a snapshot on screen in a few short steps, one per turn of the event loop, so
        the window never stops answering for longer than a frame."""
        if request != self._pending:
            return  # a newer request is on its way
        previous = self._snapshot
        self._snapshot = snapshot
        if snapshot.empty:
            self.stack.setCurrentWidget(self.empty)
            self.chart.clear()
            self._done(request)
            return
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

        steps = [
            choices,
            lambda: self._redraw(keep_range=same_drill),
            lambda: self.calendar.set_days(snapshot.calendar, snapshot.today, snapshot.streaks),
            lambda: self.chart.set_phases(self._phase_marks(snapshot)),
            lambda: self._done(request),
        ]
        self._next_step(request, steps)

    def _next_step(self, request: int, steps: list[Callable[[], None]]) -> None:
        if request != self._pending:
            return  # replaced by a newer snapshot, which draws itself
        steps.pop(0)()
        if steps:
            QTimer.singleShot(0, self, lambda: self._next_step(request, steps))

    def _done(self, request: int) -> None:
        self._shown_request = request
        self.loaded.emit()

    def _phase_marks(self, snapshot: ProgressSnapshot) -> list[PhaseMark]:
        return [
            PhaseMark(x=_day_x(event.reached_at.date()), label=phase_name(event.phase))
            for event in snapshot.phases
        ]

    def _fill_drills(self, snapshot: ProgressSnapshot) -> None:
        box = self.drill_box
        box.clear()
        for activity in snapshot.drills:
            if not activity.sets:
                continue  # only warm-ups or checks: nothing to chart
            box.addItem(self._drill_name(activity.drill_id), activity.drill_id)
            box.setItemData(
                box.count() - 1,
                self.tr("{sets} sets on {days} days").format(
                    sets=QLocale().toString(activity.sets), days=QLocale().toString(activity.days)
                ),
                Qt.ItemDataRole.ToolTipRole,
            )
        if snapshot.drill is not None:
            box.setCurrentIndex(box.findData(snapshot.drill.drill_id))

    def _fill_metrics(self, snapshot: ProgressSnapshot) -> None:
        box = self.metric_box
        box.clear()
        if snapshot.drill is None:
            return
        metrics = snapshot.drill.metrics
        for metric in metrics:
            box.addItem(metric_name(metric), metric.value)
            box.setItemData(box.count() - 1, metric_tip(metric), Qt.ItemDataRole.ToolTipRole)
        chosen = self._wanted_metric if self._wanted_metric in metrics else _default(metrics)
        if chosen is not None:
            box.setCurrentIndex(box.findData(chosen.value))

    def _drill_name(self, drill_id: str) -> str:
        return self._names.name(drill_id)

    def _names_changed(self) -> None:
        """A drill of one's own was renamed: the chooser and the records say its new name."""
        box = self.drill_box
        for index in range(box.count()):
            box.setItemText(index, self._drill_name(str(box.itemData(index))))
        drill = self._snapshot.drill if self._snapshot is not None else None
        if drill is not None:
            self.records.show_records(self._drill_name(drill.drill_id), drill.records, self._unit())

    # Choices

    def current_drill_id(self) -> str | None:
        data = self.drill_box.currentData()
        return str(data) if data else None

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
        self._check_range_button(days)
        self._placing_range = True
        try:
            self.chart.set_range(days)
        finally:
            self._placing_range = False

    def _check_range_button(self, days: int | None) -> None:
        for name, span in RANGES:
            if span == days:
                button = self.findChild(QToolButton, name)
                if button is not None:
                    button.setChecked(True)

    def _range_moved(self) -> None:
        """Zoomed or panned by hand: no range button describes what is shown any more."""
        if self._placing_range:
            return
        self.range_group.setExclusive(False)
        for button in self.range_group.buttons():
            button.setChecked(False)
        self.range_group.setExclusive(True)

    def _redraw(self, *, keep_range: bool) -> None:
        snapshot, metric = self._snapshot, self.current_metric()
        if snapshot is None or snapshot.drill is None or metric is None:
            self.chart.clear()
            self.records.show_records("", [], self._unit())
            self._show_readout("")
            return
        drill = snapshot.drill
        self._placing_range = True
        try:
            self._show_drill(keep_range=keep_range)
        finally:
            self._placing_range = False
        self.records.show_records(self._drill_name(drill.drill_id), drill.records, self._unit())
        self._show_readout("")

    def _show_drill(self, *, keep_range: bool) -> None:
        snapshot, metric = self._snapshot, self.current_metric()
        if snapshot is None or snapshot.drill is None or metric is None:
            return
        unit = self._unit()
        # A range button pressed: its span, up to the latest set (which may be new). Zoomed or
        # panned by hand: what the person chose to look at stays.
        chosen = self.range_group.checkedButton() is not None
        if keep_range and not chosen:
            x_range = self.chart.x_range()
        else:
            self._check_range_button(self._range_days)
            x_range = self.chart.range_for(snapshot.drill, self._range_days)
        self.chart.show_drill(snapshot.drill, metric, unit, x_range)

    def _show_readout(self, text: str) -> None:
        if text:
            self.readout.setText(text)
            return
        latest = self.chart.latest_text()
        if latest:
            self.readout.setText(self.tr("Latest: {value}").format(value=latest))
        elif self._snapshot is not None and self._snapshot.drill is None:
            self.readout.setText(
                self.tr("Nothing to chart yet: warm-up sets and checks are not charted.")
            )
        else:
            self.readout.setText("")

    # Export

    def ask_and_export(self) -> QFileDialog | None:
        """Ask where to save the chart (without blocking), then save it there."""
        if self._snapshot is None or self._snapshot.empty:
            self.message.emit(self.tr("There is no chart to save yet."))
            return None
        name = self.drill_box.currentText() or "chart"
        suggested = f"{name} {datetime.now():%Y-%m-%d}.png".replace("/", "-")
        dialog = save_dialog(
            self,
            self.tr("Save the chart as"),
            "saveChartDialog",
            self.tr("PNG images (*.png)"),
            suggested,
        )
        dialog.fileSelected.connect(lambda path: self.export_png(Path(path)))
        dialog.open()
        return dialog

    def export_png(self, path: Path) -> bool:
        """Write the chart and its weekly bars, as shown, to ``path``; tells how it went."""
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        image = self.chart.grab()
        out = QSaveFile(str(path))
        if (
            not out.open(QIODevice.OpenModeFlag.WriteOnly)
            or not image.save(out, "PNG")
            or not out.commit()
        ):
            out.cancelWriting()
            self.message.emit(
                self.tr("Cannot save the chart to {path}: {error}").format(
                    path=path, error=out.errorString()
                )
            )
            return False
        self.message.emit(self.tr("Saved the chart to {path}.").format(path=path))
        return True


def _default(metrics: list[Metric]) -> Metric | None:
    for metric in (Metric.TOP_WEIGHT, Metric.SESSION_REPS, Metric.HOLD):
        if metric in metrics:
            return metric
    return metrics[0] if metrics else None


def _day_x(day: date) -> float:
    return (day - date(1970, 1, 1)).days * DAY
