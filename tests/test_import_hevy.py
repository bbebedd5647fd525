"""Reading Hevy's CSV export: every variant's sets, workouts and notes, and every bad row's line."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from import_headers import FITNOTES_HEADER, HEVY_HEADER, HINGE_HEADER, STRONG_HEADER

from hinge_desktop.domain.imports import hevy
from hinge_desktop.domain.imports.csv_rows import header_of
from hinge_desktop.domain.imports.model import ImportFormat, ParsedFile, SourceSet
from hinge_desktop.domain.training import SetKind, Unit

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
BERLIN_SUMMER = timezone(timedelta(hours=2))


def in_berlin(naive: datetime) -> datetime:
    return naive.replace(tzinfo=BERLIN_SUMMER)


def at(text: str) -> datetime:
    """A Berlin summer time written as ISO without an offset."""
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN_SUMMER)


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def parse_fixture(name: str) -> ParsedFile:
    return hevy.parse(fixture(name), in_berlin)


def all_sets(parsed: ParsedFile) -> list[SourceSet]:
    return [s for workout in parsed.workouts for s in workout.sets]


def one_row(*, start: str = "7 Apr 2026, 10:14", end: str = "7 Apr 2026, 11:02") -> str:
    return (
        f'{HEVY_HEADER}\n"Hinge","{start}","{end}","","Romanian Deadlift (Barbell)",,"",0,"normal",'
        "100,8,,0,\n"
    )


# The kilogram export: five workouts over three weeks, newest first, as Hevy writes them.

RDL_NOTE = 'Bar close to the legs,\n"soft" knees 🙂'


def test_kg_export_makes_one_workout_per_title_and_start() -> None:
    parsed = parse_fixture("hevy_kg.csv")

    assert parsed.format is ImportFormat.HEVY
    assert parsed.problems == ()
    assert not parsed.weights_without_unit
    assert [(w.name, w.started_at, w.ended_at) for w in parsed.workouts] == [
        ("Posterior Chain 🍑", at("2026-04-07 10:14"), at("2026-04-07 11:02")),
        ("Push & Hinge", at("2026-03-31 18:05"), at("2026-03-31 19:10")),
        ("Evening Lift", at("2026-03-24 18:30"), at("2026-03-24 19:25")),
        ("Morning Mobility", at("2026-03-24 07:00"), at("2026-03-24 07:20")),
        ("Posterior Chain 🍑", at("2026-03-17 10:00"), at("2026-03-17 10:50")),
    ]
    assert [len(w.sets) for w in parsed.workouts] == [12, 7, 3, 2, 3]
    assert parsed.set_count == 27
    assert [w.line for w in parsed.workouts] == [2, 31, 38, 41, 43]
    assert parsed.workouts[0].notes == 'Felt strong, slept 8h.\nHips "snapped" through 💥'
    assert parsed.workouts[3].notes == "Stiff back 😬"
    assert parsed.workouts[1].notes == ""


def test_kg_export_sets_keep_kinds_weights_rpe_and_exercise_notes() -> None:
    first = parse_fixture("hevy_kg.csv").workouts[0]
    rdl = [s for s in first.sets if s.exercise == "Romanian Deadlift (Barbell)"]

    assert [s.kind for s in rdl] == [
        SetKind.WARMUP,
        SetKind.WORKING,
        SetKind.WORKING,
        SetKind.FAILURE,
        SetKind.DROP,
    ]
    assert [(s.weight, s.unit, s.reps, s.rpe) for s in rdl] == [
        (60.0, Unit.KG, 8, None),
        (100.0, Unit.KG, 8, 8.0),
        (102.5, Unit.KG, 8, 8.5),
        (102.5, Unit.KG, 6, 10.0),
        (80.0, Unit.KG, 8, None),
    ]
    assert {s.note for s in rdl} == {RDL_NOTE}
    assert all(s.seconds is None for s in rdl)
    assert [s.line for s in first.sets] == [2, 4, 6, 9, 12, 15, 18, 21, 23, 25, 27, 29]
    assert {s.performed_at for s in first.sets} == {at("2026-04-07 10:14")}


def test_kg_export_timed_distance_superset_and_body_weight_sets() -> None:
    parsed = parse_fixture("hevy_kg.csv")
    sets = all_sets(parsed)

    planks = [s for s in sets if s.exercise == "Plank"]
    assert [(s.seconds, s.reps, s.weight, s.unit) for s in planks] == [
        (60.0, None, None, None),
        (75.0, None, None, None),
        (45.0, None, None, None),
    ]
    assert [s.note for s in planks] == ["superset 0", "superset 0", ""]
    (run,) = [s for s in sets if s.exercise == "Running"]
    assert (run.seconds, run.reps, run.weight, run.note) == (900.0, None, None, "2.5 km")
    hip_thrusts = [s.note for s in parsed.workouts[0].sets if s.exercise.startswith("Hip")]
    assert hip_thrusts == ["superset 0", "superset 0"]
    bridges = [s for s in parsed.workouts[1].sets if s.exercise == "Glute Bridge"]
    assert [(s.weight, s.unit, s.reps, s.note) for s in bridges] == [
        (None, None, 20, "superset 1"),
        (None, None, 20, "superset 1"),
    ]
    good_mornings = [s for s in parsed.workouts[1].sets if s.exercise.startswith("Good")]
    assert [s.note for s in good_mornings] == ["Light, slow, braced"] * 2


def test_workouts_are_told_apart_by_title_and_start_together() -> None:
    text = (
        f"{HEVY_HEADER}\n"
        'Hinge,"7 Apr 2026, 10:14",,,Romanian Deadlift (Barbell),,,0,normal,100,8,,,\n'
        'Mobility,"7 Apr 2026, 10:14",,,Plank,,,0,normal,,,,60,\n'
        'Hinge,"7 Apr 2026, 10:14",,,Kettlebell Swing,,,0,normal,24,15,,,\n'
        'Hinge,"8 Apr 2026, 10:14",,,Kettlebell Swing,,,0,normal,24,15,,,\n'
    )

    parsed = hevy.parse(text, in_berlin)

    assert [(w.name, w.line, [s.line for s in w.sets]) for w in parsed.workouts] == [
        ("Hinge", 2, [2, 4]),
        ("Mobility", 3, [3]),
        ("Hinge", 5, [5]),
    ]


def test_lbs_export_reads_pounds_and_miles() -> None:
    parsed = parse_fixture("hevy_lbs.csv")
    sets = all_sets(parsed)

    assert parsed.problems == ()
    assert [w.name for w in parsed.workouts] == ["Lower A", "Upper A", "Lower B"]
    assert [len(w.sets) for w in parsed.workouts] == [7, 4, 3]
    assert {s.unit for s in sets if s.weight is not None} == {Unit.LB}
    lower_a = parsed.workouts[0].sets
    assert [(s.kind, s.weight, s.reps, s.rpe) for s in lower_a[:4]] == [
        (SetKind.WARMUP, 95.0, 8, None),
        (SetKind.WORKING, 185.0, 8, 8.0),
        (SetKind.FAILURE, 185.0, 7, 9.5),
        (SetKind.DROP, 135.0, 10, None),
    ]
    assert [s.note for s in lower_a[4:6]] == ["superset 0", "superset 0"]
    assert (lower_a[6].seconds, lower_a[6].note) == (720.0, "1.55 mi")
    assert parsed.workouts[1].notes == 'Shoulder a bit "cranky", kept it light'
    assert parsed.workouts[1].sets[3].seconds == 90.0
    assert parsed.workouts[2].sets[0].note == "Go by feel; no grinding ✅"
    assert parsed.workouts[2].started_at == at("2026-04-07 06:50")


def test_iso_dates_unquoted_cells() -> None:
    parsed = parse_fixture("hevy_iso_dates.csv")

    assert parsed.problems == ()
    assert [(w.name, w.started_at, w.ended_at) for w in parsed.workouts] == [
        ("Hinge Day", at("2026-04-07 10:14"), at("2026-04-07 11:02")),
        ("Easy Run", at("2026-04-09 07:30"), at("2026-04-09 08:02")),
    ]
    assert [(s.exercise, s.kind, s.weight, s.reps, s.seconds) for s in all_sets(parsed)] == [
        ("Romanian Deadlift (Barbell)", SetKind.WARMUP, 60.0, 8, None),
        ("Romanian Deadlift (Barbell)", SetKind.WORKING, 100.0, 8, None),
        ("Kettlebell Swing", SetKind.WORKING, 24.0, 20, None),
        ("Plank", SetKind.WORKING, None, None, 60.0),
        ("Running", SetKind.WORKING, None, None, 1860.0),
    ]
    assert parsed.workouts[1].notes == "Legs heavy, kept it easy"
    assert parsed.workouts[1].sets[0].note == "5.2 km"


def test_month_names_in_the_apps_language() -> None:
    parsed = parse_fixture("hevy_german.csv")

    assert parsed.problems == ()
    assert [(w.name, w.started_at, w.ended_at) for w in parsed.workouts] == [
        ("Beine & Po", at("2026-10-02 18:00"), at("2026-10-02 19:05")),
        ("Beine", at("2026-07-25 14:21"), at("2026-07-25 16:27")),
        ("Ganzkörper", at("2026-03-03 07:05"), at("2026-03-03 08:00")),
    ]
    assert parsed.workouts[0].sets[0].note == "Rücken gerade 👍"
    assert parsed.workouts[1].sets[1].seconds == 60.0


def test_twelve_hour_clock_with_month_first() -> None:
    parsed = parse_fixture("hevy_us_clock.csv")

    assert parsed.problems == ()
    assert [(w.started_at, w.ended_at) for w in parsed.workouts] == [
        (at("2026-04-12 23:40"), at("2026-04-13 00:35")),
        (at("2026-04-09 12:05"), at("2026-04-09 12:50")),
        (at("2026-04-07 07:26"), at("2026-04-07 08:02")),
    ]
    assert parsed.workouts[1].sets[1].note == "1.2 mi"
    assert {s.unit for s in all_sets(parsed) if s.weight is not None} == {Unit.LB}


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("7 Apr 2026, 10:14", at("2026-04-07 10:14")),
        ("07 Apr 2026, 10:14:30", at("2026-04-07 10:14:30")),
        ("7 April 2026, 10:14", at("2026-04-07 10:14")),
        ("7 Apr 2026 10:14", at("2026-04-07 10:14")),
        ("25. Juli 2026, 14:21", at("2026-07-25 14:21")),
        ("3 März 2026, 07:05", at("2026-03-03 07:05")),
        ("3 Maerz 2026, 07:05", at("2026-03-03 07:05")),
        ("7 avr. 2026 à 10:14", at("2026-04-07 10:14")),
        ("7 de abr. de 2026, 10:14", at("2026-04-07 10:14")),
        ("7 de abr. de 2026, 10:14 p. m.", at("2026-04-07 22:14")),
        ("7 dic 2026, 10:14", at("2026-12-07 10:14")),
        ("7 mei 2026 om 10:14", at("2026-05-07 10:14")),
        ("Apr 7, 2026, 7:26 PM", at("2026-04-07 19:26")),
        ("Apr 7, 2026, 12:00 AM", at("2026-04-07 00:00")),
        ("Apr 7, 2026, 12:00 pm", at("2026-04-07 12:00")),
        ("2026-04-07 10:14:00", at("2026-04-07 10:14")),
        ("2026-04-07T10:14", at("2026-04-07 10:14")),
        ("2026-04-07T08:14:00Z", datetime(2026, 4, 7, 8, 14, tzinfo=UTC)),
        (
            "2026-04-07T10:14:00+05:30",
            datetime(2026, 4, 7, 10, 14, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        ),
    ],
)
def test_start_times_hevy_writes(written: str, expected: datetime) -> None:
    parsed = hevy.parse(one_row(start=written, end=""), in_berlin)

    assert parsed.problems == ()
    (workout,) = parsed.workouts
    assert workout.started_at == expected
    assert workout.started_at.utcoffset() == expected.utcoffset()
    assert workout.ended_at is None


@pytest.mark.parametrize(
    "written",
    [
        "31 Foo 2026, 10:14",
        "7 Apr 2026",
        "32 Apr 2026, 10:14",
        "29 Feb 2026, 10:14",
        "7 Apr 2026, 25:00",
        "7 Apr 2026, 10:75",
        "Apr 7, 2026, 13:10 PM",
        "7 Apr 26, 10:14",
        "7 Apr Mar 2026, 10:14",
        "7 Apr 2026, 10:14, 11:14",
        "2026-04-07",
        "2026-04-07 25:14",
        "07/04/2026 10:14",
        "yesterday",
    ],
)
def test_start_times_that_are_not_dates(written: str) -> None:
    parsed = hevy.parse(one_row(start=written), in_berlin)

    assert parsed.workouts == ()
    assert [(p.line, p.reason) for p in parsed.problems] == [
        (2, f"start_time “{written}” is not a date like 7 Apr 2026, 10:14")
    ]


def test_bad_rows_are_reported_on_the_line_their_record_starts() -> None:
    parsed = parse_fixture("hevy_bad_rows.csv")

    assert [(p.line, p.reason) for p in parsed.problems] == [
        (6, "weight_kg “abc” is not a number"),
        (7, "start_time “31 Foo 2026, 10:14” is not a date like 7 Apr 2026, 10:14"),
        (10, "set_type “superset” is not one of normal, warmup, dropset, failure"),
        (11, "reps “8.5” is not a whole number"),
        (12, "exercise_title is empty"),
        (13, "end_time “7 Apr 2026, 09:02” is before start_time “7 Apr 2026, 10:14”"),
        (14, "the row has more cells than the header: “7”"),
        (16, "rpe “hard” is not a number"),
    ]
    assert [(s.line, s.exercise) for s in all_sets(parsed)] == [
        (2, "Romanian Deadlift (Barbell)"),
        (3, "Hip Thrust (Barbell)"),
        (8, "Kettlebell Swing"),
        (15, "Plank"),
    ]
    assert all_sets(parsed)[1].note == 'Pause at the top,\nsqueeze "hard"\n🔥'
    assert parsed.workouts[0].notes == ""


def test_the_lines_counted_are_those_of_the_file() -> None:
    text = fixture("hevy_bad_rows.csv")
    lines = text.split("\n")

    for problem in hevy.parse(text, in_berlin).problems:
        assert lines[problem.line - 1].startswith('"Hinge",'), problem


def test_unknown_and_empty_set_types() -> None:
    row = one_row()
    text = row.replace('"normal"', '"Warmup"') + row.splitlines()[1].replace('"normal"', '""')

    sets = all_sets(hevy.parse(text, in_berlin))

    assert [s.kind for s in sets] == [SetKind.WARMUP, SetKind.WORKING]


def test_a_header_with_both_weight_columns_reads_the_filled_one() -> None:
    text = (
        "title,start_time,end_time,exercise_title,set_index,set_type,weight_kg,weight_lbs,reps\n"
        'A,"7 Apr 2026, 10:14",,Hip Thrust (Barbell),0,normal,100,,8\n'
        'A,"7 Apr 2026, 10:14",,Hip Thrust (Barbell),1,normal,,225,8\n'
        'A,"7 Apr 2026, 10:14",,Glute Bridge,0,normal,,,20\n'
    )

    sets = all_sets(hevy.parse(text, in_berlin))

    assert [(s.weight, s.unit) for s in sets] == [(100.0, Unit.KG), (225.0, Unit.LB), (None, None)]


def test_semicolons_with_decimal_commas_and_tabs() -> None:
    semicolons = (
        HEVY_HEADER.replace(",", ";")
        + '\n"Hinge";"7 Apr 2026, 10:14";"7 Apr 2026, 11:02";"";"Romanian Deadlift (Barbell)";;"";'
        "0;normal;102,5;8;;0;8,5\n"
    )
    tabs = (
        HEVY_HEADER.replace(",", "\t")
        + "\nHinge\t7 Apr 2026, 10:14\t\t\tKettlebell Swing\t\t\t0\tnormal\t24\t15\t\t0\t\n"
    )

    (rdl,) = all_sets(hevy.parse(semicolons, in_berlin))
    (swing,) = all_sets(hevy.parse(tabs, in_berlin))

    assert (rdl.weight, rdl.rpe, rdl.reps) == (102.5, 8.5, 8)
    assert (swing.exercise, swing.weight, swing.reps) == ("Kettlebell Swing", 24.0, 15)


def test_a_byte_order_mark_and_windows_line_ends() -> None:
    text = "\ufeff" + one_row().replace("\n", "\r\n")

    parsed = hevy.parse(text, in_berlin)

    assert parsed.problems == ()
    assert parsed.set_count == 1


def test_the_header_and_cells_are_found_whatever_their_case() -> None:
    text = one_row().replace("exercise_title", "Exercise_Title").replace("weight_kg", "WEIGHT_KG")

    (rdl,) = all_sets(hevy.parse(text, in_berlin))

    assert (rdl.exercise, rdl.weight, rdl.unit) == ("Romanian Deadlift (Barbell)", 100.0, Unit.KG)


def test_a_file_of_another_format_is_one_problem_on_its_header() -> None:
    parsed = hevy.parse(f"{STRONG_HEADER}\n2026-04-07 10:14:00,A,1h,RDL,1,100,8,,,,,\n", in_berlin)

    assert parsed.workouts == ()
    assert [p.line for p in parsed.problems] == [1]
    assert "title, start_time, exercise_title" in parsed.problems[0].reason


def test_an_empty_file_is_a_problem_not_a_crash() -> None:
    parsed = hevy.parse("", in_berlin)

    assert parsed.workouts == ()
    assert [p.line for p in parsed.problems] == [1]


def test_a_record_the_reader_gives_up_on_is_a_problem() -> None:
    text = one_row() + '"Hinge","7 Apr 2026, 10:14","' + "x" * (csv.field_size_limit() + 10)

    parsed = hevy.parse(text, in_berlin)

    assert parsed.set_count == 1
    assert [p.line for p in parsed.problems] == [3]


def test_a_time_this_computer_cannot_place_is_a_problem() -> None:
    def refuses(naive: datetime) -> datetime:
        raise OverflowError("timestamp out of range for platform time_t")

    parsed = hevy.parse(one_row(), refuses)

    assert parsed.workouts == ()
    assert [p.reason for p in parsed.problems] == ["start_time “7 Apr 2026, 10:14” is out of range"]


def test_progress_is_reported_to_the_end() -> None:
    calls: list[tuple[int, int]] = []

    hevy.parse(fixture("hevy_kg.csv"), in_berlin, lambda done, total: calls.append((done, total)))

    assert calls
    assert calls[-1] == (45, 45)


@pytest.mark.parametrize(
    "name",
    [
        "hevy_kg.csv",
        "hevy_lbs.csv",
        "hevy_iso_dates.csv",
        "hevy_german.csv",
        "hevy_us_clock.csv",
        "hevy_bad_rows.csv",
    ],
)
def test_matches_its_own_headers(name: str) -> None:
    assert hevy.matches(header_of(fixture(name)))


@pytest.mark.parametrize(
    "header",
    [
        STRONG_HEADER,
        HINGE_HEADER,
        FITNOTES_HEADER,
        "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment",
        "title,start_time",
        "",
    ],
)
def test_does_not_match_other_headers(header: str) -> None:
    assert not hevy.matches(header_of(header))


def test_matches_a_header_in_capitals_and_other_orders() -> None:
    assert hevy.matches(["Exercise_Title", "Title", "Start_Time", "weight_lbs", "reps"])


def test_a_superscript_digit_in_a_date_is_a_bad_line_not_a_crash() -> None:
    row = (
        '"Legs","7 Apr 2026² 10:14","7 Apr 2026, 11:00","","Glute Bridge","","",0,"normal",0,12,,,'
    )
    parsed = hevy.parse(HEVY_HEADER + "\n" + row + "\n", in_berlin)
    assert [(p.line, "start_time" in p.reason) for p in parsed.problems] == [(2, True)]
