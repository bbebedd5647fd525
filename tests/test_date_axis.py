"""The progress charts' date axis puts its ticks and their words where pyqtgraph's UTC date
axis puts them, from a week to ten years, without asking for the time zone at every tick."""

from __future__ import annotations

from datetime import UTC, datetime

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QDateTime
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hinge_desktop.ui.history.date_axis import UtcDateAxis

DAY = 86_400
END = datetime(2026, 3, 11, tzinfo=UTC).timestamp()


def ticks(axis: pg.DateAxisItem, days: int, width: int) -> list[tuple[float, list[object]]]:
    """The tick values and their words the axis gives ``days`` up to END over ``width`` px."""
    axis.fontMetrics = QFontMetrics(QApplication.font())  # as its first paint sets them
    low, high = END - days * DAY, END
    axis.setZoomLevelForDensity((high - low) / width)
    found: list[tuple[float, list[object]]] = []
    for spacing, values in axis.tickValues(low, high, width):
        found.append((spacing, [round(v, 3) for v in values]))
        found.append((spacing, axis.tickStrings(values, 1.0, spacing)))
    return found


@pytest.mark.parametrize("days", [7, 28, 91, 365, 3 * 365, 10 * 365])
@pytest.mark.parametrize("width", [420, 774])
def test_the_same_ticks_as_pyqtgraphs_utc_axis(qtbot: QtBot, days: int, width: int) -> None:
    assert ticks(UtcDateAxis(), days, width) == ticks(pg.DateAxisItem(utcOffset=0), days, width)


def test_no_time_zone_is_looked_up(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    looked_up: list[object] = []
    original = QDateTime.timeZone

    def time_zone(self: QDateTime) -> object:
        looked_up.append(self)
        return original(self)

    monkeypatch.setattr(QDateTime, "timeZone", time_zone)
    assert ticks(UtcDateAxis(), 365, 774)
    assert looked_up == []
    assert ticks(pg.DateAxisItem(utcOffset=0), 365, 774)
    assert looked_up  # pyqtgraph's own asks at every tick
