"""History view: ten years of training opened and redrawn, against a raw query and a bare plot.

Why: after years of near-daily training the person opens History to see how far they came, and
flicks between four weeks, three months, a year and everything. The bar (product brief, "How
fast"): with about 100,000 sets the view opens in under 150 ms and a range change redraws in
under 50 ms, with no GUI-thread stall over 16 ms while the log is read.

How:

1. A log of about 100,000 sets over the ten years up to today (several drills a day, reps,
   holds, loads in kg and lb, sides, warm-ups, checks) is built through Hinge's storage layer,
   and the phase ladder is brought up to date on it (``LadderRepository.update``), so the chart
   has its phase lines. ``--dir`` keeps it for the next run.
2. The app is composed the real way, off screen: a ``MainWindow`` filled by ``install_views``
   (with a ``RecordingSpeaker``), 1280×800, shown on Drills and left to settle. Then, timed with
   ``perf_counter``, each over ``--runs`` runs:

   - open, first time, as in Hinge: a fresh window after ``refresh()``, which Hinge runs as
     soon as its views are built, so that History is read before it is first asked for;
   - open again after a set is logged: back on Drills, ``mark_stale()``, then
     ``show_view("history")`` (the Progress tab is current) until the view has emitted
     ``loaded`` and the window has painted (the data is read again);
   - for reference, with no bar: a fresh window with nothing read ahead, opened the same way.
     In Hinge that is only met by opening History in the moment after start while the read
     ahead runs: History then shows that it is loading, and the window keeps answering;
   - redraws on the open window: each range button clicked (``QAbstractButton.click``), on the
     most trained drill and on the most trained weighted drill (top weight and reps per set);
     every metric of ``historyMetric``; the unit between kg and lb; and, with no bar, another
     drill chosen in ``historyDrill`` (read and drawn);
   - GUI-thread stalls: in a fresh window, a 1 ms ``PreciseTimer`` on the GUI thread stamps its
     ticks while History opens after ``mark_stale()`` (the bar), and, for reference, while it
     opens with nothing read ahead; the longest gap between ticks is reported while the log is
     read, across the moment the data is handed over, and while the chart paints.

   Every window, once shown, has start-up's objects frozen (``gc_pauses.freeze_start_up()``),
   as Hinge does once its views are built.

   "Painted" means the event loop has delivered every paint the action caused: after the action
   the script calls ``processEvents()`` until three calls in a row deliver no update to the
   window, and stops the clock at the end of the last call that did. A forced
   ``window.repaint()`` is not used because it does not repaint the chart: pyqtgraph's plots are
   ``QGraphicsView`` viewports, which ``repaint()`` of the window leaves out, and the chart's
   layout and its linked axes settle through posted events that only the event loop delivers.
3. The baselines, in the same run and interleaved with it: the per-day aggregate of the drill
   Hinge opens on (count, reps, top weight in kg, volume, grouped by local day), hand-written on
   a plain ``sqlite3`` connection (connect, query, fetch); and a bare ``pyqtgraph.PlotWidget``
   of the chart's size, shown, given the same points as Hinge's chart (``setData``, same
   symbols) and then the same x ranges (``setXRange``), each until painted as above.

Prints a table of figures in ms with PASS or FAIL per bar (judged on the medians; stalls on the
longest gap of all runs) and the ratios against the baselines. Exits 1 if a bar is missed.

    python benchmarks/history_view.py [--sets 100000] [--runs 7] [--dir DIR]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from _history import YEARS, ZONE, build

from hinge_desktop.storage.weight_sql import weight_kg_sql

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from hinge_desktop.paths import DataPaths
    from hinge_desktop.storage.store import Store
    from hinge_desktop.ui.shell.main_window import MainWindow
    from hinge_desktop.ui.shell.wiring import InstalledViews

SETS = 100_000
RUNS = 7
OPEN_BAR_MS = 150.0
REDRAW_BAR_MS = 50.0
STALL_BAR_MS = 16.0
WIDTH, HEIGHT = 1280, 800
SETTLE_S = 0.3
"""Event loop after a window is shown, before anything is timed."""
QUIET_CALLS = 3
"""``processEvents()`` calls in a row that deliver no update: the window has painted."""
TICK_MS = 1
LOAD_TIMEOUT_MS = 20_000
RANGE_BUTTONS = (
    ("range4Weeks", 28, "4 weeks"),
    ("range3Months", 91, "3 months"),
    ("range1Year", 365, "1 year"),
    ("rangeAll", None, "all"),
)


# The log


@dataclass(frozen=True)
class Log:
    path: Path
    sets: int
    drills: int
    years: float
    phases: int
    built_s: float | None
    """Seconds the build took; None when an earlier build was reused."""


def prepare_log(folder: Path, total: int) -> Log:
    """The log at ``folder``/hinge.sqlite3, built there unless an earlier run left it."""
    from hinge_desktop.domain.catalogue import builtin_catalogue
    from hinge_desktop.storage.store import open_store

    path = folder / "hinge.sqlite3"
    existed = path.exists()
    store = open_store(path)
    built_s = None
    try:
        if not existed or store.sets.count() == 0:
            # Ten years up to this morning, so the calendar's year is full, as it would be.
            today = datetime.now(ZONE).replace(hour=7, minute=0, second=0, microsecond=0)
            start = today - timedelta(days=YEARS * 365)
            built_s = build(store, total, start=start)
            # The ladder brought up to date, as after each set, so the chart has phase lines.
            store.ladder.update(datetime.now(ZONE), builtin_catalogue())
        count = store.sets.count()
        if built_s is None and abs(count - total) > total // 100:
            raise SystemExit(
                f"{path} holds {count:,} sets, not about {total:,}: pass --sets {count} to use "
                f"it, or another --dir"
            )
        years = store.db.execute(
            "SELECT (max(performed_at) - min(performed_at)) / 86400.0 / 365.25 FROM sets"
        ).fetchone()[0]
        drills = store.db.execute("SELECT count(DISTINCT drill_id) FROM sets").fetchone()[0]
        phases = len(store.ladder.events())
    finally:
        store.close()  # as when Hinge last quit: the write-ahead log checkpointed
    return Log(path, count, drills, years, phases, built_s)


# Baseline: the raw query

_LOCAL = "(performed_at + utc_offset * 60)"
RAW_DAYS = (
    f"SELECT {_LOCAL} / 86400 AS day, count(*), sum(reps), max(reps), max(hold_seconds), "
    f"max({weight_kg_sql()}), sum({weight_kg_sql()} * reps) "
    "FROM sets WHERE drill_id = ? AND kind <> 'warmup' AND result IS NULL "
    "GROUP BY day ORDER BY day"
)
RAW_MOST_TRAINED = (
    "SELECT drill_id FROM sets WHERE kind <> 'warmup' AND result IS NULL {and_weighted}"
    "GROUP BY drill_id ORDER BY count(*) DESC LIMIT 1"
)


def raw_most_trained(path: Path, *, weighted: bool = False) -> str:
    """The drill with the most sets that count (with a weight, if ``weighted``)."""
    conn = sqlite3.connect(path)
    try:
        sql = RAW_MOST_TRAINED.format(and_weighted="AND weight > 0 " if weighted else "")
        return str(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def time_raw_query(path: Path, drill_id: str) -> tuple[float, int]:
    """Milliseconds to connect, run the per-day aggregate and fetch it; and its row count."""
    began = time.perf_counter()
    conn = sqlite3.connect(path)
    rows = conn.execute(RAW_DAYS, [drill_id]).fetchall()
    elapsed = (time.perf_counter() - began) * 1000
    conn.close()
    return elapsed, len(rows)


# The event loop


class UpdateCounter:
    """Counts the paints the window is asked for (the update requests the event loop delivers
    to it) and the paints of one widget."""

    def __init__(self, window: Any, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        update_request, paint = QEvent.Type.UpdateRequest, QEvent.Type.Paint
        counter = self

        class Filter(QObject):
            def eventFilter(self, watched: Any, event: Any) -> bool:
                kind = event.type()
                if kind == update_request and watched is window:
                    counter.updates += 1
                elif kind == paint and watched is widget:
                    counter.paints += 1
                return False

        self.updates = 0
        self.paints = 0
        self._filter = Filter()
        window.installEventFilter(self._filter)
        widget.installEventFilter(self._filter)
        self._watched = (window, widget)

    def remove(self) -> None:
        for watched in self._watched:
            watched.removeEventFilter(self._filter)


def until_painted(app: QApplication, counter: UpdateCounter) -> float:
    """Deliver events until the window has nothing left to paint; returns the perf_counter
    time at the end of the last call that painted (now, if none did)."""
    last = time.perf_counter()
    quiet = 0
    while quiet < QUIET_CALLS:
        before = counter.updates
        app.processEvents()
        if counter.updates != before:
            last = time.perf_counter()
            quiet = 0
        else:
            quiet += 1
    return last


def spin(seconds: float) -> None:
    """Run the event loop for ``seconds`` (it sleeps when there is nothing to do)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def wait_for(signal: Any, already: Callable[[], bool]) -> None:
    """Run the event loop until ``signal`` fires, unless ``already()``."""
    from PySide6.QtCore import QEventLoop, QTimer

    if already():
        return
    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    signal.connect(loop.quit)
    timer.start(LOAD_TIMEOUT_MS)
    loop.exec()
    timer.stop()
    signal.disconnect(loop.quit)
    if not already():
        raise SystemExit("the history view did not load within 20 s")


