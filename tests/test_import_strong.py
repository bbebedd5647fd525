"""Strong's CSV export read into workouts and sets, in every variant, with bad rows reported."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from import_headers import FITNOTES_HEADER, HEVY_HEADER, HINGE_HEADER, STRONG_HEADER

from hinge_desktop.domain.imports import hinge_csv, strong
from hinge_desktop.domain.imports.csv_rows import header_of, sniff_delimiter
from hinge_desktop.domain.imports.model import ImportFormat, LineProblem, ParsedFile, SourceSet
from hinge_desktop.domain.training import SetKind, Unit

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
LOCAL = timezone(timedelta(hours=1))
NEW_YORK = timezone(timedelta(hours=-5))

STRONG_FIXTURES = sorted(path.name for path in FIXTURES.glob("strong_*.csv"))


def local(naive: datetime) -> datetime:
    return naive.replace(tzinfo=LOCAL)


def at(*parts: int, tz: timezone = LOCAL) -> datetime:
    return datetime(*parts).replace(tzinfo=tz)  # type: ignore[arg-type]


def text_of(name: str) -> str:
    return (FIXTURES / name).read_bytes().decode("utf-8")


def parse_fixture(name: str) -> ParsedFile:
    parsed = strong.parse(text_of(name), local)
    assert parsed.format is ImportFormat.STRONG
    return parsed


def sets_of(parsed: ParsedFile) -> list[SourceSet]:
    return [logged for workout in parsed.workouts for logged in workout.sets]


def header(text: str) -> list[str]:
    first = text.lstrip("\ufeff").partition("\n")[0]
    return header_of(text, sniff_delimiter(first))


# The header


@pytest.mark.parametrize("name", STRONG_FIXTURES)
def test_every_strong_header_is_recognised_and_no_other_format_claims_it(name: str) -> None:
    cells = header(text_of(name))
    assert strong.matches(cells)
    assert not hinge_csv.matches(cells)


@pytest.mark.parametrize("line", [HEVY_HEADER, FITNOTES_HEADER, HINGE_HEADER, "a,b,c", ""])
def test_other_formats_headers_are_not_strong(line: str) -> None:
    assert not strong.matches(header(line))


def test_the_header_is_matched_without_regard_to_case_or_spaces() -> None:
    assert strong.matches([" date ", "EXERCISE  NAME", "Set order", "Weight (kg)"])
    assert not strong.matches(["Date", "Exercise Name"])


def test_a_file_that_is_not_strong_is_one_problem_on_line_one() -> None:
    parsed = strong.parse(HEVY_HEADER + "\nPush,x,y,,Bench,,,0,normal,60,10,,,\n", local)
    assert parsed.workouts == ()
    [problem] = parsed.problems
    assert problem.line == 1
    assert "“Date”" in problem.reason
    assert "“Set Order”" in problem.reason


# The variants


def test_classic_export_without_a_unit() -> None:
    parsed = parse_fixture("strong_unitless.csv")
    assert parsed.problems == ()
    assert parsed.weights_without_unit
    assert [(w.name, w.line, len(w.sets)) for w in parsed.workouts] == [
        ("Posterior chain A", 2, 7),
        ("Upper + run", 9, 3),
        ("Posterior chain B", 13, 5),
    ]
    first, second, third = parsed.workouts
    assert first.started_at == at(2024, 3, 5, 7, 14, 9)
    assert first.started_at.utcoffset() == timedelta(hours=1)
    assert first.ended_at == at(2024, 3, 5, 8, 17, 9)
    assert first.notes == "Slept 6h, coffee ☕"
    assert second.ended_at == at(2024, 3, 7, 18, 54, 41)
    assert second.notes == ""
    assert third.ended_at == at(2024, 3, 9, 10, 18)
    assert all(s.performed_at == w.started_at for w in parsed.workouts for s in w.sets)

    rdl = [s for s in first.sets if s.exercise == "Romanian Deadlift (Barbell)"]
    assert [(s.weight, s.unit, s.reps, s.rpe) for s in rdl] == [
        (60.0, None, 8, None),
        (62.5, None, 8, 7.5),
        (62.5, None, 7, 8.5),
    ]
    assert rdl[2].note == "Grip went, use straps next time"
    assert first.sets[4].note == 'Pad slipped, said "ouch"'
    planks = [s for s in first.sets if s.exercise == "Plank"]
    assert [(s.reps, s.seconds, s.weight) for s in planks] == [
        (None, 60.0, None),
        (None, 45.0, None),
    ]

    bench, run = second.sets[1], second.sets[2]
    assert bench.line == 10
    assert bench.note == "Left shoulder\nclicky, keep elbows in 💪"
    assert bench.rpe == 9.0
    assert run.line == 12, "the row after a note of two lines starts on line 12"
    assert (run.exercise, run.reps, run.seconds, run.weight) == ("Running", None, 1260.0, None)
    assert run.note == "distance 3.2; Easy pace, 5:56/km"

    bridge = third.sets[-1]
    assert (bridge.exercise, bridge.weight, bridge.reps) == ("Glute Bridge", None, 15)
    assert {s.kind for s in sets_of(parsed)} == {SetKind.WORKING}
    assert {s.set_number for s in sets_of(parsed)} == {None}


def test_newer_export_in_kilograms_with_seconds_and_metres() -> None:
    parsed = parse_fixture("strong_weight_kg.csv")
    assert parsed.problems == ()
    assert not parsed.weights_without_unit
    hinge_day, intervals = parsed.workouts
    assert hinge_day.ended_at == hinge_day.started_at + timedelta(seconds=3780)
    assert hinge_day.notes == "Gym quiet, felt fresh"
    assert [(s.exercise, s.weight, s.unit, s.reps, s.rpe) for s in hinge_day.sets[:4]] == [
        ("Romanian Deadlift (Barbell)", 70.0, Unit.KG, 8, 7.0),
        ("Romanian Deadlift (Barbell)", 72.5, Unit.KG, 8, 8.0),
        ("Hip Thrust (Barbell)", 100.0, Unit.KG, 10, None),
        ("Kettlebell Swing", 28.0, Unit.KG, 20, None),
    ]
    plank = hinge_day.sets[4]
    assert (plank.reps, plank.seconds, plank.weight, plank.unit) == (None, 75.0, None, None)
    run, bridge = intervals.sets
    assert intervals.ended_at == at(2024, 5, 16, 19, 45)
    assert run.note == "2400 m; 4 × 600 m, 90s walk"
    assert run.seconds == 720.0
    assert (bridge.weight, bridge.unit) == (20.0, Unit.KG)


def test_export_in_pounds_with_miles() -> None:
    parsed = parse_fixture("strong_weight_lbs.csv")
    assert parsed.problems == ()
    assert not parsed.weights_without_unit
    lifts, cardio = parsed.workouts
    assert [(s.weight, s.unit) for s in lifts.sets] == [
        (135.0, Unit.LB),
        (155.0, Unit.LB),
        (95.0, Unit.LB),
        (53.0, Unit.LB),
    ]
    assert lifts.sets[3].note == "Russian swings, not American"
    assert lifts.ended_at == at(2023, 11, 20, 18, 17, 33)
    run, plank = cardio.sets
    assert run.note == "3.1 mi"
    assert (run.seconds, run.weight, run.unit) == (1980.0, None, None)
    assert plank.seconds == 90.0


def test_a_unit_on_every_row_can_change_within_the_file() -> None:
    parsed = parse_fixture("strong_unit_per_row.csv")
    assert parsed.problems == ()
    assert not parsed.weights_without_unit
    lunch, hotel = parsed.workouts
    assert [(s.weight, s.unit) for s in lunch.sets] == [(60.0, Unit.KG), (80.0, Unit.KG)]
    assert lunch.sets[1].rpe == 8.0
    assert [(s.exercise, s.weight, s.unit) for s in hotel.sets] == [
        ("Romanian Deadlift (Dumbbell)", 50.0, Unit.LB),
        ("Kettlebell Swing", 35.0, Unit.LB),
        ("Running", None, None),
        ("Bench Press (Dumbbell)", 40.0, Unit.LB),
    ]
    assert hotel.sets[0].note == "Only had 50s, so tempo 3-1-1"
    assert hotel.sets[2].note == "2.5 mi; Treadmill, 1% incline"
    assert hotel.notes == "Hotel in Chicago 🏨"


def test_semicolons_decimal_commas_a_byte_order_mark_and_crlf() -> None:
    text = text_of("strong_semicolon.csv")
    assert text.startswith("\ufeffDate;")
    assert "\r\n" in text
    parsed = strong.parse(text, local)
    assert parsed.problems == ()
    lift, run = parsed.workouts
    assert lift.name == "Hinge & core"
    assert lift.notes == "Wochenende; viel Zeit"
    assert lift.ended_at == at(2024, 2, 10, 11, 15)
    assert [(s.exercise, s.weight, s.unit, s.reps, s.rpe) for s in lift.sets] == [
        ("Romanian Deadlift (Barbell)", 62.5, Unit.KG, 8, 7.5),
        ("Romanian Deadlift (Barbell)", 62.5, Unit.KG, 8, 8.0),
        ("Hip Thrust (Barbell)", 92.5, Unit.KG, 10, None),
        ("Good Morning", 27.5, Unit.KG, 12, None),
        ("Plank", None, None, None, None),
    ]
    assert lift.sets[2].note == 'Kissen; dick, "weich"'
    assert lift.sets[4].seconds == 50.0
    [running] = run.sets
    assert running.note == "5.25 km; Locker 🏃"
    assert running.seconds == 1830.0
    assert run.ended_at == at(2024, 2, 13, 19, 1)


def test_twelve_hour_times_with_a_narrow_no_break_space() -> None:
    text = text_of("strong_12_hour.csv")
    assert "7:14:09\u202fpm" in text
    parsed = strong.parse(text, local)
    assert parsed.problems == ()
    assert [(w.name, w.started_at, w.ended_at) for w in parsed.workouts] == [
        ("Evening hinge", at(2024, 3, 5, 19, 14, 9), at(2024, 3, 5, 20, 17, 9)),
        ("Night owl", at(2024, 3, 6, 0, 5), at(2024, 3, 6, 0, 25)),
        ("Lunch", at(2024, 3, 8, 12, 30), at(2024, 3, 8, 13, 5)),
        ("Morning", at(2024, 3, 8, 9, 2), at(2024, 3, 8, 9, 17)),
    ]
    assert parsed.workouts[1].sets[0].note == "Couldn't sleep 😴"


def test_warm_up_failure_and_drop_set_orders() -> None:
    parsed = parse_fixture("strong_set_kinds.csv")
    assert parsed.problems == ()
    [workout] = parsed.workouts
    assert [(s.kind, s.weight, s.reps) for s in workout.sets] == [
        (SetKind.WARMUP, 40.0, 10),
        (SetKind.WARMUP, 50.0, 6),
        (SetKind.WORKING, 70.0, 8),
        (SetKind.WORKING, 70.0, 8),
        (SetKind.FAILURE, 70.0, 6),
        (SetKind.DROP, 50.0, 10),
        (SetKind.WARMUP, 60.0, 8),
        (SetKind.WORKING, 100.0, 10),
        (SetKind.DROP, 70.0, 15),
    ]
    assert workout.sets[4].note == "Failed rep 7, back rounding"
    assert workout.sets[4].rpe == 10.0


def test_rest_timer_rows_are_skipped_without_a_problem() -> None:
    parsed = parse_fixture("strong_rest_timer.csv")
    assert parsed.problems == ()
    [workout] = parsed.workouts
    assert [(s.line, s.exercise, s.reps) for s in workout.sets] == [
        (2, "Romanian Deadlift (Barbell)", 8),
        (4, "Romanian Deadlift (Barbell)", 7),
        (6, "Kettlebell Swing", 15),
    ]
    assert workout.ended_at == at(2024, 6, 1, 9, 0)


def test_float_noise_is_rounded_away() -> None:
    parsed = parse_fixture("strong_float_noise.csv")
    assert parsed.problems == ()
    rdl, thrust, plank, run = sets_of(parsed)
    assert (rdl.weight, rdl.rpe) == (150.0, 8.5)
    assert thrust.weight == 62.5
    assert plank.seconds == 60.0
    assert run.note == "distance 5"


def test_durations_of_seconds_hours_and_days() -> None:
    parsed = parse_fixture("strong_long_durations.csv")
    assert parsed.problems == ()
    lengths = [
        (w.name, None if w.ended_at is None else w.ended_at - w.started_at) for w in parsed.workouts
    ]
    assert lengths == [
        ("Quick check", timedelta(seconds=55)),
        ("Usual", timedelta(hours=1, minutes=3)),
        ("Forgot to finish", timedelta(hours=48, minutes=40)),
        ("Two hours", timedelta(hours=2)),
        ("Empty duration", None),
    ]
    assert parsed.workouts[2].notes == "Left the timer running 🙈"


# Bad rows


def test_bad_rows_are_reported_with_the_line_each_starts_on() -> None:
    parsed = parse_fixture("strong_bad_rows.csv")
    assert [(p.line, p.reason) for p in parsed.problems] == [
        (3, "Reps “x” is not a number"),
        (4, "Date “2024-13-01 10:00” is not a date like 2024-03-05 07:14:09"),
        (7, "Set Order “Z” is not a number or W, F, D; Weight “heavy” is not a number"),
        (8, "Duration “forever” is not a duration like 1h 3m or 55s"),
        (9, "Exercise Name is empty"),
        (11, "The row has more cells than the header: “oops”"),
        (13, "Reps “12.5” is not a whole number"),
    ]
    assert [(s.line, s.exercise) for s in sets_of(parsed)] == [
        (2, "Romanian Deadlift (Barbell)"),
        (5, "Hip Thrust (Barbell)"),
        (12, "Glute Bridge"),
    ]
    assert sets_of(parsed)[1].note == 'Long note,\nover two lines "quoted"'
    assert sets_of(parsed)[2].rpe == 11.0, "ranges are checked where sets meet drills"


def test_a_bad_weight_unit_and_an_empty_date_are_named() -> None:
    text = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Weight Unit,Reps\n"
        "2024-01-08 12:15:00,Lunch,45m,Good Morning,1,60,stone,8\n"
        ",Lunch,45m,Good Morning,2,60,kg,8\n"
    )
    parsed = strong.parse(text, local)
    assert [(p.line, p.reason) for p in parsed.problems] == [
        (2, "Weight Unit “stone” is not kg or lbs"),
        (3, "Date is empty"),
    ]
    assert parsed.workouts == ()


def test_a_quote_left_open_stops_reading_at_its_line() -> None:
    rows = [
        "2024-01-08 12:15:00,Lunch,45m,Good Morning,1,60,8,0,0,,,",
        '2024-01-08 12:15:00,Lunch,45m,Good Morning,2,60,8,0,0,"never closed,,',
    ]
    text = "\n".join([STRONG_HEADER, *rows, *["x" * 100] * 2000]) + "\n"
    parsed = strong.parse(text, local)
    [problem] = parsed.problems
    assert problem.line == 3
    assert "closing quote" in problem.reason
    assert [s.line for s in sets_of(parsed)] == [2]


def test_a_duration_too_long_for_the_calendar_is_a_problem() -> None:
    text = STRONG_HEADER + "\n9999-12-31 10:00:00,Late,999999999h,Good Morning,1,60,8,0,0,,,\n"
    [problem] = strong.parse(text, local).problems
    assert problem == LineProblem(2, "Duration “999999999h” is too long")


# Grouping and time


def test_rows_of_one_workout_need_not_be_adjacent_and_names_tell_workouts_apart() -> None:
    text = "\n".join(
        [
            STRONG_HEADER,
            "2024-01-08 12:15:00,Lunch,45m,Good Morning,1,60,8,0,0,,,",
            "2024-01-08 12:15:00,Other,10m,Plank,1,0,0,0,30,,,",
            "2024-01-08 12:15:00,Lunch,45m,Good Morning,2,60,8,0,0,,,",
            "2024-01-09 12:15:00,Lunch,45m,Good Morning,1,60,8,0,0,,,",
        ]
    )
    parsed = strong.parse(text, local)
    assert [(w.name, w.line, [s.line for s in w.sets]) for w in parsed.workouts] == [
        ("Lunch", 2, [2, 4]),
        ("Other", 3, [3]),
        ("Lunch", 5, [5]),
    ]


def test_local_times_get_the_offset_the_caller_gives_them() -> None:
    seen: list[datetime] = []

    def new_york(naive: datetime) -> datetime:
        seen.append(naive)
        return naive.replace(tzinfo=NEW_YORK)

    parsed = strong.parse(text_of("strong_12_hour.csv"), new_york)
    assert seen[0] == datetime(2024, 3, 5, 19, 14, 9)
    assert parsed.workouts[0].started_at.utcoffset() == timedelta(hours=-5)
    assert parsed.workouts[0].sets[0].performed_at == at(2024, 3, 5, 19, 14, 9, tz=NEW_YORK)


def test_progress_is_reported_up_to_the_last_line() -> None:
    row = "2024-01-08 12:15:00,Lunch,45m,Good Morning,1,60,8,0,0,,,"
    text = "\n".join([STRONG_HEADER, *[row] * 2500]) + "\n"
    calls: list[tuple[int, int]] = []
    parsed = strong.parse(text, local, lambda done, total: calls.append((done, total)))
    assert parsed.set_count == 2500
    assert calls[-1] == (2501, 2501)
    assert len(calls) >= 3
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05 07:14:09", datetime(2024, 3, 5, 7, 14, 9)),
        ("2024-03-05 07:14", datetime(2024, 3, 5, 7, 14)),
        ("2024-03-05T07:14:09", datetime(2024, 3, 5, 7, 14, 9)),
        ("2024-03-05", datetime(2024, 3, 5)),
        ("2024-03-05 7:14\u202fpm", datetime(2024, 3, 5, 19, 14)),
        ("2024-03-05 7:14:09\u202fam", datetime(2024, 3, 5, 7, 14, 9)),
        ("2024-03-05 12:00\u202fam", datetime(2024, 3, 5, 0, 0)),
        ("2024-03-05 12:59\u00a0PM", datetime(2024, 3, 5, 12, 59)),
        ("2024-03-05 1:02 p.m.", datetime(2024, 3, 5, 13, 2)),
        ("2024-03-05 11:02pm", datetime(2024, 3, 5, 23, 2)),
        ("2024-03-05 13:02\u202fpm", None),
        ("2024-03-05 0:02\u202fam", None),
        ("2024-02-30 10:00:00", None),
        ("2024-03-05 24:00:00", None),
        ("05/03/2024 10:00", None),
        ("yesterday", None),
    ],
)
def test_dates(text: str, expected: datetime | None) -> None:
    assert strong.parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "scale", "expected"),
    [
        ("55s", None, 55.0),
        ("45m", None, 2700.0),
        ("1h", None, 3600.0),
        ("1h 3m", None, 3780.0),
        ("48h 40m", None, 175200.0),
        ("2h 38m 12s", None, 9492.0),
        ("1:03:05", None, 3785.0),
        ("0", None, 0.0),
        ("3600", 1.0, 3600.0),
        ("90", 60.0, 5400.0),
        ("3600", None, None),
        ("an hour", None, None),
        ("1h 3", None, None),
        ("-5m", None, None),
    ],
)
def test_durations(text: str, scale: float | None, expected: float | None) -> None:
    assert strong.parse_duration(text, scale) == expected
