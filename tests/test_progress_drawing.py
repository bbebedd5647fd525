"""History → Progress keeps the window answering while it draws what it read: the choices, the
chart, the weekly bars and the calendar each paint in a turn of the event loop of their own, with
timers run between them; a log read again unchanged is drawn without working out the axes again;
and a read that replaces one being drawn never leaves the weekly bars unpainted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from drill_catalogue import CATALOGUE
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.training import LoggedSet, Unit
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.history.progress_data import Metric
from hinge_desktop.ui.history.progress_view import ProgressView
from hinge_desktop.ui.preferences import CHART_UNIT, Preferences
from hinge_desktop.ui.tasks import BackgroundReader

ZONE = timezone(timedelta(hours=1))
TODAY = date(2026, 2, 4)


@pytest.fixture
def view(
    qtbot: QtBot, store: Store, background_reader: BackgroundReader, data_dir: Path
) -> ProgressView:
    """History → Progress on six weeks of Romanian deadlifts, shown and drawn."""
    store.sets.add_many(
        [
            LoggedSet(
                "romanian-deadlift",
                datetime(2026, 1, 1, 18, tzinfo=ZONE) + timedelta(days=day),
                1,
                reps=8,
                weight=40 + day,
                unit=Unit.KG,
            )
            for day in range(0, 35, 3)
        ]
    )
    preferences = Preferences(data_dir / "settings.ini")
    preferences.set(CHART_UNIT, "kg")
    shown = ProgressView(background_reader, CATALOGUE, preferences, today=lambda: TODAY)
    qtbot.addWidget(shown)
    shown.resize(1180, 740)
    with qtbot.waitSignal(shown.loaded, timeout=10_000):
        shown.show()
    settle(qtbot, shown)
    return shown


def settle(qtbot: QtBot, view: ProgressView) -> None:
    """Let every paint the view asked for happen."""
    qtbot.wait(50)


class Recorder(QObject):
    """Records, in order, the paints of some widgets and the ticks of a timer that runs each
    time the event loop looks at its timers."""

    def __init__(self, widgets: dict[str, QWidget]) -> None:
        super().__init__()
        self.events: list[str] = []
        self._names = {id(widget): name for name, widget in widgets.items()}
        for widget in widgets.values():
            widget.installEventFilter(self)
        self._tick = QTimer()
        self._tick.setInterval(0)
        self._tick.timeout.connect(lambda: self.events.append("tick"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.events.append(self._names[id(watched)])
        return False

    def start(self) -> None:
        self.events.clear()
        self._tick.start()

    def stop(self) -> list[str]:
        self._tick.stop()
        return self.events


def painted_in_order(events: list[str]) -> list[str]:
    """The events with ticks in a row taken as one, and repeated paints as one."""
    kept: list[str] = []
    for event in events:
        if not kept or kept[-1] != event:
            kept.append(event)
    return kept


def read_again(qtbot: QtBot, view: ProgressView, action: Callable[[], Any] | None = None) -> None:
    """Read the log again, as after a set is logged, and wait until it is drawn."""
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh()
        if action is not None:
            action()
    settle(qtbot, view)


def test_the_choices_the_chart_the_weekly_bars_and_the_calendar_paint_in_turns_of_their_own(
    qtbot: QtBot, view: ProgressView, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = Recorder(
        {
            "choices": view.metric_box,
            "chart": view.chart.plot.viewport(),
            "weekly": view.chart.weekly.viewport(),
            "calendar": view.calendar.findChild(QWidget, "consistencyGrid"),
        }
    )
    release = view.chart.release_weekly

    def released() -> None:
        recorder.events.append("weekly released")
        release()

    monkeypatch.setattr(view.chart, "release_weekly", released)
    recorder.start()
    read_again(qtbot, view)
    events = painted_in_order(recorder.stop())
    at: dict[str, int] = {}
    for name in ("choices", "chart", "weekly released", "weekly", "calendar"):
        after = max(at.values(), default=0)
        assert name in events[after:], events
        at[name] = events.index(name, after)
    # Between a paint and the next step of drawing, the event loop runs timers (a workout's,
    # the voice's) and answers the person.
    assert "tick" in events[at["choices"] : at["chart"]], events
    assert "tick" in events[at["chart"] : at["weekly released"]], events
    assert "tick" in events[at["weekly"] : at["calendar"]], events


def test_a_log_read_again_unchanged_is_drawn_without_working_out_the_axes_again(
    qtbot: QtBot, view: ProgressView, monkeypatch: pytest.MonkeyPatch
) -> None:
    worked_out: list[str] = []
    for plot in (view.chart.plot, view.chart.weekly):
        for name in ("left", "bottom"):
            axis = plot.getPlotItem().getAxis(name)
            original = axis.generateDrawSpecs

            def counted(painter: Any, original: Any = original, name: str = name) -> Any:
                worked_out.append(name)
                return original(painter)

            monkeypatch.setattr(axis, "generateDrawSpecs", counted)
    value_axis = view.plot.getPlotItem().getAxis("left")
    named = value_axis.labelText
    read_again(qtbot, view)
    assert worked_out == []
    # Another metric names the axes anew, and their ticks are worked out for it.
    view.metric_box.setCurrentIndex(view.metric_box.findData(Metric.SESSION_REPS.value))
    settle(qtbot, view)
    assert sorted(set(worked_out)) == ["left"]
    assert value_axis.labelText != named


def test_a_read_that_replaces_one_being_drawn_leaves_no_weekly_bars_unpainted(
    qtbot: QtBot, view: ProgressView, store: Store
) -> None:
    weekly = view.chart.weekly
    replaced: list[bool] = []
    show_drill = view.chart.show_drill

    def then_read_again(*args: Any, **kwargs: Any) -> None:
        show_drill(*args, **kwargs)
        if not replaced:  # a set logged as the chart is drawn: its other steps are dropped
            replaced.append(not weekly.updatesEnabled())
            view.refresh()

    view.chart.show_drill = then_read_again  # type: ignore[method-assign]
    read_again(qtbot, view)
    assert replaced == [True]
    assert weekly.updatesEnabled()
    # The same when the newer read finds the log emptied.
    replaced.clear()
    read_again(
        qtbot, view, lambda: store.sets.delete_many([logged.id for logged in store.sets.all()])
    )
    assert weekly.updatesEnabled()
    assert view.stack.currentWidget() is view.empty


def test_history_shown_after_a_change_paints_what_it_has_before_it_reads_the_log(
    qtbot: QtBot, view: ProgressView
) -> None:
    view.hide()
    view.mark_stale()  # a set logged while another view is shown
    reading_at_paint: list[bool] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                reading_at_paint.append(view.is_loading())
            return False

    watch = Watch()
    view.chart.plot.viewport().installEventFilter(watch)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    # The page is painted at once without a read slowing it down; then the log is read.
    assert reading_at_paint[:1] == [False]
    assert True in reading_at_paint
