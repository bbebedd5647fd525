"""The consistency calendar: a year of training days, their levels, the streaks and tooltips."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.statistics import Streaks
from hinge_desktop.ui.history.consistency_calendar import ConsistencyCalendar
from hinge_desktop.ui.shell import theme

TODAY = date(2026, 3, 11)  # a Wednesday
NO_STREAKS = Streaks(0, 0, None, None)
# Three ordinary days of 3 sets and one big day of 6: the big one is the top level, the others
# sit mid-range. A huge day from before the calendar's first column and one after today are not
# shown and change nothing.
COUNTS = {
    date(2026, 2, 17): 3,
    date(2026, 2, 24): 3,
    date(2026, 3, 2): 3,
    date(2026, 3, 3): 6,
    date(2025, 3, 1): 50,
    date(2026, 3, 12): 20,
}


@pytest.fixture(autouse=True)
def british_english() -> Iterator[None]:
    """Dates and month names in a known language, whatever the machine's locale."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


def make_calendar(qtbot: QtBot) -> ConsistencyCalendar:
    calendar = ConsistencyCalendar()
    qtbot.addWidget(calendar)
    calendar.resize(calendar.sizeHint())
    calendar.show()
    qtbot.waitExposed(calendar)
    return calendar


def label(calendar: ConsistencyCalendar, name: str) -> str:
    found = calendar.findChild(QLabel, name)
    assert found is not None, name
    return found.text()