# Hinge's window


class Hinge:
    """One main window composed as app.py does it, on the log, shown on Drills."""

    def __init__(self, app: QApplication, store: Store, paths: DataPaths, settings: Path) -> None:
        from hinge_desktop.speech.speaker import RecordingSpeaker
        from hinge_desktop.ui import gc_pauses
        from hinge_desktop.ui.preferences import Preferences
        from hinge_desktop.ui.shell.main_window import MainWindow
        from hinge_desktop.ui.shell.wiring import install_views

        self.app = app
        preferences = Preferences(settings)
        self.window: MainWindow = MainWindow(preferences)
        self.views: InstalledViews = install_views(
            self.window, preferences, store, paths, RecordingSpeaker()
        )
        self.progress = self.views.progress
        self.loads = 0
        self.loaded_at = 0.0
        self.progress.loaded.connect(self._loaded)
        self.window.show_view("drills")
        self.window.resize(WIDTH, HEIGHT)
        self.window.show()
        spin(SETTLE_S)
        # As Hinge does once every view is built: start-up's objects leave the collector's care.
        gc_pauses.freeze_start_up()
        self.counter = UpdateCounter(self.window, self.progress.plot.viewport())

    def _loaded(self) -> None:
        self.loads += 1
        self.loaded_at = time.perf_counter()

    def load_and_paint(self, action: Callable[[], None]) -> tuple[float, float, int]:
        """``action``, then the event loop until the view has loaded fresh data and painted;
        returns (ms to loaded, ms to painted, chart paints after loaded)."""
        loads = self.loads
        began = time.perf_counter()
        action()
        wait_for(self.progress.loaded, lambda: self.loads > loads)
        loaded = self.loaded_at
        paints = self.counter.paints
        painted = until_painted(self.app, self.counter)
        return (
            (loaded - began) * 1000,
            (painted - began) * 1000,
            self.counter.paints - paints,
        )

    def paint_after(self, action: Callable[[], None]) -> float:
        """``action``, then the event loop until painted; returns the milliseconds."""
        began = time.perf_counter()
        action()
        return (until_painted(self.app, self.counter) - began) * 1000

    def close(self) -> None:
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QApplication

        self.counter.remove()
        self.views.shutdown()
        self.window.close()
        self.window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        spin(0.02)


