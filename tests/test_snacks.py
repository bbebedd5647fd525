"""Activation snacks: the goal of the day (twice on desk days, once on the others), the streak of
days with one, the snack routine at every rung, what the log counts as a snack, and the start
page's card that starts one in a click and shows it done."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from hinge_window import HingeWindow, StartHinge
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.routines import snack_routine
from hinge_desktop.domain.snacks import (
    DAILY_ACTIVATION_ID,
    SNACK_ROUTINE_ID,
    SnackSummary,
    read_days,
    snack_goal,
    snack_streak,
    snack_summary,
    write_days,
)
from hinge_desktop.domain.statistics import Streaks
from hinge_desktop.domain.training import LoggedSet, Workout
from hinge_desktop.storage.database import Database, open_reader
from hinge_desktop.storage.snack_queries import snacks_by_day
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.history.consistency_calendar import ConsistencyCalendar
from hinge_desktop.ui.preferences import DESK_DAYS

MONDAY = date(2026, 12, 7)
SATURDAY = date(2026, 12, 12)


def test_a_desk_day_asks_for_two_snacks_and_another_day_for_one() -> None:
    assert snack_goal(MONDAY) == 2
    assert snack_goal(SATURDAY) == 1
    assert snack_goal(SATURDAY, desk_days={6}) == 2
    assert snack_goal(MONDAY, desk_days=set()) == 1


def test_the_streak_counts_days_in_a_row_and_today_without_one_yet_does_not_break_it() -> None:
    days = {MONDAY - timedelta(days=n): 1 for n in range(1, 4)}  # Friday to Sunday
    assert snack_streak(days, MONDAY) == 3  # today still to come
    assert snack_streak({**days, MONDAY: 2}, MONDAY) == 4
    assert snack_streak(days, MONDAY + timedelta(days=1)) == 0  # a day missed
    gap = {MONDAY: 1, MONDAY - timedelta(days=2): 1}
    assert snack_streak(gap, MONDAY) == 1
    assert snack_streak({}, MONDAY) == 0


def test_the_summary_is_today_against_the_goal() -> None:
    summary = snack_summary({MONDAY: 2, MONDAY - timedelta(days=1): 1}, MONDAY)
    assert (summary.done, summary.goal, summary.streak_days, summary.goal_met) == (2, 2, 2, True)
    assert not snack_summary({MONDAY: 1}, MONDAY).goal_met


def test_desk_days_are_read_leniently_and_written_in_order() -> None:
    assert read_days("1,2,3,4,5") == {1, 2, 3, 4, 5}
    assert read_days(" 7, 1,x,9,,0 ") == {1, 7}
    assert read_days("") == frozenset()
    assert write_days({5, 1, 3}) == "1,3,5"


@pytest.mark.parametrize("rung", list(Phase))
def test_the_snack_takes_two_to_five_minutes_of_drills_the_person_has_reached(
    rung: Phase, catalogue: Catalogue
) -> None:
    routine = snack_routine(catalogue, rung)
    assert routine is not None
    assert routine.minutes == (2, 5)
    assert 120 <= routine.to_plan().seconds(catalogue) <= 300
    assert routine.entries[0].drill_id == "glute-bridge"
    for entry in routine.entries:
        drill = catalogue.get(entry.drill_id)
        assert drill.phase <= max(rung, Phase.ACTIVATION), drill.id
        assert not drill.equipment, f"{drill.id} needs kit by the desk"
        assert entry.sets == 1


NOW = datetime(2026, 12, 7, 10, 30).astimezone()


@pytest.fixture
def reader(store: Store) -> Iterator[Database]:
    connection = open_reader(store.path)
    yield connection
    connection.close()


def session(store: Store, routine_id: str | None, at: datetime, sets: int = 1) -> None:
    workout = store.workouts.start(Workout(at, routine_id=routine_id, name="A session"))
    for n in range(sets):
        store.sets.add(
            LoggedSet("glute-bridge", at + timedelta(minutes=n), reps=12, workout_id=workout.id)
        )


def test_the_log_counts_sessions_of_a_snack_routine_with_a_set_by_their_local_day(
    store: Store, reader: Database
) -> None:
    session(store, SNACK_ROUTINE_ID, NOW)
    session(store, DAILY_ACTIVATION_ID, NOW + timedelta(hours=5), sets=3)
    session(store, SNACK_ROUTINE_ID, NOW - timedelta(days=1))
    session(store, SNACK_ROUTINE_ID, NOW - timedelta(days=1, hours=1), sets=0)  # nothing logged
    session(store, "builtin.phase-1", NOW)  # training, not a snack
    session(store, None, NOW)  # a single drill
    session(store, SNACK_ROUTINE_ID, NOW - timedelta(days=30))  # before the window asked for
    today = NOW.date()
    assert snacks_by_day(reader, today - timedelta(days=7), today) == {
        today: 2,
        today - timedelta(days=1): 1,
    }


class Today(HingeWindow):
    def card(self, part: str) -> str:
        return self.widget(QLabel, f"todaySnacks{part}").text()


def test_a_snack_starts_from_today_in_one_click_and_counts_once_logged(
    start_hinge: StartHinge,
) -> None:
    hinge = start_hinge(Today)
    hinge.preferences.set(DESK_DAYS, "1,2,3,4,5,6,7")  # every day a desk day: two asked for
    today = hinge.views.today
    today.refresh()
    assert today.wait_until_loaded()
    assert hinge.card("Value") == "0 of 2 today"
    hinge.click("todayStartSnackButton")
    assert hinge.window.current_view() == "workout"
    plan = hinge.views.workout.plan()
    assert plan is not None
    assert plan.routine_id == SNACK_ROUTINE_ID
    hinge.log_first_set()
    hinge.show("today")
    assert today.wait_until_loaded()
    assert hinge.card("Value") == "1 of 2 today"
    assert "1 day in a row" in hinge.card("Detail")


def test_the_calendar_dots_the_days_with_a_snack_and_counts_them_beside(qtbot: QtBot) -> None:
    calendar = ConsistencyCalendar()
    today = MONDAY
    yesterday = today - timedelta(days=1)
    calendar.set_days(
        {today: 3, yesterday: 5},
        today,
        Streaks(current=1, longest=1, longest_start=None, longest_end=None),
        {today: 1, yesterday: 2, today - timedelta(days=900): 1},  # the last: not on show
        SnackSummary(done=1, goal=2, streak_days=2),
    )
    assert "2 activation snacks" in calendar.tooltip_for(yesterday)
    assert "snack" not in calendar.tooltip_for(today - timedelta(days=3))
    label = calendar.findChild(QLabel, "snackStreak")
    assert label is not None
    assert label.text() == "Activation snacks today: 1 of 2\n2 days in a row with a snack"
    calendar.set_days({}, today, Streaks(0, 0, None, None))  # nothing counted: no line
    assert label.isHidden()
    calendar.deleteLater()
