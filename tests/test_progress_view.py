"""History → Progress as a person uses it: it opens on the most trained drill, metrics, units and
ranges change what the chart shows (checked through the plot's data), the read-out names the day
under the mouse, records, the ladder's timeline and the calendar are right, the chart saves as a
PNG, and an empty history offers a way to start."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest
from drill_catalogue import CATALOGUE
from open_dialogs import open_dialog, save_as
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import UnlockReason
from hinge_desktop.domain.training import LB_PER_KG, LoggedSet, SetKind, Unit
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.history.progress_data import DAY, Metric
from hinge_desktop.ui.history.progress_view import ProgressView
from hinge_desktop.ui.preferences import CHART_UNIT, Preferences
from hinge_desktop.ui.tasks import BackgroundReader

ZONE = timezone(timedelta(hours=1))
TODAY = date(2026, 2, 4)


def at(day: date, hour: int = 18, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE)


def midday(day: date) -> float:
    return (day - date(1970, 1, 1)).days * DAY + DAY / 2


MONDAY_1 = date(2026, 1, 5)
MONDAY_2 = date(2026, 1, 12)
MONDAY_5 = date(2026, 2, 2)


@pytest.fixture
def preferences(data_dir: Path) -> Preferences:
    prefs = Preferences(data_dir / "settings.ini")
    prefs.set(CHART_UNIT, "kg")
    return prefs


@pytest.fixture
def trained(store: Store) -> Store:
    rdl = "romanian-deadlift"
    store.sets.add_many(
        [
            LoggedSet(rdl, at(MONDAY_1), 1, reps=8, weight=40, unit=Unit.KG, kind=SetKind.WARMUP),
            LoggedSet(rdl, at(MONDAY_1, minute=3), 2, reps=8, weight=60, unit=Unit.KG),
            LoggedSet(rdl, at(MONDAY_1, minute=6), 3, reps=8, weight=60, unit=Unit.KG),
            LoggedSet(rdl, at(MONDAY_2), 1, reps=8, weight=62.5, unit=Unit.KG),
            LoggedSet(rdl, at(MONDAY_2, minute=3), 2, reps=7, weight=62.5, unit=Unit.KG),
            LoggedSet(rdl, at(MONDAY_5), 1, reps=8, weight=135, unit=Unit.LB),
            LoggedSet("glute-bridge", at(MONDAY_1, 8), 1, reps=12),
            LoggedSet("glute-bridge", at(MONDAY_1, 8, 2), 2, reps=12),
            LoggedSet("glute-bridge", at(MONDAY_5, 8), 1, reps=15),
            LoggedSet("roll-stretch-hamstrings", at(MONDAY_2, 7), 1, hold_seconds=45),
        ]
    )
    return store


def open_view(
    qtbot: QtBot, background_reader: BackgroundReader, preferences: Preferences
) -> ProgressView:
    view = ProgressView(background_reader, CATALOGUE, preferences, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1180, 740)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    return view


def choose(view: ProgressView, metric: Metric) -> None:
    view.metric_box.setCurrentIndex(view.metric_box.findData(metric.value))


def choose_drill(qtbot: QtBot, view: ProgressView, drill_id: str) -> None:
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.drill_box.setCurrentIndex(view.drill_box.findData(drill_id))
        view.drill_box.activated.emit(view.drill_box.currentIndex())


def plotted(view: ProgressView) -> tuple[np.ndarray, np.ndarray]:
    x, y = view.plot.getPlotItem().listDataItems()[0].getData()
    assert x is not None
    assert y is not None
    return x, y


def test_an_empty_history_offers_a_way_to_start_instead_of_empty_axes(
    qtbot: QtBot, background_reader: BackgroundReader, preferences: Preferences
) -> None:
    view = open_view(qtbot, background_reader, preferences)
    assert view.stack.currentWidget() is view.empty
    assert view.empty.isVisible()
    assert not view.plot.isVisible()
    start = view.empty.findChild(QPushButton, "historyStartButton")
    with qtbot.waitSignal(view.choose_drill_requested):
        qtbot.mouseClick(start, Qt.MouseButton.LeftButton)


def test_it_opens_on_the_most_trained_drill_with_its_top_weights(
    qtbot: QtBot, trained: Store, background_reader: BackgroundReader, preferences: Preferences
) -> None:
    view = open_view(qtbot, background_reader, preferences)
    assert view.plot.objectName() == "historyPlot"
    assert view.current_drill_id() == "romanian-deadlift"
    assert view.current_metric() is Metric.TOP_WEIGHT
    x, y = plotted(view)
    assert list(x) == [midday(MONDAY_1), midday(MONDAY_2), midday(MONDAY_5)]
    assert y == pytest.approx([60, 62.5, 135 / LB_PER_KG])
    # Only the metrics that mean something for a loaded drill are offered.
    offered = [view.metric_box.itemData(i) for i in range(view.metric_box.count())]
    assert Metric.HOLD.value not in offered
    assert Metric.E1RM.value in offered
    assert "Epley" in view.metric_box.itemText(offered.index(Metric.E1RM.value))


def test_metrics_and_units_change_the_chart_and_the_weekly_bars(
    qtbot: QtBot, trained: Store, background_reader: BackgroundReader, preferences: Preferences
) -> None:
    view = open_view(qtbot, background_reader, preferences)
    choose(view, Metric.VOLUME)
    assert plotted(view)[1] == pytest.approx([960, 62.5 * 15, 8 * 135 / LB_PER_KG])
    bars = view.chart.bars.opts
    assert list(bars["height"]) == pytest.approx([960, 62.5 * 15, 8 * 135 / LB_PER_KG])
    choose(view, Metric.E1RM)
    assert plotted(view)[1] == pytest.approx(
        [76, 62.5 * (1 + 8 / 30), 135 / LB_PER_KG * 1.2667], rel=1e-3
    )
    choose(view, Metric.REPS_PER_SET)
    x, y = plotted(view)
    assert list(y) == [8, 8, 8, 7, 8]  # one point per set; the warm-up is left out
    assert len(set(x)) == 5
    choose(view, Metric.TOP_WEIGHT)
    view.unit_box.setCurrentIndex(view.unit_box.findData("lb"))
    assert plotted(view)[1] == pytest.approx([60 * LB_PER_KG, 62.5 * LB_PER_KG, 135])
    assert preferences.get(CHART_UNIT) == "lb"
    assert "lb" in view.plot.getPlotItem().getAxis("left").labelText


def test_range_buttons_show_the_last_weeks_up_to_the_latest_set(
    qtbot: QtBot, trained: Store, background_reader: BackgroundReader, preferences: Preferences
) -> None:
    view = open_view(qtbot, background_reader, preferences)
    four_weeks = view.findChild(QToolButton, "range4Weeks")
    qtbot.mouseClick(four_weeks, Qt.MouseButton.LeftButton)
    low, high = view.chart.x_range()
    assert high >= midday(MONDAY_5)
    assert high - low == pytest.approx(28 * DAY + 2 * DAY)
    shown = [x for x in plotted(view)[0] if low <= x <= high]
    assert shown == [midday(MONDAY_2), midday(MONDAY_5)]
    qtbot.mouseClick(view.findChild(QToolButton, "rangeAll"), Qt.MouseButton.LeftButton)
    low, high = view.chart.x_range()
    assert low < midday(MONDAY_1)
    assert high > midday(MONDAY_5)
    assert view.findChild(QToolButton, "rangeAll").isChecked()
    view.resize(900, 600)  # a smaller window shows the same days
    qtbot.waitUntil(lambda: view.width() == 900)
    assert view.findChild(QToolButton, "rangeAll").isChecked()
    # A metric change keeps the range the person chose.
    choose(view, Metric.VOLUME)
    assert view.chart.x_range() == pytest.approx((low, high))
    # Zooming by hand leaves no range button pressed; the next drill opens on the last range.
    view.plot.getPlotItem().getViewBox().scaleBy(x=0.5)
    assert view.chart.x_range()[1] - view.chart.x_range()[0] < high - low
    assert not any(button.isChecked() for button in view.range_group.buttons())
    choose_drill(qtbot, view, "glute-bridge")
    assert view.findChild(QToolButton, "rangeAll").isChecked()


def test_the_read_out_names_the_day_and_value_under_the_mouse(
    qtbot: QtBot, trained: Store, background_reader: BackgroundReader, preferences: Preferences
) -> None:
    view = open_view(qtbot, background_reader, preferences)
    readout = view.findChild(QLabel, "historyReadout")
    assert "Mon 2 Feb 2026" in readout.text()  # the latest value until the mouse moves
    view.set_range(None)
    view.chart.hover_at(midday(MONDAY_2) + 3600, 62.0)
    assert readout.text() == "Mon 12 Jan 2026 · 62.5 kg"
    marker_x, marker_y = view.chart.marker.getData()
    assert list(marker_x) == [midday(MONDAY_2)]
    assert list(marker_y) == [62.5]


def test_other_drills_chart_reps_and_holds(
    qtbot: QtBot, trained: Store, background_reader: BackgroundReader, preferences: Preferences
) -> None:
    view = open_view(qtbot, background_reader, preferences)
    choose_drill(qtbot, view, "glute-bridge")
    assert view.current_metric() is Metric.SESSION_REPS
    assert list(plotted(view)[1]) == [24, 15]
    choose_drill(qtbot, view, "roll-stretch-hamstrings")
    assert view.current_metric() is Metric.HOLD
    assert list(plotted(view)[1]) == [45]


def test_records_phases_and_calendar(
    qtbot: QtBot, trained: Store, background_reader: BackgroundReader, preferences: Preferences
) -> None:
    trained.ladder._record(Phase.CHECK, at(MONDAY_1, 7), UnlockReason.START)
    trained.ladder._record(Phase.ACTIVATION, at(MONDAY_1, 7, 5), UnlockReason.SQUEEZE_FAILED)
    view = open_view(qtbot, background_reader, preferences)
    rows = {name: (value, day) for name, value, day in view.records.rows()}
    assert rows["Heaviest set"] == ("62.5 kg", "12 Jan 2026")
    assert rows["Most reps in a set"] == ("8 reps", "5 Jan 2026")
    assert rows["Most volume in a session"] == ("960 kg", "5 Jan 2026")
    assert view.phases.rows() == [("Checks", "5 Jan 2026"), ("Glute activation", "5 Jan 2026")]
    assert len(view.chart.phase_positions()) == 2
    # Reached the same day: the two names sit in two rows rather than over each other.
    assert sorted(view.chart.phase_labels_shown()) == ["Checks", "Glute activation"]
    labels = [line.label for line in view.chart.phase_lines.lines]
    assert labels[0].orthoPos != labels[1].orthoPos
    current = view.calendar.findChild(QLabel, "currentStreak")
    longest = view.calendar.findChild(QLabel, "longestStreak")
    # Trained in the weeks of 5 Jan, 12 Jan and 2 Feb: the two empty weeks between break it.
    assert "1 week" in current.text()
    assert "2 weeks" in longest.text()
    assert view.calendar.level_of(MONDAY_1) > 0
    assert view.calendar.level_of(MONDAY_1 + timedelta(days=1)) == 0


def test_a_logged_set_shows_when_the_view_is_next_shown(
    qtbot: QtBot, trained: Store, background_reader: BackgroundReader, preferences: Preferences
) -> None:
    view = open_view(qtbot, background_reader, preferences)
    view.hide()
    trained.sets.add(LoggedSet("romanian-deadlift", at(TODAY), reps=8, weight=65, unit=Unit.KG))
    view.mark_stale()
    assert not view.is_loading()  # hidden: nothing read yet
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    assert plotted(view)[1][-1] == 65
    # "1 year" was pressed: the range moved on to take in the new set.
    low, high = view.chart.x_range()
    assert low <= plotted(view)[0][-1] <= high


def test_a_new_set_weeks_later_comes_into_the_chosen_range(
    qtbot: QtBot, trained: Store, background_reader: BackgroundReader, preferences: Preferences
) -> None:
    view = open_view(qtbot, background_reader, preferences)
    qtbot.mouseClick(view.findChild(QToolButton, "range4Weeks"), Qt.MouseButton.LeftButton)
    later = MONDAY_5 + timedelta(days=45)
    trained.sets.add(LoggedSet("romanian-deadlift", at(later), reps=8, weight=70, unit=Unit.KG))
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.mark_stale()
    low, high = view.chart.x_range()
    assert low <= midday(later) <= high
    assert high - low == pytest.approx(30 * DAY)
    assert view.findChild(QToolButton, "range4Weeks").isChecked()


def test_the_read_out_picks_among_a_days_sets_by_height(
    qtbot: QtBot, store: Store, background_reader: BackgroundReader, preferences: Preferences
) -> None:
    store.sets.add_many(
        [
            LoggedSet("glute-bridge", at(MONDAY_1, 8), 1, reps=12),
            LoggedSet("glute-bridge", at(MONDAY_1, 8, 2), 2, reps=6),
            LoggedSet("glute-bridge", at(MONDAY_2, 8), 1, reps=10),
        ]
    )
    view = open_view(qtbot, background_reader, preferences)
    choose(view, Metric.REPS_PER_SET)
    view.set_range(None)
    x, _y = plotted(view)
    view.chart.hover_at(float(x[0]), 6.2)
    assert view.readout.text() == "Mon 5 Jan 2026 · 6 reps"
    view.chart.hover_at(float(x[0]), 11.5)
    assert view.readout.text() == "Mon 5 Jan 2026 · 12 reps"


def test_an_answer_for_a_view_that_is_gone_is_dropped(
    qtbot: QtBot, trained: Store, background_reader: BackgroundReader
) -> None:
    import threading

    from PySide6.QtWidgets import QWidget
    from shiboken6 import Shiboken

    widget = QWidget()
    answers: list[object] = []
    gate = threading.Event()
    background_reader.submit(
        lambda db: gate.wait(10), answers.append, answers.append, context=widget
    )
    Shiboken.delete(widget)  # gone before the answer is ready
    gate.set()
    done: list[object] = []
    background_reader.submit(lambda db: 2, done.append, done.append)
    qtbot.waitUntil(lambda: done == [2], timeout=10_000)
    assert answers == []


def test_only_the_newest_request_is_shown(
    qtbot: QtBot, trained: Store, background_reader: BackgroundReader, preferences: Preferences
) -> None:
    view = open_view(qtbot, background_reader, preferences)
    shown: list[str | None] = []
    view.loaded.connect(lambda: shown.append(view.current_drill_id()))
    view.drill_box.setCurrentIndex(view.drill_box.findData("glute-bridge"))
    view.refresh()
    view.drill_box.setCurrentIndex(view.drill_box.findData("roll-stretch-hamstrings"))
    view.refresh()
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=10_000)
    assert shown == ["roll-stretch-hamstrings"]


def test_the_chart_saves_as_a_png(
    qtbot: QtBot,
    trained: Store,
    background_reader: BackgroundReader,
    preferences: Preferences,
    tmp_path: Path,
) -> None:
    view = open_view(qtbot, background_reader, preferences)
    target = tmp_path / "rdl"
    messages: list[str] = []
    view.message.connect(messages.append)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(QFileDialog, "saveChartDialog")
    assert dialog.windowTitle() == "Save the chart as"
    assert dialog.nameFilters() == ["PNG images (*.png)"]
    suggested = f"{view.drill_box.currentText()} {datetime.now():%Y-%m-%d}.png"
    assert Path(dialog.selectedFiles()[0]).name == suggested
    assert messages == []
    save_as("saveChartDialog", target)
    saved = tmp_path / "rdl.png"
    assert saved.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert saved.stat().st_size > 5_000
    assert messages == [f"Saved the chart to {saved}."]
    assert view.export_png(tmp_path / "missing" / "x.png") is False
    assert "Cannot save the chart" in messages[-1]


def test_checks_and_warm_ups_alone_leave_nothing_to_chart_but_fill_the_calendar(
    qtbot: QtBot, store: Store, background_reader: BackgroundReader, preferences: Preferences
) -> None:
    from hinge_desktop.domain.training import CheckOutcome

    store.sets.add(LoggedSet("glute-squeeze-test", at(MONDAY_5), result=CheckOutcome.FAIL))
    store.sets.add(LoggedSet("glute-bridge", at(MONDAY_5), reps=12, kind=SetKind.WARMUP))
    view = open_view(qtbot, background_reader, preferences)
    assert view.stack.currentWidget() is not view.empty
    assert view.drill_box.count() == 0
    assert view.chart.plotted()[0].size == 0
    assert view.calendar.level_of(MONDAY_5) > 0
    # The empty chart says why, and its axes show no made-up dates ("00.100") or values.
    note = view.findChild(QLabel, "historyChartEmpty")
    assert note is not None
    assert note.isVisible()
    assert "not charted" in note.text()
    assert axis_texts(view) == []


def test_an_empty_chart_shows_its_axes_again_once_a_drill_is_charted(
    qtbot: QtBot, trained: Store, background_reader: BackgroundReader, preferences: Preferences
) -> None:
    view = open_view(qtbot, background_reader, preferences)
    note = view.findChild(QLabel, "historyChartEmpty")
    assert note is not None
    assert not note.isVisible()
    assert axis_texts(view)
    view.chart.clear()
    assert note.isVisible()
    assert axis_texts(view) == []
    choose_drill(qtbot, view, "glute-bridge")
    assert not note.isVisible()
    assert axis_texts(view)


def axis_texts(view: ProgressView) -> list[str]:
    """The words each axis of both plots would draw now."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    texts: list[str] = []
    try:
        for widget in (view.plot, view.chart.weekly):
            for name in ("left", "bottom"):
                axis = widget.getPlotItem().getAxis(name)
                axis.picture = None
                specs = axis.generateDrawSpecs(painter)
                texts += [str(text[2]) for text in specs[2]] if specs is not None else []
    finally:
        painter.end()
    return texts