# Measurements


@dataclass
class Figures:
    """Milliseconds per measured thing, in the order they were measured."""

    times: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, ms: float) -> None:
        self.times.setdefault(name, []).append(ms)

    def median(self, name: str) -> float:
        return statistics.median(self.times[name])


@dataclass
class Stall:
    reading: float = 0.0
    handing_over: float = 0.0
    painting: float = 0.0

    def longest(self) -> float:
        return max(self.reading, self.handing_over, self.painting)


def longest_gaps(ticks: list[float], began: float, loaded: float, painted: float) -> Stall:
    """The longest gap between ticks (ms) while the log is read, across the moment the data is
    handed over (the gap in which ``loaded`` fell), and afterwards until painted."""
    stall = Stall()
    for earlier, later in pairwise(ticks):
        if later < began or earlier > painted:
            continue
        gap = (later - earlier) * 1000
        if earlier <= loaded <= later:
            stall.handing_over = max(stall.handing_over, gap)
        elif later < loaded:
            stall.reading = max(stall.reading, gap)
        else:
            stall.painting = max(stall.painting, gap)
    return stall


def measure_stall(hinge: Hinge) -> tuple[Stall, Stall]:
    """The longest gaps between ticks while History opens for the first time in the window,
    and again after a set is logged."""
    from PySide6.QtCore import Qt, QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    stalls = []
    for again in (False, True):
        if again:
            hinge.paint_after(lambda: hinge.window.show_view("drills"))
            hinge.progress.mark_stale()
        spin(0.05)
        began = time.perf_counter()
        loaded_ms, painted_ms, _paints = hinge.load_and_paint(
            lambda: hinge.window.show_view("history")
        )
        spin(0.02)
        stalls.append(
            longest_gaps(ticks, began, began + loaded_ms / 1000, began + painted_ms / 1000)
        )
    timer.stop()
    return stalls[0], stalls[1]


