"""Desk nudges through a working day, with the time given: one now and then within the hours set,
let go (not held back) while the person cannot be disturbed, never replayed, each cue from an
article."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import pairwise

from working_day import MONDAY, at, half_minutes

from hinge_desktop.domain.nudges import CUES, MAX_EVERY, MIN_EVERY, NudgeSchedule, NudgeSettings
from hinge_desktop.domain.sources import SOURCES

ON = NudgeSettings(enabled=True)


def run(
    schedule: NudgeSchedule,
    start: datetime,
    end: datetime,
    quiet: tuple[datetime, datetime] | None = None,
) -> list[datetime]:
    return [
        now
        for now, hushed in half_minutes(start, end, quiet)
        if schedule.due(now, quiet=hushed) is not None
    ]


def test_a_nudge_comes_every_hour_within_the_working_hours() -> None:
    shown = run(NudgeSchedule(ON), at(7), at(20))
    assert shown == [at(hour) for hour in range(10, 18)]


def test_the_interval_is_kept_between_half_an_hour_and_an_hour_and_a_half() -> None:
    assert NudgeSettings(every=5).every == MIN_EVERY
    assert NudgeSettings(every=500).every == MAX_EVERY
    shown = run(NudgeSchedule(NudgeSettings(enabled=True, every=45)), at(9), at(11))
    assert shown == [at(9, 45), at(10, 30)]


def test_a_nudge_while_the_person_cannot_be_disturbed_is_let_go_not_held_back() -> None:
    shown = run(NudgeSchedule(ON), at(9), at(13), quiet=(at(10, 50), at(12, 10)))
    assert shown == [at(10), at(13)]


def test_nudges_missed_while_hinge_was_closed_are_not_replayed() -> None:
    schedule = NudgeSchedule(ON)
    assert schedule.due(at(13, 40)) is None  # started at 13:40: nothing for 10:00 to 13:00
    assert run(schedule, at(13, 40), at(15, 0)) == [at(14), at(15)]


def test_off_or_on_a_day_off_nothing_comes_and_the_day_s_count_starts_afresh() -> None:
    assert run(NudgeSchedule(NudgeSettings()), at(7), at(20)) == []
    saturday = MONDAY + timedelta(days=5)
    assert run(NudgeSchedule(ON), at(7, day=saturday), at(20, day=saturday)) == []
    schedule = NudgeSchedule(ON)
    run(schedule, at(9), at(12))
    assert schedule.shown_today == 3
    schedule.due(at(8, day=MONDAY + timedelta(days=1)))
    assert schedule.shown_today == 0


def test_the_cues_turn_and_each_comes_from_an_article() -> None:
    schedule = NudgeSchedule(ON)
    cues = [schedule.due(at(hour)) for hour in range(10, 16)]
    assert cues[:3] == [cue for cue, _ in CUES]
    assert all(a != b for a, b in pairwise(cues))
    for _cue, source in CUES:
        assert source in SOURCES


def test_a_day_under_way_carries_on_its_count_after_a_restart() -> None:
    schedule = NudgeSchedule(ON)
    schedule.resume(MONDAY, 3)
    assert schedule.due(at(10)) is not None
    assert schedule.shown_today == 4