def test_a_phase_reached_before_the_range_shown_has_no_name_cut_off_at_its_edge(
    qtbot: QtBot, trained: Store, background_reader: BackgroundReader, preferences: Preferences
) -> None:
    trained.ladder._record(Phase.CHECK, at(MONDAY_1, 7), UnlockReason.START)
    view = open_view(qtbot, background_reader, preferences)
    assert view.chart.phase_labels_shown() == ["Checks"]
    qtbot.mouseClick(view.findChild(QToolButton, "range4Weeks"), Qt.MouseButton.LeftButton)
    low, _high = view.chart.x_range()
    assert view.chart.phase_positions()[0] < low  # 5 January: just before the four weeks
    assert view.chart.phase_labels_shown() == []
    view.set_range(None)
    assert view.chart.phase_labels_shown() == ["Checks"]


def test_the_chart_on_screen_follows_a_change_of_metric_and_range(
    qtbot: QtBot, trained: Store, background_reader: BackgroundReader, preferences: Preferences
) -> None:
    """The axes and data are painted from pictures kept between paints: a change draws them
    anew, so what is on screen is never the chart as it was."""
    view = open_view(qtbot, background_reader, preferences)

    def on_screen() -> QImage:
        image = view.plot.grab().toImage()
        assert not image.isNull()
        return image

    before = on_screen()
    assert on_screen() == before  # nothing changed: the same picture
    choose(view, Metric.VOLUME)
    by_volume = on_screen()
    assert by_volume != before
    qtbot.mouseClick(view.findChild(QToolButton, "rangeAll"), Qt.MouseButton.LeftButton)
    assert on_screen() != by_volume