def test_named_for_tests_and_screen_readers(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    assert calendar.objectName() == "consistencyCalendar"
    assert calendar.accessibleName()


def test_levels_of_the_days_on_show(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    calendar.set_days(COUNTS, TODAY, NO_STREAKS)
    assert calendar.level_of(date(2026, 3, 3)) == 4
    for day in (date(2026, 2, 17), date(2026, 2, 24), date(2026, 3, 2)):
        assert calendar.level_of(day) == 2
    assert calendar.level_of(date(2026, 3, 4)) == 0
    assert calendar.level_of(date(2025, 3, 1)) == 0
    assert calendar.level_of(date(2026, 3, 12)) == 0
    assert label(calendar, "daysTrained") == "4 days trained in the last year"


def test_streak_labels(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    # The longest streak's first week starts on Monday 31 March but was trained in April.
    counts = {**COUNTS, date(2025, 4, 2): 4, date(2025, 7, 9): 4}
    streaks = Streaks(
        current=3, longest=15, longest_start=date(2025, 3, 31), longest_end=date(2025, 7, 7)
    )
    calendar.set_days(counts, TODAY, streaks)
    assert label(calendar, "currentStreak") == "Current streak: 3 weeks"
    assert label(calendar, "longestStreak") == "Longest: 15 weeks\n(Apr 2025 – Jul 2025)"


def test_streak_labels_in_the_singular(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    calendar.set_days(
        {date(2026, 3, 10): 2}, TODAY, Streaks(1, 1, date(2026, 3, 9), date(2026, 3, 9))
    )
    assert label(calendar, "currentStreak") == "Current streak: 1 week"
    assert label(calendar, "longestStreak") == "Longest: 1 week\n(Mar 2026)"
    assert label(calendar, "daysTrained") == "1 day trained in the last year"


def test_an_empty_year(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    calendar.set_days({}, TODAY, NO_STREAKS)
    assert label(calendar, "currentStreak") == "Current streak: 0 weeks"
    assert label(calendar, "longestStreak") == "Longest: 0 weeks"
    assert label(calendar, "daysTrained") == "0 days trained in the last year"
    day = TODAY
    while day > TODAY - timedelta(days=371):
        assert calendar.level_of(day) == 0
        day -= timedelta(days=1)


@pytest.mark.parametrize(
    "day",
    [
        TODAY,
        date(2026, 3, 9),  # this week's Monday: top of the last column
        date(2025, 3, 10),  # the first column's Monday: 52 weeks earlier
        date(2025, 3, 16),  # the first column's Sunday
        date(2025, 12, 31),
    ],
)
def test_day_at_the_centre_of_its_square(qtbot: QtBot, day: date) -> None:
    calendar = make_calendar(qtbot)
    calendar.set_days(COUNTS, TODAY, NO_STREAKS)
    assert calendar.day_at(calendar.square_of(day).center()) == day


def test_no_day_where_none_is_drawn(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    calendar.set_days(COUNTS, TODAY, NO_STREAKS)
    # Thursday of this week has not happened yet: not drawn.
    assert calendar.day_at(calendar.square_of(TODAY + timedelta(days=1)).center()) is None
    # Left of the first column, where the weekday names are.
    monday = calendar.square_of(date(2025, 3, 10))
    assert calendar.day_at(QPoint(monday.left() - 5, monday.center().y())) is None
    # Over the streak summary.
    summary = calendar.findChild(QLabel, "currentStreak")
    assert summary is not None
    assert calendar.day_at(summary.geometry().center()) is None


def test_the_squares_are_one_column_per_week(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    calendar.set_days(COUNTS, TODAY, NO_STREAKS)
    monday, sunday = calendar.square_of(date(2026, 3, 2)), calendar.square_of(date(2026, 3, 8))
    next_monday = calendar.square_of(date(2026, 3, 9))
    assert monday.left() == sunday.left()
    assert sunday.top() > monday.top()
    assert next_monday.left() > monday.right()
    assert next_monday.top() == monday.top()
    assert 10 <= monday.width() <= 14


def test_tooltips(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    calendar.set_days({**COUNTS, date(2026, 3, 5): 1}, TODAY, NO_STREAKS)
    assert calendar.tooltip_for(date(2026, 3, 3)) == "Tue 3 Mar 2026: 6 sets"
    assert calendar.tooltip_for(date(2026, 3, 5)) == "Thu 5 Mar 2026: 1 set"
    assert calendar.tooltip_for(date(2026, 3, 4)) == "Wed 4 Mar 2026: no training"


# The offscreen platform has no window stacking to raise the tooltip in.
@pytest.mark.qt_log_ignore("This plugin does not support raise\\(\\)")
def test_hovering_a_day_shows_its_tooltip(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    calendar.set_days(COUNTS, TODAY, NO_STREAKS)
    centre = calendar.square_of(date(2026, 2, 24)).center()
    target = calendar.childAt(centre)
    assert isinstance(target, QWidget)
    local = target.mapFrom(calendar, centre)
    event = QHelpEvent(QEvent.Type.ToolTip, local, target.mapToGlobal(local))
    QApplication.sendEvent(target, event)
    try:
        assert QToolTip.text() == "Tue 24 Feb 2026: 3 sets"
    finally:
        QToolTip.hideText()


def test_fits_its_space(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    hint, minimum = calendar.sizeHint(), calendar.minimumSizeHint()
    assert hint.width() <= 1050
    assert hint.height() <= 150
    assert minimum.width() <= hint.width()
    assert minimum.height() <= hint.height()
    assert minimum.width() > 53 * 8


def pixel(image: QImage, calendar: ConsistencyCalendar, day: date) -> QColor:
    point = calendar.square_of(day).center() * image.devicePixelRatio()
    return image.pixelColor(point)


@pytest.mark.parametrize("scheme", [theme.LIGHT, theme.DARK])
def test_renders_levels_in_light_and_dark(qtbot: QtBot, scheme: str) -> None:
    calendar = ConsistencyCalendar()
    qtbot.addWidget(calendar)
    calendar.setPalette(theme.palette_for(scheme))
    calendar.setAutoFillBackground(True)
    calendar.set_days({**COUNTS, date(2026, 3, 6): 1}, TODAY, NO_STREAKS)
    calendar.resize(calendar.sizeHint())
    calendar.show()
    qtbot.waitExposed(calendar)
    image = calendar.grab().toImage()
    assert not image.isNull()
    assert image.width() >= calendar.sizeHint().width()

    background = QColor(theme.palette_for(scheme).window().color())
    empty = pixel(image, calendar, date(2026, 3, 4))
    lowest = pixel(image, calendar, date(2026, 3, 6))
    middle = pixel(image, calendar, date(2026, 3, 2))
    top = pixel(image, calendar, date(2026, 3, 3))
    future = pixel(image, calendar, TODAY + timedelta(days=2))
    # Each level reads apart from the empty square and from the others; the future is not drawn.
    colours = [background, empty, lowest, middle, top]
    assert len({colour.rgb() for colour in colours}) == len(colours)
    assert future.rgb() == background.rgb()
    # The accent gets stronger with the level: further from the empty square each time.
    distances = [_distance(empty, colour) for colour in (lowest, middle, top)]
    assert distances == sorted(distances)


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_a_change_of_colours_or_days_after_a_paint_is_drawn(qtbot: QtBot) -> None:
    """The squares are painted from a picture kept between paints: a new palette or new days
    draw it again."""
    calendar = ConsistencyCalendar()
    qtbot.addWidget(calendar)
    calendar.setPalette(theme.palette_for(theme.LIGHT))
    calendar.set_days(COUNTS, TODAY, NO_STREAKS)
    calendar.resize(calendar.sizeHint())
    calendar.show()
    qtbot.waitExposed(calendar)
    light = pixel(calendar.grab().toImage(), calendar, date(2026, 3, 4))

    calendar.setPalette(theme.palette_for(theme.DARK))
    dark = pixel(calendar.grab().toImage(), calendar, date(2026, 3, 4))
    assert dark.lightness() < light.lightness()

    calendar.set_days({**COUNTS, date(2026, 3, 4): 3}, TODAY, NO_STREAKS)
    trained = pixel(calendar.grab().toImage(), calendar, date(2026, 3, 4))
    assert trained.rgb() != dark.rgb()
    assert trained.rgb() == pixel(calendar.grab().toImage(), calendar, date(2026, 3, 2)).rgb()