@dataclass
class Chart:
    """What Hinge's chart showed after the first-time open, for the bare plot to show too."""

    drill_id: str
    x: Any
    y: Any
    ranges: list[tuple[str, float, float]]
    """(button name, left, right) for each range button, as Hinge sets them."""
    size: Any


def chart_shown(hinge: Hinge) -> Chart:
    """The chart's points and the x range of each range button (clicked, not timed; the year,
    which History opens on, last)."""
    from PySide6.QtWidgets import QAbstractButton

    chart = hinge.progress.chart
    x, y = chart.plotted()
    shown = {}
    for name in ("range4Weeks", "range3Months", "rangeAll", "range1Year"):
        hinge.paint_after(hinge.window.findChild(QAbstractButton, name).click)
        shown[name] = chart.x_range()
    ranges = [(name, *shown[name]) for name, _days, _label in RANGE_BUTTONS]
    return Chart(
        hinge.progress.current_drill_id() or "",
        x.copy(),
        y.copy(),
        ranges,
        hinge.progress.plot.size(),
    )


def measure_bare_plot(app: QApplication, chart: Chart, figures: Figures) -> None:
    """A bare pyqtgraph plot of the chart's size: the same points, then the same ranges."""
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    plot.resize(chart.size)
    plot.show()
    spin(SETTLE_S)
    counter = UpdateCounter(plot, plot.viewport())
    began = time.perf_counter()
    plot.plot(chart.x, chart.y, symbol="o", symbolSize=6)
    figures.add("bare open", (until_painted(app, counter) - began) * 1000)
    box = plot.getPlotItem().getViewBox()
    for name, left, right in chart.ranges:
        began = time.perf_counter()
        box.setXRange(left, right, padding=0)
        figures.add(f"bare {name}", (until_painted(app, counter) - began) * 1000)
    counter.remove()
    plot.close()
    plot.deleteLater()
    spin(0.02)


