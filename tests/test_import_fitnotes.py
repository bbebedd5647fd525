"""Reading FitNotes' CSV export: each header variant, a workout per day at noon, bad rows' lines."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from import_headers import FITNOTES_HEADER, HEVY_QUOTED_HEADER, HINGE_HEADER, STRONG_HEADER

from hinge_desktop.domain.imports import fitnotes
from hinge_desktop.domain.imports.csv_rows import header_of
from hinge_desktop.domain.imports.model import ImportFormat, ParsedFile, SourceSet
from hinge_desktop.domain.training import SetKind, Unit

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
BERLIN_WINTER = timezone(timedelta(hours=1))


def in_berlin(naive: datetime) -> datetime:
    return naive.replace(tzinfo=BERLIN_WINTER)


def noon(day: str, zone: timezone = BERLIN_WINTER) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.min.time().replace(hour=12), zone)


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def parse_fixture(name: str) -> ParsedFile:
    return fitnotes.parse(fixture(name), in_berlin)


def all_sets(parsed: ParsedFile) -> list[SourceSet]:
    return [s for workout in parsed.workouts for s in workout.sets]


def one_row(cells: str, header: str = FITNOTES_HEADER) -> str:
    return f"{header}\n{cells}\n"


def test_kgs_export_makes_one_workout_per_day_at_noon() -> None:
    parsed = parse_fixture("fitnotes_kgs.csv")

    assert parsed.format is ImportFormat.FITNOTES
    assert parsed.problems == ()
    assert not parsed.weights_without_unit
    assert [w.started_at for w in parsed.workouts] == [
        noon("2026-03-03"),
        noon("2026-03-10"),
        noon("2026-03-17"),
        noon("2026-03-24"),
    ]
    assert [len(w.sets) for w in parsed.workouts] == [5, 5, 2, 2]
    assert [w.line for w in parsed.workouts] == [2, 7, 13, 15]
    assert all(w.ended_at is None and w.name == "" and w.notes == "" for w in parsed.workouts)
    for workout in parsed.workouts:
        assert {s.performed_at for s in workout.sets} == {workout.started_at}


def test_kgs_export_sets_in_file_order() -> None:
    parsed = parse_fixture("fitnotes_kgs.csv")

    assert [
        (s.line, s.exercise, s.weight, s.unit, s.reps, s.seconds, s.note) for s in all_sets(parsed)
    ] == [
        (2, "Romanian Deadlift (Barbell)", 60.0, Unit.KG, 8, None, ""),
        (3, "Romanian Deadlift (Barbell)", 90.0, Unit.KG, 8, None, "Belt on, felt solid 💪"),
        (4, "Romanian Deadlift (Barbell)", 90.0, Unit.KG, 8, None, ""),
        (5, "Hip Thrust (Barbell)", 100.0, Unit.KG, 12, None, ""),
        (6, "Plank", None, None, None, 90.0, ""),
        (
            7,
            "Good Morning (Barbell)",
            40.0,
            Unit.KG,
            10,
            None,
            'Slow eccentric;\n"hinge, don\'t squat"',
        ),
        (9, "Kettlebell Swing", 24.0, Unit.KG, 20, None, ""),
        (10, "Glute Bridge", None, None, 20, None, ""),
        (11, "Flat Barbell Bench Press", 80.0, Unit.KG, 5, None, ""),
        (12, "Flat Barbell Bench Press", 80.0, Unit.KG, 5, None, ""),
        (13, "Running (Outdoor)", None, None, None, 1695.0, "5 km; Easy pace 🏃"),
        (14, "Romanian Deadlift (Barbell)", 95.0, Unit.KG, 8, None, ""),
        (15, "Romanian Deadlift (Barbell)", 97.5, Unit.KG, 8, None, ""),
        (16, "Plank", None, None, None, 105.0, ""),
    ]
    assert {(s.kind, s.rpe, s.side) for s in all_sets(parsed)} == {(SetKind.WORKING, None, None)}


def test_lbs_export_without_a_comment_column() -> None:
    parsed = parse_fixture("fitnotes_lbs.csv")

    assert parsed.problems == ()
    assert [w.started_at for w in parsed.workouts] == [
        noon("2026-02-02"),
        noon("2026-02-09"),
        noon("2026-02-16"),
    ]
    assert [
        (s.exercise, s.weight, s.unit, s.reps, s.seconds, s.note) for s in all_sets(parsed)
    ] == [
        ("Romanian Deadlift (Barbell)", 135.0, Unit.LB, 8, None, ""),
        ("Romanian Deadlift (Barbell)", 185.0, Unit.LB, 8, None, ""),
        ("Hip Thrust (Barbell)", 225.0, Unit.LB, 10, None, ""),
        ("Kettlebell Swing", 53.0, Unit.LB, 20, None, ""),
        ("Good Morning (Barbell)", 95.0, Unit.LB, 10, None, ""),
        ("Running (Treadmill)", None, None, None, 1180.0, "2 mi"),
        ("Flat Barbell Bench Press", 185.0, Unit.LB, 5, None, ""),
        ("Plank", None, None, None, 60.0, ""),
    ]


def test_weight_unit_column_names_each_rows_unit() -> None:
    parsed = parse_fixture("fitnotes_weight_unit.csv")

    assert parsed.problems == ()
    assert [len(w.sets) for w in parsed.workouts] == [4, 3]
    assert [
        (s.exercise, s.weight, s.unit, s.reps, s.seconds, s.note) for s in all_sets(parsed)
    ] == [
        ("Romanian Deadlift (Barbell)", 100.0, Unit.KG, 8, None, "Hook grip, no straps"),
        ("Kettlebell Swing", 53.0, Unit.LB, 20, None, "Gym kettlebells are in pounds"),
        ("Glute Bridge", None, None, 25, None, ""),
        ("Plank", None, None, None, 75.0, ""),
        ("Running (Outdoor)", None, None, None, 200.0, "800 m; Intervals 1/4"),
        ("Running (Outdoor)", None, None, None, 198.0, "800 m; Intervals 2/4"),
        ("Good Morning (Barbell)", 50.0, Unit.KG, 8, None, ""),
    ]


def test_ios_export_with_both_weight_columns_keeps_the_one_entered() -> None:
    parsed = parse_fixture("fitnotes_ios.csv")

    assert parsed.problems == ()
    assert [w.started_at for w in parsed.workouts] == [noon("2026-05-04"), noon("2026-05-06")]
    assert [
        (s.exercise, s.weight, s.unit, s.reps, s.seconds, s.note) for s in all_sets(parsed)
    ] == [
        ("Romanian Deadlift (Barbell)", 100.0, Unit.KG, 8, None, ""),
        ("Romanian Deadlift (Barbell)", 135.0, Unit.LB, 10, None, "Back-off set, 3s lower"),
        ("Hip Thrust (Barbell)", 120.0, Unit.KG, 10, None, ""),
        ("Plank", None, None, None, 90.0, ""),
        ("Kettlebell Swing", 24.0, Unit.KG, 15, None, "Russian swings 🔔"),
        ("Running (Outdoor)", None, None, None, 1630.0, "3.1 mi"),
    ]


def test_ios_weights_that_disagree_are_a_problem() -> None:
    header = (
        "Date,Exercise,Category,Weight (kg),Weight (lbs),Reps,Distance,Distance Unit,Time,Notes,"
        "Kind"
    )

    parsed = fitnotes.parse(
        one_row("2026-05-04,Hip Thrust,Legs,20,100,8,,,,,wr", header), in_berlin
    )

    assert parsed.workouts == ()
    assert [(p.line, p.reason) for p in parsed.problems] == [
        (2, "Weight (kg) “20” and Weight (lbs) “100” are not the same weight")
    ]


def test_weights_without_a_unit_are_kept_without_one() -> None:
    parsed = parse_fixture("fitnotes_no_unit.csv")

    assert parsed.problems == ()
    assert parsed.weights_without_unit
    assert [(s.weight, s.unit, s.reps) for s in all_sets(parsed)] == [
        (80.0, None, 8),
        (80.0, None, 8),
        (None, None, 15),
        (40.0, None, 10),
        (70.0, None, 6),
    ]
    assert [w.started_at for w in parsed.workouts] == [noon("2026-01-05"), noon("2026-01-12")]


@pytest.mark.parametrize(
    ("written", "viewed"),
    [(1, 1), (1, -10), (-10, 1), (14, 3), (-11, 0), (5.5, -5), (0, 11.5), (-3, 8.75)],
)
def test_a_day_stays_on_its_date_where_its_noon_is_shown(written: float, viewed: float) -> None:
    """Noon in the zone the file is read in is the same date in any zone under 12 hours away."""
    zone = timezone(timedelta(hours=written))
    asked: list[datetime] = []

    def localise(naive: datetime) -> datetime:
        asked.append(naive)
        return naive.replace(tzinfo=zone)

    parsed = fitnotes.parse(fixture("fitnotes_kgs.csv"), localise)

    assert asked == [datetime(2026, 3, day, 12) for day in (3, 10, 17, 24)]
    assert [w.started_at for w in parsed.workouts] == [
        noon(f"2026-03-{day:02}", zone) for day in (3, 10, 17, 24)
    ]
    shown = [w.started_at.astimezone(timezone(timedelta(hours=viewed))) for w in parsed.workouts]
    assert [moment.date() for moment in shown] == [date(2026, 3, d) for d in (3, 10, 17, 24)]


def test_a_date_seen_again_later_joins_its_days_workout() -> None:
    text = (
        f"{FITNOTES_HEADER}\n2026-03-03,Romanian Deadlift,Back,90,8,,,,\n"
        "2026-03-04,Glute Bridge,Legs,0,20,,,,\n2026-03-03,Hip Thrust,Legs,100,10,,,,\n"
    )

    parsed = fitnotes.parse(text, in_berlin)

    assert [[s.line for s in w.sets] for w in parsed.workouts] == [[2, 4], [3]]


def test_bad_rows_are_reported_on_the_line_their_record_starts() -> None:
    parsed = parse_fixture("fitnotes_bad_rows.csv")

    assert [(p.line, p.reason) for p in parsed.problems] == [
        (5, "Weight (kgs) “heavy” is not a number"),
        (6, "Date “2026-03-32” is not a date like 2026-04-07"),
        (7, "Date “07/03/2026” is not a date like 2026-04-07"),
        (8, "Time “1:75” is not a duration like 0:01:30"),
        (9, "Exercise is empty"),
        (10, "Reps “twenty” is not a number"),
        (12, "the row has more cells than the header: “stopped early”"),
    ]
    assert [(s.line, s.exercise, s.note) for s in all_sets(parsed)] == [
        (2, "Romanian Deadlift (Barbell)", "Brace,\nbreathe,\npull 🏋️"),
        (13, "Glute Bridge", ""),
    ]


def test_the_lines_counted_are_those_of_the_file() -> None:
    text = fixture("fitnotes_bad_rows.csv")
    lines = text.split("\n")

    for problem in fitnotes.parse(text, in_berlin).problems:
        assert lines[problem.line - 1].count(",") >= 8, problem


@pytest.mark.parametrize(
    ("written", "seconds"),
    [
        ("0:01:30", 90.0),
        ("00:01:30", 90.0),
        ("1:30", 90.0),
        ("01:02:03", 3723.0),
        ("90", 90.0),
        ("0:00:00", None),
        ("", None),
    ],
)
def test_time_column(written: str, seconds: float | None) -> None:
    (plank,) = all_sets(
        fitnotes.parse(one_row(f"2026-03-03,Plank,Abs,0.0,0,,,{written},"), in_berlin)
    )

    assert plank.seconds == seconds


@pytest.mark.parametrize("written", ["1:75", "1:60:00", "1:2:3:4", "abc", "-0:30", "1h 30m"])
def test_times_that_are_not_durations(written: str) -> None:
    parsed = fitnotes.parse(one_row(f"2026-03-03,Plank,Abs,0.0,0,,,{written},"), in_berlin)

    assert [p.reason for p in parsed.problems] == [
        f"Time “{written}” is not a duration like 0:01:30"
    ]


def test_an_unknown_weight_unit_is_a_problem() -> None:
    header = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment"

    parsed = fitnotes.parse(
        one_row("2026-03-03,Kettlebell Swing,Legs,2,stone,20,,,,", header), in_berlin
    )

    assert [p.reason for p in parsed.problems] == ["Weight Unit “stone” is not kgs or lbs"]


def test_a_distance_without_its_unit_says_what_it_is() -> None:
    (run,) = all_sets(fitnotes.parse(one_row("2026-03-03,Running,Cardio,,,5,,0:25:00,"), in_berlin))

    assert run.note == "distance 5"


def test_semicolons_with_decimal_commas() -> None:
    text = one_row(
        "2026-03-03;Romanian Deadlift;Back;62,5;8;;;;Schwer, aber sauber",
        FITNOTES_HEADER.replace(",", ";"),
    )

    (rdl,) = all_sets(fitnotes.parse(text, in_berlin))

    assert (rdl.weight, rdl.unit, rdl.reps, rdl.note) == (62.5, Unit.KG, 8, "Schwer, aber sauber")


def test_columns_in_another_order_and_case() -> None:
    header = "DATE,Category,exercise,Weight (LBS),reps,Distance,Distance Unit,time"

    (thrust,) = all_sets(
        fitnotes.parse(one_row("2026-03-03,Legs,Hip Thrust,225,10,,,", header), in_berlin)
    )

    assert (thrust.exercise, thrust.weight, thrust.unit, thrust.reps) == (
        "Hip Thrust",
        225.0,
        Unit.LB,
        10,
    )


def test_a_byte_order_mark_and_windows_line_ends() -> None:
    text = "\ufeff" + fixture("fitnotes_kgs.csv").replace("\n", "\r\n")

    parsed = fitnotes.parse(text, in_berlin)

    assert parsed.problems == ()
    assert parsed.set_count == 14
    assert all_sets(parsed)[5].note == 'Slow eccentric;\r\n"hinge, don\'t squat"'


def test_a_file_of_another_format_is_one_problem_on_its_header() -> None:
    parsed = fitnotes.parse(f"{HEVY_QUOTED_HEADER}\n", in_berlin)

    assert parsed.workouts == ()
    assert [(p.line, p.reason) for p in parsed.problems] == [
        (1, "the header has no Date or Exercise column; this is not a FitNotes export")
    ]


def test_an_empty_file_is_a_problem_not_a_crash() -> None:
    parsed = fitnotes.parse("", in_berlin)

    assert parsed.workouts == ()
    assert [p.line for p in parsed.problems] == [1]


def test_a_record_the_reader_gives_up_on_is_a_problem() -> None:
    text = (
        one_row("2026-03-03,Plank,Abs,0,0,,,0:01:00,")
        + '2026-03-04,Plank,Abs,0,0,,,,"'
        + "x" * (csv.field_size_limit() + 10)
    )

    parsed = fitnotes.parse(text, in_berlin)

    assert parsed.set_count == 1
    assert [p.line for p in parsed.problems] == [3]


def test_a_date_this_computer_cannot_place_is_a_problem() -> None:
    def refuses(naive: datetime) -> datetime:
        raise OverflowError("timestamp out of range for platform time_t")

    parsed = fitnotes.parse(one_row("0001-01-01,Plank,Abs,0,0,,,0:01:00,"), refuses)

    assert [p.reason for p in parsed.problems] == ["Date “0001-01-01” is out of range"]


def test_progress_is_reported_to_the_end() -> None:
    calls: list[tuple[int, int]] = []

    fitnotes.parse(
        fixture("fitnotes_kgs.csv"), in_berlin, lambda done, total: calls.append((done, total))
    )

    assert calls[-1] == (16, 16)


@pytest.mark.parametrize(
    "name",
    [
        "fitnotes_kgs.csv",
        "fitnotes_lbs.csv",
        "fitnotes_weight_unit.csv",
        "fitnotes_ios.csv",
        "fitnotes_no_unit.csv",
        "fitnotes_bad_rows.csv",
    ],
)
def test_matches_its_own_headers(name: str) -> None:
    assert fitnotes.matches(header_of(fixture(name)))


def test_matches_an_older_header_with_category_second() -> None:
    assert fitnotes.matches(
        header_of("Date,Category,Exercise,Weight (lbs),Reps,Distance,Distance Unit,Time")
    )


@pytest.mark.parametrize(
    "header",
    [STRONG_HEADER, HINGE_HEADER, HEVY_QUOTED_HEADER, "Date,Exercise", "Exercise,Weight,Reps", ""],
)
def test_does_not_match_other_headers(header: str) -> None:
    assert not fitnotes.matches(header_of(header))
