"""Snack reminders through a working day, with the time given: at their times on the chosen
days, once each, snoozed, skipped, dismissed, held back while the person cannot be disturbed,
never replayed as a burst after Hinge was closed, and none once the day's snacks are done."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from working_day import MONDAY, at, half_minutes

from hinge_desktop.domain.reminders import (
    GRACE,
    QUIET_LIMIT,
    SNOOZE,
    Answer,
    Reminder,
    ReminderRecord,
    ReminderSchedule,
    ReminderSettings,
    next_reminder,
    read_record,
    read_times,
    write_record,
    write_times,
)

SATURDAY = date(2026, 12, 12)
ON = ReminderSettings(enabled=True)


def run_day(
    schedule: ReminderSchedule,
    start: datetime,
    end: datetime,
    answer: Answer | None = Answer.DISMISSED,
    quiet: tuple[datetime, datetime] | None = None,
) -> list[tuple[datetime, time]]:
    """Ask every half minute from ``start`` to ``end``, answering each reminder at once;
    returns when each came and what it was set for."""
    shown = []
    for now, hushed in half_minutes(start, end, quiet):
        reminder = schedule.due(now, quiet=hushed)
        if reminder is not None:
            shown.append((now, reminder.at))
            if answer is not None:
                schedule.answered(reminder, answer, now)
    return shown


def test_two_reminders_come_at_their_times_once_each() -> None:
    shown = run_day(ReminderSchedule(ON), at(8), at(20))
    assert shown == [(at(10, 30), time(10, 30)), (at(15), time(15))]


def test_off_or_on_another_day_nothing_comes() -> None:
    assert run_day(ReminderSchedule(ReminderSettings()), at(8), at(20)) == []
    assert run_day(ReminderSchedule(ON), at(8, day=SATURDAY), at(20, day=SATURDAY)) == []
    weekend = ReminderSettings(enabled=True, days=frozenset({6}))
    assert len(run_day(ReminderSchedule(weekend), at(8, day=SATURDAY), at(20, day=SATURDAY))) == 2


def test_a_snooze_brings_it_back_fifteen_minutes_later_and_a_dismissal_ends_it() -> None:
    schedule = ReminderSchedule(ON)
    first = schedule.due(at(10, 30))
    assert first == Reminder(MONDAY, time(10, 30))
    schedule.answered(first, Answer.SNOOZE, at(10, 31))
    assert run_day(schedule, at(10, 31), at(10, 45)) == []
    again = schedule.due(at(10, 31) + SNOOZE)
    assert again == first
    schedule.answered(again, Answer.DISMISSED, at(10, 47))
    assert run_day(schedule, at(10, 47), at(14, 59)) == []  # dismissed: not back that day
    assert schedule.due(at(15)) == Reminder(MONDAY, time(15))  # the next one still comes


def test_skip_today_ends_the_day_and_tomorrow_starts_afresh() -> None:
    schedule = ReminderSchedule(ON)
    schedule.answered(schedule.due(at(10, 30)), Answer.SKIP_TODAY, at(10, 30))  # type: ignore[arg-type]
    assert run_day(schedule, at(10, 31), at(23, 59)) == []
    tuesday = MONDAY + timedelta(days=1)
    assert len(run_day(schedule, at(8, day=tuesday), at(20, day=tuesday))) == 2


def test_nothing_new_comes_while_one_is_shown_and_a_lost_one_lapses() -> None:
    close = ReminderSettings(enabled=True, times=(time(10, 30), time(10, 50)))
    # Never answered: the 10:50 one does not pile on top of it.
    assert run_day(ReminderSchedule(close), at(10), at(12), answer=None) == [
        (at(10, 30), time(10, 30))
    ]
    # A notification lost (never answered) lapses after an hour; the next day's go on.
    assert run_day(ReminderSchedule(ON), at(10), at(16), answer=None) == [
        (at(10, 30), time(10, 30)),
        (at(15), time(15)),
    ]


def test_a_locked_screen_holds_a_reminder_back_until_it_ends() -> None:
    schedule = ReminderSchedule(ON)
    shown = run_day(schedule, at(10), at(12), quiet=(at(10, 20), at(11, 5)))
    assert shown == [(at(11, 5), time(10, 30))]


def test_a_reminder_held_back_too_long_is_dropped() -> None:
    schedule = ReminderSchedule(ON)
    quiet_until = at(10, 30) + QUIET_LIMIT + timedelta(minutes=5)
    shown = run_day(schedule, at(10), at(14), quiet=(at(10), quiet_until))
    assert shown == []
    assert time(10, 30) in schedule.record.handled


def test_reminders_missed_while_hinge_was_closed_are_not_replayed() -> None:
    schedule = ReminderSchedule(ON)
    assert schedule.due(at(16)) is None  # started at four: both were long past
    assert schedule.record.handled == {time(10, 30), time(15)}
    just_after = ReminderSchedule(ON)
    assert just_after.due(at(10, 30) + GRACE - timedelta(minutes=1)) is not None


def test_several_due_at_once_come_as_one() -> None:
    close = ReminderSettings(enabled=True, times=(time(10, 30), time(10, 40)))
    schedule = ReminderSchedule(close)
    # The computer woke at 10:45: both are within their grace, one reminder is shown.
    assert schedule.due(at(10, 45)) == Reminder(MONDAY, time(10, 40))
    assert schedule.record.handled == {time(10, 30)}


def test_none_comes_once_the_day_s_snacks_are_done() -> None:
    schedule = ReminderSchedule(ON)
    assert schedule.due(at(10, 30), snacks_left=0) is None
    assert schedule.due(at(10, 35)) is None  # handled, even if a snack is undone later


def test_what_was_handled_today_survives_a_restart_and_not_into_tomorrow() -> None:
    schedule = ReminderSchedule(ON)
    schedule.answered(schedule.due(at(10, 30)), Answer.START, at(10, 31))  # type: ignore[arg-type]
    restarted = ReminderSchedule(ON, record=schedule.record)
    assert restarted.due(at(10, 35)) is None  # within the grace, but answered already
    assert restarted.due(at(15)) is not None
    tomorrow = ReminderSchedule(ON, record=schedule.record)
    assert tomorrow.due(at(10, 30, day=MONDAY + timedelta(days=1))) is not None


def test_a_whole_working_week_with_locks_snoozes_and_skips() -> None:
    schedule = ReminderSchedule(ON)
    shown: list[tuple[datetime, time]] = []
    for offset in range(7):
        day = MONDAY + timedelta(days=offset)
        if offset == 1:  # Tuesday: snoozed once, then started
            first = schedule.due(at(10, 30, day))
            assert first is not None
            schedule.answered(first, Answer.SNOOZE, at(10, 30, day))
            shown.append((at(10, 30, day), first.at))
            shown += run_day(schedule, at(10, 31, day), at(20, day=day), answer=Answer.START)
        elif offset == 2:  # Wednesday: skipped at the first
            first = schedule.due(at(10, 30, day))
            assert first is not None
            schedule.answered(first, Answer.SKIP_TODAY, at(10, 30, day))
            shown.append((at(10, 30, day), first.at))
            shown += run_day(schedule, at(10, 31, day), at(20, day=day))
        elif offset == 3:  # Thursday: locked over lunch, past three
            shown += run_day(
                schedule, at(8, day=day), at(20, day=day), quiet=(at(12, 0, day), at(15, 40, day))
            )
        else:
            shown += run_day(schedule, at(8, day=day), at(20, day=day))
    tuesday, wednesday, thursday = (MONDAY + timedelta(days=n) for n in (1, 2, 3))
    assert [moment for moment, _ in shown] == [
        at(10, 30),
        at(15),
        at(10, 30, tuesday),
        at(10, 45, tuesday),
        at(15, 0, tuesday),
        at(10, 30, wednesday),
        at(10, 30, thursday),
        at(15, 40, thursday),
        at(10, 30, MONDAY + timedelta(days=4)),
        at(15, 0, MONDAY + timedelta(days=4)),
    ]


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("10:30,15:00", (time(10, 30), time(15))),
        (" 15:00 , 7:05,, 25:00, x ", (time(7, 5), time(15))),
        ("", ()),
        ("9:00,9:00,10:00,11:00,12:00,13:00", (time(9), time(10), time(11), time(12))),
    ],
)
def test_times_are_read_leniently_in_order_and_at_most_four(
    text: str, times: tuple[time, ...]
) -> None:
    assert read_times(text) == times


def test_times_are_written_as_read() -> None:
    assert write_times((time(15), time(10, 30))) == "10:30,15:00"
    assert read_times(write_times(read_times("7:05,15:00"))) == (time(7, 5), time(15))


def test_a_record_is_for_one_day() -> None:
    record = ReminderRecord(MONDAY, frozenset({time(10, 30)}), skipped=True)
    assert record.for_day(MONDAY) is record
    assert record.for_day(SATURDAY) == ReminderRecord(SATURDAY)


def test_a_record_is_kept_as_text_and_read_back() -> None:
    record = ReminderRecord(MONDAY, frozenset({time(10, 30), time(15)}), skipped=True)
    assert write_record(record) == "2026-12-07|10:30,15:00|skipped"
    assert read_record(write_record(record)) == record
    assert read_record(write_record(ReminderRecord(MONDAY))) == ReminderRecord(MONDAY)
    assert read_record("") == ReminderRecord()
    assert read_record("yesterday|10:30|") == ReminderRecord()
    assert write_record(ReminderRecord()) == ""


def test_the_next_reminder_is_the_next_time_on_a_chosen_day_not_skipped() -> None:
    assert next_reminder(ON, ReminderRecord(), at(9)) == at(10, 30)
    assert next_reminder(ON, ReminderRecord(), at(11)) == at(15)
    friday = MONDAY + timedelta(days=4)
    assert next_reminder(ON, ReminderRecord(), at(16, day=friday)) == at(
        10, 30, MONDAY + timedelta(days=7)
    )
    skipped = ReminderRecord(MONDAY, skipped=True)
    assert next_reminder(ON, skipped, at(9)) == at(10, 30, MONDAY + timedelta(days=1))
    done = ReminderRecord(MONDAY, frozenset({time(10, 30)}))
    assert next_reminder(ON, done, at(9)) == at(15)
    assert next_reminder(ReminderSettings(), ReminderRecord(), at(9)) is None
    assert (
        next_reminder(ReminderSettings(enabled=True, days=frozenset()), ReminderRecord(), at(9))
        is None
    )