def measure_redraws(hinge: Hinge, figures: Figures, weighted: str, runs: int) -> None:
    """Range, metric and unit changes on the open window, and another drill chosen."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox

    from hinge_desktop.ui.history.progress_data import Metric

    window, progress = hinge.window, hinge.progress
    buttons = {name: window.findChild(QAbstractButton, name) for name, _d, _l in RANGE_BUTTONS}
    metric_box = window.findChild(QComboBox, "historyMetric")
    unit_box = window.findChild(QComboBox, "historyUnit")
    drill_box = window.findChild(QComboBox, "historyDrill")
    opened = progress.current_drill_id()

    def choose_drill(drill_id: str | None) -> Callable[[], None]:
        def choose() -> None:
            index = drill_box.findData(drill_id)
            drill_box.setCurrentIndex(index)
            drill_box.activated.emit(index)  # what a person's choice in the list sends

        return choose

    def choose_metric(metric: Metric) -> Callable[[], None]:
        return lambda: metric_box.setCurrentIndex(metric_box.findData(metric.value))

    def click_ranges() -> None:
        for name, _days, _label in RANGE_BUTTONS:
            figures.add(f"range {name}", hinge.paint_after(buttons[name].click))

    for _run in range(runs):
        # The drill History opens on, with its own chart.
        click_ranges()
        _loaded, painted, _paints = hinge.load_and_paint(choose_drill(weighted))
        figures.add("drill", painted)
        click_ranges()  # its top weight, the metric it opens on
        figures.add("metric reps-per-set", hinge.paint_after(choose_metric(Metric.REPS_PER_SET)))
        click_ranges()  # every set, not one point a day
        for metric in (Metric.SESSION_REPS, Metric.VOLUME, Metric.E1RM, Metric.TOP_WEIGHT):
            figures.add(f"metric {metric.value}", hinge.paint_after(choose_metric(metric)))
        for _twice in range(2):
            other = 1 - unit_box.currentIndex()
            figures.add("unit", hinge.paint_after(lambda i=other: unit_box.setCurrentIndex(i)))
        _loaded, painted, _paints = hinge.load_and_paint(choose_drill(opened))
        figures.add("drill", painted)


# The report


def row(name: str, times: list[float], bar: float | None, ratio: str = "") -> tuple[str, bool]:
    median, worst = statistics.median(times), max(times)
    verdict = ""
    passed = True
    if bar is not None:
        passed = median < bar
        verdict = f"< {bar:g}  {'PASS' if passed else 'FAIL'}"
    line = f"  {name:<46} {len(times):>4} {median:>9.1f} {worst:>9.1f}   {verdict:<12} {ratio}"
    return line, passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=SETS, help=f"sets to build (default {SETS})")
    parser.add_argument(
        "--runs", type=int, default=RUNS, help=f"timed runs of each (default {RUNS})"
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        help="keep the log in DIR and use it again on the next run (building takes about 8 s)",
    )
    options = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    with tempfile.TemporaryDirectory(prefix="hinge-bench-") as scratch:
        folder = options.dir if options.dir is not None else Path(scratch) / "data"
        folder.mkdir(parents=True, exist_ok=True)
        log = prepare_log(folder, options.sets)
        return run(log, folder, Path(scratch), options.runs)


def run(log: Log, folder: Path, scratch: Path, runs: int) -> int:
    from hinge_desktop.paths import DataPaths
    from hinge_desktop.storage.store import open_store
    from hinge_desktop.ui.shell.application import create_application, hide_offscreen_noise

    app = create_application()
    if app.platformName() == "offscreen":
        hide_offscreen_noise()
    paths = DataPaths(root=folder)
    most_trained = raw_most_trained(log.path)
    weighted = raw_most_trained(log.path, weighted=True)
    figures = Figures()
    stalls: list[Stall] = []
    stalls_again: list[Stall] = []
    paints_after_load: list[int] = []
    prefetch_reads: list[int] = []
    chart: Chart | None = None
    phase_lines = 0
    raw_rows = 0
    windows = 0
    store = open_store(log.path)

    def fresh() -> Hinge:
        nonlocal windows
        windows += 1
        return Hinge(app, store, paths, scratch / f"settings-{windows}.ini")

    began = time.perf_counter()
    try:
        # A first open, not timed: imports, caches and the file's pages, as on any later open.
        warm = fresh()
        warm.load_and_paint(lambda: warm.window.show_view("history"))
        warm.close()
        for _run in range(runs):
            hinge = fresh()
            loaded, painted, paints = hinge.load_and_paint(
                lambda h=hinge: h.window.show_view("history")
            )
            figures.add("open loaded", loaded)
            figures.add("open", painted)
            paints_after_load.append(paints)
            if chart is None:
                chart = chart_shown(hinge)
                phase_lines = len(hinge.progress.chart.phase_positions())
            hinge.paint_after(lambda h=hinge: h.window.show_view("drills"))
            hinge.progress.mark_stale()
            _loaded, painted, _paints = hinge.load_and_paint(
                lambda h=hinge: h.window.show_view("history")
            )
            figures.add("open again", painted)
            measure_redraws(hinge, figures, weighted, 1)
            hinge.close()

            hinge = fresh()
            hinge.progress.refresh()  # as the app does right after start
            wait_for(hinge.progress.loaded, lambda h=hinge: h.loads > 0)
            spin(0.1)
            figures.add(
                "open prefetched",
                hinge.paint_after(lambda h=hinge: h.window.show_view("history")),
            )
            prefetch_reads.append(hinge.loads)
            hinge.close()

            hinge = fresh()
            first, again = measure_stall(hinge)
            stalls.append(first)
            stalls_again.append(again)
            hinge.close()

            raw_ms, raw_rows = time_raw_query(log.path, most_trained)
            figures.add("raw query", raw_ms)
            measure_bare_plot(app, chart, figures)
    finally:
        store.close()
    elapsed = time.perf_counter() - began

    built = (
        f"built in {log.built_s:.1f} s through SetRepository.add_many"
        if log.built_s is not None
        else "built by an earlier run"
    )
    size = log.path.stat().st_size / 1e6
    print(
        f"History view: {log.sets:,} sets of {log.drills} drills over {log.years:.1f} years, "
        f"{log.phases} phases reached, {built} ({size:.1f} MB, {log.path})"
    )
    assert chart is not None
    print(
        f"  opens on {chart.drill_id} ({raw_rows:,} days trained), {chart.x.size:,} points on "
        f"the chart, {phase_lines} phase lines; redraws also on {weighted}; window "
        f"{WIDTH}×{HEIGHT}, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}, {runs} runs, "
        f"{windows} windows, {elapsed:.0f} s"
    )
    if chart.drill_id != most_trained:
        print(f"  note: the most trained drill by a raw count is {most_trained}")
    print(
        "  painted = processEvents() until the window has nothing left to paint "
        f"(chart painted {min(paints_after_load)}–{max(paints_after_load)} times after loading)"
    )
    if set(prefetch_reads) != {1}:
        print(f"  note: the prefetched view read the log again on show ({prefetch_reads})")
    print()
    print(f"  {'':<46} {'runs':>4} {'median ms':>9} {'max ms':>9}   {'bar ms':<12} ratio")
    lines: list[str] = []
    passes: list[bool] = []

    def add(name: str, key: str, bar: float | None, ratio: str = "") -> None:
        line, passed = row(name, figures.times[key], bar, ratio)
        lines.append(line)
        passes.append(passed)

    baseline_open = figures.median("raw query") + figures.median("bare open")

    def vs_open(key: str) -> str:
        return f"{figures.median(key) / baseline_open:.1f}× raw query + bare plot"

    add(
        "open, first time (read ahead at start)",
        "open prefetched",
        OPEN_BAR_MS,
        vs_open("open prefetched"),
    )
    add(
        "open again after a set is logged (read again)",
        "open again",
        OPEN_BAR_MS,
        vs_open("open again"),
    )
    add("open, nothing read ahead (no bar)", "open", None, vs_open("open"))
    add("  of which until `loaded`", "open loaded", None)
    for name, _days, label in RANGE_BUTTONS:
        ratio = f"{figures.median(f'range {name}') / figures.median(f'bare {name}'):.1f}× bare"
        add(f"range → {label} ({name}.click())", f"range {name}", REDRAW_BAR_MS, ratio)
    bare = figures.median("bare open")
    for key in sorted(k for k in figures.times if k.startswith("metric ")):
        add(
            f"metric → {key.removeprefix('metric ')} (no bar)",
            key,
            None,
            f"{figures.median(key) / bare:.1f}× bare setData",
        )
    add("unit kg ↔ lb (no bar)", "unit", None, f"{figures.median('unit') / bare:.1f}× bare setData")
    add("another drill chosen: read and drawn (no bar)", "drill", None)
    print("\n".join(lines))

    longest = max(stall.longest() for stall in stalls_again)
    stall_passed = longest <= STALL_BAR_MS
    passes.append(stall_passed)
    print(
        f"  GUI thread while History opens, longest gap between {TICK_MS} ms ticks "
        f"(median / max of {len(stalls)} runs), again after a set is logged / nothing read "
        "ahead (no bar):"
    )
    for label, attr in (
        ("while the log is read", "reading"),
        ("handing the data over (ProgressView._show)", "handing_over"),
        ("painting", "painting"),
    ):
        first = [getattr(stall, attr) for stall in stalls]
        again = [getattr(stall, attr) for stall in stalls_again]
        print(
            f"    {label:<44} {statistics.median(again):>9.1f} {max(again):>9.1f}"
            f"   /  {statistics.median(first):>6.1f} {max(first):>6.1f}"
        )
    print(
        f"    {'longest of all':<44} {'':>9} {longest:>9.1f}   "
        f"≤ {STALL_BAR_MS:g}  {'PASS' if stall_passed else 'FAIL'}"
    )
    print("  baselines, same run:")
    print(
        "\n".join(
            [
                row(
                    f"raw sqlite3 per-day aggregate ({raw_rows:,} rows)",
                    figures.times["raw query"],
                    None,
                )[0],
                row(
                    f"bare PlotWidget: setData of {chart.x.size:,} points",
                    figures.times["bare open"],
                    None,
                )[0],
                *(
                    row(
                        f"bare PlotWidget: setXRange, {label}", figures.times[f"bare {name}"], None
                    )[0]
                    for name, _days, label in RANGE_BUTTONS
                ),
            ]
        )
    )
    failed = not all(passes)
    print(
        f"{'FAIL' if failed else 'PASS'}: open under {OPEN_BAR_MS:g} ms, range change under "
        f"{REDRAW_BAR_MS:g} ms (medians), no GUI-thread gap over {STALL_BAR_MS:g} ms"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
