"""History fits a 1280x720 window (a laptop at 150 %) and a 1024x600 one without scrolling as a
whole: the chart takes the height there is, its date axis in sight."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hinge_window import StartHinge
from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from hinge_desktop.domain.training import LoggedSet, Unit


@pytest.mark.parametrize("size", [QSize(1280, 720), QSize(1024, 600)])
def test_history_is_not_scrolled_as_a_whole_and_its_chart_is_in_sight(
    start_hinge: StartHinge, size: QSize
) -> None:
    hinge = start_hinge(shown=False)
    now = datetime.now().astimezone().replace(hour=8, minute=0, second=0, microsecond=0)
    for week in range(52):
        for number in (1, 2, 3):
            hinge.store.sets.add(
                LoggedSet(
                    "romanian-deadlift",
                    now - timedelta(weeks=week, minutes=number),
                    number,
                    reps=8 + number,
                    weight=60.0 + (52 - week),
                    unit=Unit.KG,
                )
            )
    hinge.window.resize(size)
    hinge.show_window()
    hinge.show("history")
    assert hinge.views.progress.wait_until_loaded()
    for _ in range(5):
        QApplication.processEvents()
    place = hinge.widget(QScrollArea, "historyViewPlace")
    assert place.verticalScrollBar().maximum() == 0
    plot = hinge.widget(QWidget, "historyPlot")
    bottom = plot.mapTo(hinge.window, QPoint(0, plot.height())).y()
    assert bottom <= hinge.window.height() - hinge.window.statusBar().height()
