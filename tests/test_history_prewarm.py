"""History made ready while the window is idle: once prewarmed, its first show finds the page
laid out at the size it is shown at and its charts drawn, so the show only paints. The prewarm
reads the data first when nothing was read yet, and stops when History is shown before it is
done."""

from __future__ import annotations

import gc
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hinge_window import HingeWindow, StartHinge
from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.training import LoggedSet, Unit
from hinge_desktop.storage.store import Store
from hinge_desktop.ui import gc_pauses
from hinge_desktop.ui.history import progress_loader
from hinge_desktop.ui.history.prewarm import page_of, tiles
from hinge_desktop.ui.history.progress_view import ProgressView
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.tasks import BackgroundReader


def train(store: Store, weeks: int = 30) -> None:
    """Romanian deadlifts twice a week (the most trained drill) and a few glute bridges."""
    now = datetime.now().astimezone().replace(hour=8, minute=0, second=0, microsecond=0)
    sets = [
        LoggedSet(
            "romanian-deadlift",
            now - timedelta(weeks=week, days=day, minutes=number),
            number,
            reps=8,
            weight=60.0 + weeks - week,
            unit=Unit.KG,
        )
        for week in range(weeks)
        for day in (0, 3)
        for number in (1, 2, 3)
    ]
    sets += [LoggedSet("glute-bridge", now - timedelta(days=day), 1, reps=12) for day in (1, 8)]
    store.sets.add_many(sets)


class Resizes(QObject):
    """Counts the resize events a widget gets."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.count += 1
        return False


def prewarmed(qtbot: QtBot, hinge: HingeWindow) -> None:
    warming = hinge.views.progress.prewarm()
    with qtbot.waitSignal(warming.finished, timeout=20_000):
        pass
    assert warming.is_done()


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def test_the_first_show_after_the_prewarm_finds_history_laid_out_and_drawn(
    qtbot: QtBot, start_hinge: StartHinge, store: Store
) -> None:
    train(store)
    hinge = start_hinge(view="drills")
    progress = hinge.views.progress
    progress.refresh()  # as the start does once the window is ready
    prewarmed(qtbot, hinge)

    assert not progress.isVisible()
    assert progress.current_drill_id() == "romanian-deadlift"
    x, _y = progress.chart.plotted()
    assert x.size == 60
    item = progress.plot.getPlotItem()
    assert item.getAxis("bottom").picture is not None  # the dates drawn once, kept
    assert item.getAxis("left").picture is not None
    warmed_size = progress.plot.size()
    resizes = Resizes(progress.plot)

    hinge.show("history")
    qtbot.waitUntil(progress.isVisible)
    settle()
    assert resizes.count == 0
    assert progress.plot.size() == warmed_size
    assert hinge.views.progress.current_drill_id() == "romanian-deadlift"


def test_the_prewarm_reads_the_data_when_nothing_was_read_yet(
    qtbot: QtBot, start_hinge: StartHinge, store: Store
) -> None:
    train(store, weeks=3)
    hinge = start_hinge(view="drills")
    prewarmed(qtbot, hinge)
    assert hinge.views.progress.current_drill_id() == "romanian-deadlift"
    assert not hinge.views.progress.isVisible()


def test_shown_before_it_is_done_the_prewarm_stops(
    qtbot: QtBot, start_hinge: StartHinge, store: Store
) -> None:
    train(store, weeks=3)
    hinge = start_hinge(view="drills")
    progress = hinge.views.progress
    assert progress.wait_until_loaded()
    warming = progress.prewarm()
    assert warming.is_running()
    with qtbot.waitSignal(warming.finished, timeout=20_000):
        hinge.show("history")
    assert warming.is_done()
    assert warming.steps_done < 4
    assert progress.isVisible()


def test_the_prewarm_warms_the_page_the_window_shows_history_on(
    qtbot: QtBot, start_hinge: StartHinge, store: Store
) -> None:
    train(store, weeks=3)
    hinge = start_hinge(view="drills")
    prewarmed(qtbot, hinge)
    page = page_of(hinge.views.progress)
    assert page.objectName() == "historyViewPlace"
    assert not page.isVisible()
    stack = page.parentWidget()
    assert isinstance(stack, QStackedWidget)
    shown = stack.currentWidget()
    assert shown is not page
    assert shown.isVisible()
    assert page.geometry() == shown.geometry()


def test_a_page_is_painted_in_tiles_that_cover_it() -> None:
    parts = tiles(QSize(1080, 759), QSize(400, 260))
    assert len(parts) == 9
    assert sum(part.width() * part.height() for part in parts) == 1080 * 759
    assert parts[-1].right() == 1079
    assert parts[-1].bottom() == 758


def test_a_view_that_is_a_window_of_its_own_is_left_as_it_is(
    qtbot: QtBot, store: Store, catalogue: Catalogue, tmp_path: Path
) -> None:
    train(store, weeks=2)
    reader = BackgroundReader(store.path)
    try:
        view = ProgressView(reader, catalogue, Preferences(tmp_path / "settings.ini"))
        qtbot.addWidget(view)
        warming = view.prewarm()
        with qtbot.waitSignal(warming.finished, timeout=20_000):
            pass
        assert warming.steps_done == 0
        assert view.current_drill_id() == "romanian-deadlift"  # read all the same
    finally:
        reader.shutdown()


def test_the_read_runs_off_the_gui_thread_with_the_collector_held_back(
    qtbot: QtBot, start_hinge: StartHinge, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pass of the collector on the reader's thread could free a widget there, and the
    window waits for the GIL at most half a millisecond while the read runs."""
    train(store, weeks=3)
    hinge = start_hinge(view="drills")
    seen: list[tuple[bool, bool, float]] = []
    real_load = progress_loader.load_progress

    def load(*args: Any, **kwargs: Any) -> Any:
        on_gui = threading.current_thread() is threading.main_thread()
        seen.append((on_gui, gc.isenabled(), sys.getswitchinterval()))
        return real_load(*args, **kwargs)

    monkeypatch.setattr(progress_loader, "load_progress", load)
    hinge.views.progress.refresh()
    assert hinge.views.progress.wait_until_loaded()
    assert seen == [(False, False, gc_pauses.IMPORT_SWITCH_INTERVAL)]
    assert gc.isenabled()
