"""Progress figures: volume, e1RM, per-day figures, weekly totals, streaks, records, levels."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hinge_desktop.domain.statistics import (
    E1RM_FORMULA,
    E1RM_MAX_REPS,
    Record,
    RecordKind,
    SessionFigures,
    Streaks,
    calendar_levels,
    convert_weight,
    counts_towards_progress,
    estimated_1rm,
    records,
    session_figures,
    set_volume,
    week_start,
    week_streaks,
    weekly_totals,
)
from hinge_desktop.domain.training import LB_PER_KG, CheckOutcome, LoggedSet, SetKind, Unit

DRILL = "kettlebell-deadlift"
BERLIN_WINTER = timezone(timedelta(hours=1))


def logged(
    when: datetime,
    *,
    reps: int | None = None,
    weight: float | None = None,
    unit: Unit | None = None,
    hold: float | None = None,
    kind: SetKind = SetKind.WORKING,
    result: CheckOutcome | None = None,
    drill: str = DRILL,
) -> LoggedSet:
    return LoggedSet(
        drill_id=drill,
        performed_at=when,
        reps=reps,
        weight=weight,
        unit=unit,
        hold_seconds=hold,
        kind=kind,
        result=result,
    )


def at(day: date, hour: int = 18, minute: int = 0, tz: timezone = UTC) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


# Weights --------------------------------------------------------------------------------------


def test_convert_weight_between_kg_and_lb() -> None:
    assert convert_weight(100.0, Unit.KG, Unit.LB) == pytest.approx(220.462262185)
    assert convert_weight(45.0, Unit.LB, Unit.KG) == pytest.approx(20.4117, abs=1e-4)
    assert convert_weight(32.0, Unit.KG, Unit.KG) == 32.0
    assert convert_weight(35.0, Unit.LB, Unit.LB) == 35.0


def test_set_volume_is_weight_times_reps_in_the_chosen_unit() -> None:
    assert set_volume(20.0, Unit.KG, 10) == 200.0
    assert set_volume(45.0, Unit.LB, 10) == pytest.approx(204.117, abs=1e-3)
    assert set_volume(45.0, Unit.LB, 10, Unit.LB) == 450.0
    assert set_volume(20.0, Unit.KG, 10, Unit.LB) == pytest.approx(440.925, abs=1e-3)


@pytest.mark.parametrize(
    ("weight", "unit", "reps"),
    [(None, Unit.KG, 10), (20.0, None, 10), (20.0, Unit.KG, None), (None, None, None)],
)
def test_set_volume_without_weight_unit_or_reps_is_zero(
    weight: float | None, unit: Unit | None, reps: int | None
) -> None:
    assert set_volume(weight, unit, reps) == 0.0


def test_epley_estimate() -> None:
    assert E1RM_FORMULA == "Epley"
    assert estimated_1rm(100.0, 5) == pytest.approx(116.67, abs=0.01)
    assert estimated_1rm(60.0, 10) == pytest.approx(80.0)
    assert estimated_1rm(100.0, E1RM_MAX_REPS) == pytest.approx(140.0)


def test_a_single_is_its_own_one_rep_max() -> None:
    assert estimated_1rm(102.5, 1) == 102.5


@pytest.mark.parametrize(
    ("weight", "reps"), [(100.0, 0), (100.0, -1), (100.0, E1RM_MAX_REPS + 1), (0.0, 5), (-5.0, 5)]
)
def test_no_estimate_outside_its_range(weight: float, reps: int) -> None:
    assert estimated_1rm(weight, reps) is None


def test_warmups_and_checks_do_not_count() -> None:
    when = at(date(2026, 3, 2))
    assert counts_towards_progress(logged(when, reps=10))
    assert counts_towards_progress(logged(when, reps=10, kind=SetKind.FAILURE))
    assert counts_towards_progress(logged(when, reps=10, kind=SetKind.DROP))
    assert not counts_towards_progress(logged(when, reps=10, kind=SetKind.WARMUP))
    assert not counts_towards_progress(logged(when, result=CheckOutcome.PASS))
    assert not counts_towards_progress(logged(when, result=CheckOutcome.FAIL))


# Session figures ------------------------------------------------------------------------------


def test_a_session_mixing_lb_and_kg() -> None:
    day = date(2026, 3, 2)
    figures = session_figures(
        [
            logged(at(day, 18, 0), reps=10, weight=10.0, unit=Unit.KG, kind=SetKind.WARMUP),
            logged(at(day, 18, 5), reps=10, weight=45.0, unit=Unit.LB),
            logged(at(day, 18, 10), reps=12, weight=20.0, unit=Unit.KG),
        ]
    )
    assert len(figures) == 1
    session = figures[0]
    assert session.day == day
    assert session.sets == 2
    assert session.total_reps == 22
    assert session.best_reps == 12
    assert session.longest_hold is None
    # 45 lb is 20.41 kg: heavier than the 20 kg set.
    assert session.top_weight_kg == pytest.approx(20.4117, abs=1e-4)
    # 20.4117 × 10 + 20 × 12
    assert session.volume_kg == pytest.approx(444.117, abs=1e-3)
    # max(20.4117 × (1 + 10/30) = 27.22, 20 × (1 + 12/30) = 28.0)
    assert session.best_e1rm_kg == pytest.approx(28.0)


def test_holds_without_weight() -> None:
    day = date(2026, 3, 3)
    (session,) = session_figures([logged(at(day, 7), hold=30.0), logged(at(day, 7, 2), hold=45.5)])
    assert session == SessionFigures(
        day=day,
        sets=2,
        total_reps=0,
        best_reps=None,
        longest_hold=45.5,
        top_weight_kg=None,
        volume_kg=0.0,
        best_e1rm_kg=None,
    )


def test_days_are_local_sorted_and_days_without_counting_sets_are_absent() -> None:
    # 00:30 at +01:00 on the 5th is still the 4th in UTC: the person's day is the 5th.
    late = datetime(2026, 3, 5, 0, 30, tzinfo=BERLIN_WINTER)
    figures = session_figures(
        [
            logged(late, reps=8),
            logged(at(date(2026, 3, 1)), reps=5),
            logged(at(date(2026, 3, 3)), result=CheckOutcome.PASS),
            logged(at(date(2026, 3, 4)), reps=5, kind=SetKind.WARMUP),
        ]
    )
    assert [session.day for session in figures] == [date(2026, 3, 1), date(2026, 3, 5)]
    assert [session.total_reps for session in figures] == [5, 8]


def test_bodyweight_reps_have_no_weight_volume_or_estimate() -> None:
    (session,) = session_figures([logged(at(date(2026, 3, 2)), reps=15)])
    assert (session.top_weight_kg, session.volume_kg, session.best_e1rm_kg) == (None, 0.0, None)
    assert session.best_reps == 15


def test_sets_of_high_reps_give_no_estimate_but_count_for_volume() -> None:
    (session,) = session_figures([logged(at(date(2026, 3, 2)), reps=20, weight=16, unit=Unit.KG)])
    assert session.best_e1rm_kg is None
    assert session.volume_kg == 320.0


def test_mixed_drills_are_refused_naming_both() -> None:
    day = date(2026, 3, 2)
    with pytest.raises(ValueError, match="kettlebell-deadlift") as refused:
        session_figures([logged(at(day), reps=5), logged(at(day), reps=5, drill="glute-bridge")])
    assert "glute-bridge" in str(refused.value)


def test_no_sets_no_sessions() -> None:
    assert session_figures([]) == []


# Weeks ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (date(2026, 3, 2), date(2026, 3, 2)),  # a Monday is its own week's start
        (date(2026, 3, 8), date(2026, 3, 2)),  # Sunday
        (date(2026, 1, 1), date(2025, 12, 29)),  # across the year end
        (date(2027, 1, 3), date(2026, 12, 28)),  # the Sunday of 2026's week 53
    ],
)
def test_week_start(day: date, monday: date) -> None:
    assert week_start(day) == monday


def test_weekly_totals() -> None:
    totals = weekly_totals(
        [
            (date(2026, 1, 1), 10.0),
            (date(2025, 12, 29), 5.0),
            (date(2026, 1, 14), 2.5),
            (date(2026, 1, 4), 1.0),
        ]
    )
    assert totals == [(date(2025, 12, 29), 16.0), (date(2026, 1, 12), 2.5)]


def test_weekly_totals_of_nothing() -> None:
    assert weekly_totals([]) == []


# Streaks --------------------------------------------------------------------------------------


def test_streak_across_a_year_end() -> None:
    days = [
        date(2025, 12, 16),
        date(2025, 12, 23),
        date(2025, 12, 30),  # week of 2025-12-29, ISO 2026-W01 ...
        date(2026, 1, 3),  # ... the same week
        date(2026, 1, 6),
    ]
    assert week_streaks(days, today=date(2026, 1, 7)) == Streaks(
        current=4, longest=4, longest_start=date(2025, 12, 15), longest_end=date(2026, 1, 5)
    )


def test_streak_through_iso_week_53() -> None:
    # 2026 has 53 ISO weeks: its last runs from Mon 28 Dec 2026 to Sun 3 Jan 2027.
    assert date(2026, 12, 31).isocalendar().week == 53
    days = [date(2026, 12, 22), date(2027, 1, 2), date(2027, 1, 5)]
    streaks = week_streaks(days, today=date(2027, 1, 6))
    assert (streaks.current, streaks.longest) == (3, 3)
    assert streaks.longest_start == date(2026, 12, 21)
    assert streaks.longest_end == date(2027, 1, 4)


def test_rest_days_do_not_break_a_streak() -> None:
    # Monday one week, Sunday the next: twelve rest days between, still two weeks in a row.
    streaks = week_streaks([date(2026, 3, 2), date(2026, 3, 15)], today=date(2026, 3, 15))
    assert (streaks.current, streaks.longest) == (2, 2)


def test_a_rest_week_breaks_a_streak() -> None:
    days = [date(2026, 2, 2), date(2026, 2, 11), date(2026, 2, 25)]  # no training 16–22 Feb
    assert week_streaks(days, today=date(2026, 2, 26)) == Streaks(
        current=1, longest=2, longest_start=date(2026, 2, 2), longest_end=date(2026, 2, 9)
    )


def test_current_streak_kept_while_this_week_has_no_training_yet() -> None:
    days = [date(2026, 2, 17), date(2026, 2, 24), date(2026, 3, 3)]
    assert week_streaks(days, today=date(2026, 3, 9)).current == 3  # Monday, nothing yet
    assert week_streaks(days, today=date(2026, 3, 15)).current == 3  # Sunday, still nothing
    # A whole week without training ends it.
    assert week_streaks(days, today=date(2026, 3, 16)).current == 0
    assert week_streaks(days, today=date(2026, 3, 16)).longest == 3


def test_the_latest_of_equal_streaks_is_the_longest() -> None:
    days = [date(2026, 1, 5), date(2026, 1, 12), date(2026, 2, 2), date(2026, 2, 9)]
    streaks = week_streaks(days, today=date(2026, 3, 2))
    assert (streaks.longest, streaks.longest_start, streaks.longest_end) == (
        2,
        date(2026, 2, 2),
        date(2026, 2, 9),
    )
    assert streaks.current == 0


def test_days_after_today_are_ignored() -> None:
    streaks = week_streaks([date(2026, 3, 2), date(2026, 3, 12)], today=date(2026, 3, 4))
    assert (streaks.current, streaks.longest) == (1, 1)


def test_duplicate_days() -> None:
    day = date(2026, 3, 4)
    assert week_streaks([day, day, day], today=day) == Streaks(
        1, 1, date(2026, 3, 2), date(2026, 3, 2)
    )


def test_no_training_no_streak() -> None:
    assert week_streaks([], today=date(2026, 3, 4)) == Streaks(0, 0, None, None)


# Records --------------------------------------------------------------------------------------


def figures(
    day: date,
    *,
    total_reps: int = 0,
    best_reps: int | None = None,
    hold: float | None = None,
    top: float | None = None,
    volume: float = 0.0,
    e1rm: float | None = None,
) -> SessionFigures:
    return SessionFigures(day, 3, total_reps, best_reps, hold, top, volume, e1rm)


def test_records_are_the_best_reached_first() -> None:
    first = figures(
        date(2026, 3, 1), total_reps=30, best_reps=12, top=40.0, volume=1000.0, e1rm=50.0
    )
    matched = figures(
        date(2026, 3, 5), total_reps=36, best_reps=12, top=40.0, volume=900.0, e1rm=50.0, hold=0.0
    )
    heavier = figures(
        date(2026, 3, 8), total_reps=20, best_reps=10, top=45.0, volume=900.0, e1rm=52.0
    )
    # Given out of order: the record still belongs to the earlier day of a tie.
    assert records([heavier, matched, first]) == [
        Record(RecordKind.MOST_REPS_IN_A_SET, 12, date(2026, 3, 1)),
        Record(RecordKind.MOST_REPS_IN_A_SESSION, 36, date(2026, 3, 5)),
        Record(RecordKind.HEAVIEST_WEIGHT, 45.0, date(2026, 3, 8)),
        Record(RecordKind.BEST_E1RM, 52.0, date(2026, 3, 8)),
        Record(RecordKind.MOST_VOLUME, 1000.0, date(2026, 3, 1)),
    ]


def test_records_of_holds_only() -> None:
    sessions = [figures(date(2026, 3, 1), hold=30.0), figures(date(2026, 3, 2), hold=42.5)]
    assert records(sessions) == [Record(RecordKind.LONGEST_HOLD, 42.5, date(2026, 3, 2))]


def test_records_from_logged_sets_in_lb_and_kg() -> None:
    sets = [
        logged(at(date(2026, 3, 1)), reps=5, weight=100.0, unit=Unit.LB),
        logged(at(date(2026, 3, 3)), reps=5, weight=40.0, unit=Unit.KG),
    ]
    heaviest = next(
        r for r in records(session_figures(sets)) if r.kind is RecordKind.HEAVIEST_WEIGHT
    )
    # 100 lb is 45.36 kg, heavier than 40 kg.
    assert heaviest.day == date(2026, 3, 1)
    assert heaviest.value == pytest.approx(45.359, abs=1e-3)


def test_no_sessions_no_records() -> None:
    assert records([]) == []


# Calendar levels ------------------------------------------------------------------------------


def days_from(counts: list[int]) -> dict[date, int]:
    start = date(2026, 1, 5)
    return {start + timedelta(days=i): count for i, count in enumerate(counts)}


def test_levels_split_by_quartiles() -> None:
    counts = days_from([8, 1, 7, 2, 6, 3, 5, 4])
    levels = calendar_levels(counts)
    assert [levels[day] for day in counts] == [4, 1, 4, 1, 3, 2, 3, 2]


def test_equal_counts_are_all_top_level() -> None:
    assert set(calendar_levels(days_from([3, 3, 3, 3])).values()) == {4}
    assert set(calendar_levels(days_from([5])).values()) == {4}


def test_a_usual_day_is_mid_range_and_the_biggest_is_top() -> None:
    # Nine ordinary days of 2 sets and one big day of 20.
    levels = calendar_levels(days_from([2] * 9 + [20]))
    assert sorted(levels.values()) == [2] * 9 + [4]


def test_two_kinds_of_day() -> None:
    counts = days_from([3, 6, 3, 6])
    levels = calendar_levels(counts)
    assert [levels[day] for day in counts] == [2, 4, 2, 4]


def test_rest_days_have_no_level() -> None:
    counts = days_from([0, 4, 0])
    assert calendar_levels(counts) == {date(2026, 1, 6): 4}
    assert calendar_levels({}) == {}


def test_other_numbers_of_levels() -> None:
    assert set(calendar_levels(days_from([1, 5, 9]), levels=1).values()) == {1}
    counts = days_from([1, 2, 3])
    levels = calendar_levels(counts, levels=3)
    assert [levels[day] for day in counts] == [1, 2, 3]
    with pytest.raises(ValueError, match="at least one level"):
        calendar_levels(days_from([1]), levels=0)


# Properties -----------------------------------------------------------------------------------

days_strategy = st.dates(min_value=date(2023, 1, 1), max_value=date(2028, 12, 31))
offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)


@st.composite
def logged_sets(draw: st.DrawFn) -> LoggedSet:
    unit = draw(st.sampled_from(Unit))
    limit = 500.0 if unit is Unit.KG else 1100.0
    weight = draw(st.none() | st.floats(min_value=0, max_value=limit, allow_nan=False))
    moment = datetime.combine(
        draw(st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 12, 31))),
        draw(st.times()),
        tzinfo=draw(offsets),
    )
    return LoggedSet(
        drill_id=DRILL,
        performed_at=moment,
        reps=draw(st.none() | st.integers(min_value=0, max_value=40)),
        hold_seconds=draw(st.none() | st.floats(min_value=0, max_value=600)),
        weight=weight,
        unit=unit if weight is not None else None,
        kind=draw(st.sampled_from(SetKind)),
        result=draw(st.none() | st.sampled_from(CheckOutcome)),
    )


@given(st.floats(min_value=0, max_value=1000, allow_nan=False))
def test_kg_to_lb_and_back(weight: float) -> None:
    there = convert_weight(weight, Unit.KG, Unit.LB)
    assert convert_weight(there, Unit.LB, Unit.KG) == pytest.approx(weight, rel=1e-12, abs=1e-12)
    assert there == pytest.approx(weight * LB_PER_KG)


@given(st.floats(min_value=0.5, max_value=500), st.integers(min_value=1, max_value=E1RM_MAX_REPS))
def test_estimate_is_at_least_the_weight_and_grows_with_reps(weight: float, reps: int) -> None:
    estimate = estimated_1rm(weight, reps)
    assert estimate is not None
    assert estimate >= weight
    if reps < E1RM_MAX_REPS:
        more = estimated_1rm(weight, reps + 1)
        assert more is not None
        assert more > estimate


@given(st.lists(logged_sets(), max_size=30))
def test_session_figures_add_up_to_the_counting_sets(sets: list[LoggedSet]) -> None:
    counting = [s for s in sets if counts_towards_progress(s)]
    sessions = session_figures(sets)
    days = [session.day for session in sessions]
    assert days == sorted(set(days))
    assert {s.performed_at.date() for s in counting} == set(days)
    assert sum(session.sets for session in sessions) == len(counting)
    assert sum(session.total_reps for session in sessions) == sum(s.reps or 0 for s in counting)
    assert sum(session.volume_kg for session in sessions) == pytest.approx(
        sum(set_volume(s.weight, s.unit, s.reps) for s in counting)
    )
    for session in sessions:
        if session.best_e1rm_kg is not None:
            assert session.top_weight_kg is not None
            # The estimate comes from a set no heavier than the top, with at most 12 reps.
            assert session.best_e1rm_kg <= session.top_weight_kg * (1 + E1RM_MAX_REPS / 30)


@given(st.lists(st.tuples(days_strategy, st.floats(min_value=-1e6, max_value=1e6))))
def test_weekly_totals_keep_the_sum(values: list[tuple[date, float]]) -> None:
    totals = weekly_totals(values)
    mondays = [monday for monday, _ in totals]
    assert mondays == sorted(set(mondays))
    assert all(monday.weekday() == 0 for monday in mondays)
    assert {week_start(day) for day, _ in values} == set(mondays)
    assert sum(total for _, total in totals) == pytest.approx(
        sum(value for _, value in values), abs=1e-3
    )


def _trained_weeks(days: list[date], today: date) -> set[date]:
    return {week_start(day) for day in days if day <= today}


@given(st.lists(days_strategy, max_size=60), days_strategy)
def test_streaks_match_their_definition(days: list[date], today: date) -> None:
    streaks = week_streaks(days, today)
    weeks = _trained_weeks(days, today)
    week = timedelta(weeks=1)
    assert streaks.longest >= streaks.current >= 0
    # The current streak: that many trained weeks in a row, ending this week or last week.
    end = week_start(today) if week_start(today) in weeks else week_start(today) - week
    for n in range(streaks.current):
        assert end - n * week in weeks
    assert end - streaks.current * week not in weeks
    if streaks.longest == 0:
        assert not weeks
        assert streaks.longest_start is None
        assert streaks.longest_end is None
        return
    start, last = streaks.longest_start, streaks.longest_end
    assert start is not None
    assert last is not None
    assert (last - start).days == (streaks.longest - 1) * 7
    assert all(start + n * week in weeks for n in range(streaks.longest))
    assert start - week not in weeks
    assert last + week not in weeks
    # No longer run anywhere, and no equally long one later.
    for monday in weeks:
        run = 0
        while monday + run * week in weeks:
            run += 1
        assert run <= streaks.longest
        if run == streaks.longest and monday - week not in weeks:
            assert monday <= start


@given(st.lists(days_strategy, max_size=40), days_strategy, days_strategy)
def test_another_training_day_never_lowers_the_longest_streak(
    days: list[date], extra: date, today: date
) -> None:
    before = week_streaks(days, today)
    after = week_streaks([*days, extra], today)
    assert after.longest >= before.longest
    assert after.current >= before.current


session_strategy = st.builds(
    SessionFigures,
    day=days_strategy,
    sets=st.integers(min_value=1, max_value=10),
    total_reps=st.integers(min_value=0, max_value=100),
    best_reps=st.none() | st.integers(min_value=0, max_value=20),
    longest_hold=st.none() | st.sampled_from([0.0, 15.0, 30.0, 45.5]),
    top_weight_kg=st.none() | st.sampled_from([0.0, 16.0, 20.4, 24.0]),
    volume_kg=st.sampled_from([0.0, 100.0, 320.0, 480.0]),
    best_e1rm_kg=st.none() | st.sampled_from([18.0, 26.5, 30.0]),
)


@given(st.lists(session_strategy, max_size=12))
def test_records_are_the_maximum_reached_first(sessions: list[SessionFigures]) -> None:
    found = {record.kind: record for record in records(sessions)}
    assert list(found) == [kind for kind in RecordKind if kind in found]
    fields = {
        RecordKind.MOST_REPS_IN_A_SET: "best_reps",
        RecordKind.MOST_REPS_IN_A_SESSION: "total_reps",
        RecordKind.LONGEST_HOLD: "longest_hold",
        RecordKind.HEAVIEST_WEIGHT: "top_weight_kg",
        RecordKind.BEST_E1RM: "best_e1rm_kg",
        RecordKind.MOST_VOLUME: "volume_kg",
    }
    for kind, field in fields.items():
        values = [(getattr(s, field), s.day) for s in sessions if (getattr(s, field) or 0) > 0]
        if not values:
            assert kind not in found
            continue
        best = max(value for value, _ in values)
        assert found[kind].value == best
        assert found[kind].day == min(day for value, day in values if value == best)


@given(st.dictionaries(days_strategy, st.integers(min_value=-2, max_value=60)), st.integers(1, 6))
def test_calendar_levels_are_monotonic_in_the_count(counts: dict[date, int], levels: int) -> None:
    shown = calendar_levels(counts, levels)
    assert set(shown) == {day for day, count in counts.items() if count > 0}
    assert all(1 <= level <= levels for level in shown.values())
    for a in shown:
        for b in shown:
            if counts[a] < counts[b]:
                assert shown[a] <= shown[b]
            if counts[a] == counts[b]:
                assert shown[a] == shown[b]
    if shown:
        biggest = max(counts[day] for day in shown)
        assert all(shown[day] == levels for day in shown if counts[day] == biggest)
