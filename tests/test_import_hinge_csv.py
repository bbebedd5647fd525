"""Hinge's own CSV export read back: every field of every set, grouped into workouts."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from drill_catalogue import NAMES, UNITS
from import_headers import FITNOTES_HEADER, HEVY_HEADER, HINGE_HEADER, STRONG_HEADER

from hinge_desktop.domain.imports import hinge_csv, strong
from hinge_desktop.domain.imports.csv_rows import header_of
from hinge_desktop.domain.imports.hinge_csv import Notes, decode_notes
from hinge_desktop.domain.imports.model import ImportFormat, ParsedFile, SourceSet
from hinge_desktop.domain.training import CheckOutcome, LoggedSet, SetKind, Side, Unit, Workout
from hinge_desktop.storage.exporting import csv_export as export_csv
from hinge_desktop.storage.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))
KOLKATA = timezone(timedelta(hours=5, minutes=30))
NEW_YORK = timezone(timedelta(hours=-5))


def local(naive: datetime) -> datetime:
    return naive.replace(tzinfo=NEW_YORK)


def text_of(name: str) -> str:
    return (FIXTURES / name).read_bytes().decode("utf-8")


def sets_of(parsed: ParsedFile) -> list[SourceSet]:
    return [logged for workout in parsed.workouts for logged in workout.sets]


def csv_text(rows: list[list[str]], header: str = HINGE_HEADER) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header.split(","))
    writer.writerows(rows)
    return buffer.getvalue()


def row(
    date: str,
    workout: str = "",
    drill_id: str = "glute-bridge",
    *,
    reps: str = "10",
    notes: str = "",
) -> list[str]:
    return (
        [date, workout, drill_id, NAMES.get(drill_id, drill_id), "1", "", reps] + [""] * 5 + [notes]
    )


# The header


def test_the_header_is_the_documented_one() -> None:
    assert ",".join(hinge_csv.HEADER) == HINGE_HEADER


@pytest.mark.parametrize("name", ["hinge_export.csv", "hinge_bad_rows.csv"])
def test_hinge_headers_are_recognised_and_strong_does_not_claim_them(name: str) -> None:
    header = header_of(text_of(name))
    assert hinge_csv.matches(header)
    assert not strong.matches(header)


@pytest.mark.parametrize(
    "line", [STRONG_HEADER, HEVY_HEADER, FITNOTES_HEADER, "date,workout,drill", ""]
)
def test_other_headers_are_not_hinge_csv(line: str) -> None:
    assert not hinge_csv.matches(header_of(line))


def test_a_file_that_is_not_hinge_csv_is_one_problem_on_line_one() -> None:
    parsed = hinge_csv.parse(
        STRONG_HEADER + "\n2024-03-05 07:14:09,A,1h,Plank,1,0,0,0,60,,,\n", local
    )
    assert parsed.workouts == ()
    [problem] = parsed.problems
    assert problem.line == 1
    assert "“drill_id”" in problem.reason


# The fixture


def test_an_export_reads_back_into_workouts_and_quick_logged_sets() -> None:
    parsed = hinge_csv.parse(text_of("hinge_export.csv"), local)
    assert parsed.format is ImportFormat.HINGE_CSV
    assert parsed.problems == ()
    assert not parsed.weights_without_unit
    assert [
        (w.line, w.name, w.outside_workout, w.started_at, w.ended_at, [s.line for s in w.sets])
        for w in parsed.workouts
    ] == [
        (2, "", True, datetime(2024, 3, 29, 7, 2, 10, tzinfo=CET), None, [2]),
        (
            3,
            "Morning activation",
            False,
            datetime(2024, 3, 29, 7, 5, tzinfo=CET),
            datetime(2024, 3, 29, 7, 15, tzinfo=CET),
            [3, 4, 5, 6, 7],
        ),
        (
            9,
            "Loading day",
            False,
            datetime(2024, 3, 31, 18, 30, tzinfo=CEST),
            datetime(2024, 3, 31, 18, 46, tzinfo=CEST),
            [9, 10, 11, 13],
        ),
        (12, "", True, datetime(2024, 3, 31, 18, 45, tzinfo=CEST), None, [12]),
        (
            14,
            "Loading day",
            False,
            datetime(2024, 4, 2, 7, 0, tzinfo=CEST),
            datetime(2024, 4, 2, 7, 0, tzinfo=CEST),
            [14],
        ),
    ]
    squeeze, warm_up, light, left, right, hold, rdl, failure, drop, aslr, swing, morning = sorted(
        sets_of(parsed), key=lambda s: s.line
    )
    assert (squeeze.drill_id, squeeze.exercise, squeeze.result, squeeze.reps) == (
        "glute-squeeze-test",
        "Glute squeeze test",
        CheckOutcome.PASS,
        None,
    )
    assert squeeze.performed_at.utcoffset() == timedelta(hours=1)
    assert (warm_up.kind, warm_up.note, warm_up.reps, warm_up.set_number) == (
        SetKind.WARMUP,
        "easy",
        12,
        1,
    )
    assert (light.band, light.set_number, light.kind) == ("light", 2, SetKind.WORKING)
    assert (left.side, left.weight, left.unit, left.rpe) == (Side.LEFT, 12.0, Unit.KG, 7.0)
    assert left.note == 'Wobbly on the left; hold the wall? "next time"'
    assert right.side is Side.RIGHT
    assert (hold.seconds, hold.reps, hold.band, hold.set_number) == (30.0, None, "light", 3)
    assert hold.note == "Hold felt long,\nburning 🔥"
    assert (rdl.weight, rdl.unit, rdl.rpe, rdl.note) == (62.5, Unit.KG, 7.5, "")
    assert rdl.performed_at == datetime(2024, 3, 31, 18, 30, tzinfo=CEST)
    assert (failure.kind, failure.note, failure.set_number) == (SetKind.FAILURE, "grip", 2)
    assert (drop.kind, drop.weight) == (SetKind.DROP, 60.0)
    assert (aslr.result, aslr.measured, aslr.side, aslr.note) == (
        CheckOutcome.FAIL,
        72.5,
        Side.LEFT,
        "hamstring tight",
    )
    assert (swing.weight, swing.unit) == (35.0, Unit.LB)
    assert (morning.kind, morning.result, morning.measured, morning.note) == (
        SetKind.WARMUP,
        CheckOutcome.PASS,
        85.0,
        'note, with "quotes"',
    )


def test_bad_rows_are_reported_with_the_line_each_starts_on() -> None:
    parsed = hinge_csv.parse(text_of("hinge_bad_rows.csv"), local)
    assert [(p.line, p.reason) for p in parsed.problems] == [
        (4, "side “middle” is not left or right"),
        (5, "date “yesterday” is not a date like 2024-06-03T18:34:05+02:00"),
        (6, "drill_id is empty"),
        (7, "unit “stone” is not kg or lb"),
        (
            8,
            "set “two” is not a number; reps “8.5” is not a whole number; "
            "rpe “hard” is not a number",
        ),
    ]
    assert [(s.line, s.note) for s in sets_of(parsed)] == [
        (2, "first line\nsecond line"),
        (9, ""),
    ]


# Notes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", Notes()),
        ("easy", Notes(note="easy")),
        ("warm-up", Notes(SetKind.WARMUP)),
        ("to failure; grip", Notes(SetKind.FAILURE, note="grip")),
        ("drop set; a; b", Notes(SetKind.DROP, note="a; b")),
        ("pass", Notes(result=CheckOutcome.PASS)),
        ("fail; 72.5 degrees", Notes(result=CheckOutcome.FAIL, measured=72.5)),
        ("fail; 88", Notes(result=CheckOutcome.FAIL, measured=88.0)),
        (
            "pass; 90 degrees; felt; fine",
            Notes(result=CheckOutcome.PASS, measured=90, note="felt; fine"),
        ),
        ("warm-up; pass; 1e-05 degrees", Notes(SetKind.WARMUP, CheckOutcome.PASS, 0.00001)),
        ("pass; 3 reps felt hard", Notes(result=CheckOutcome.PASS, note="3 reps felt hard")),
        ("fail; 1e999 degrees", Notes(result=CheckOutcome.FAIL, note="1e999 degrees")),
        ("72.5 degrees", Notes(note="72.5 degrees")),
        ("10 reps", Notes(note="10 reps")),
        ("warm-up;no space", Notes(note="warm-up;no space")),
        ("Warm-up; capital", Notes(note="Warm-up; capital")),
        ("; leading", Notes(note="; leading")),
        ("warm-up; ; x", Notes(SetKind.WARMUP, note="; x")),
    ],
)
def test_notes_are_decoded_as_the_export_encodes_them(text: str, expected: Notes) -> None:
    assert decode_notes(text) == expected


# Grouping


def test_a_workout_name_again_after_three_hours_is_a_new_workout() -> None:
    text = csv_text(
        [
            row("2024-05-01T07:00:00+02:00", "Morning"),
            row("2024-05-01T09:59:59+02:00", "Morning"),
            row("2024-05-01T12:59:59+02:00", "Morning"),
            row("2024-05-01T13:00:00+02:00", "Morning"),
        ]
    )
    parsed = hinge_csv.parse(text, local)
    assert [[s.line for s in w.sets] for w in parsed.workouts] == [[2, 3], [4, 5]]


def test_quick_logged_and_other_workouts_sets_in_between_do_not_split_a_workout() -> None:
    text = csv_text(
        [
            row("2024-05-01T07:00:00+02:00", "Morning"),
            row("2024-05-01T07:01:00+02:00"),
            row("2024-05-01T07:02:00+02:00", "Evening"),
            row("2024-05-01T07:03:00+02:00", "Morning"),
            row("2024-05-01T07:04:00+02:00"),
        ]
    )
    parsed = hinge_csv.parse(text, local)
    assert [(w.name, w.outside_workout, [s.line for s in w.sets]) for w in parsed.workouts] == [
        ("Morning", False, [2, 5]),
        ("", True, [3, 6]),
        ("Evening", False, [4]),
    ]


def test_a_date_without_an_offset_is_local_time() -> None:
    parsed = hinge_csv.parse(csv_text([row("2024-01-15T07:00:00")]), local)
    assert sets_of(parsed)[0].performed_at == datetime(2024, 1, 15, 7, tzinfo=NEW_YORK)


def test_columns_are_found_by_name_and_semicolons_with_decimal_commas_read() -> None:
    text = (
        "notes;date;drill_id;drill;workout;set;side;reps;weight;unit;seconds;rpe;band\n"
        "easy;2024-01-15T07:00:00+01:00;romanian-deadlift;RDL;;2;;8;62,5;kg;;7,5;\n"
    )
    [logged] = sets_of(hinge_csv.parse(text, local))
    assert (logged.weight, logged.rpe, logged.set_number, logged.note) == (62.5, 7.5, 2, "easy")


def test_progress_is_reported_up_to_the_last_line() -> None:
    rows = [row(f"2024-05-01T07:{n % 60:02}:00+02:00", "Morning") for n in range(1500)]
    calls: list[tuple[int, int]] = []
    parsed = hinge_csv.parse(csv_text(rows), local, lambda done, total: calls.append((done, total)))
    assert parsed.set_count == 1500
    assert calls[0] == (1001, 1501)
    assert calls[-1] == (1501, 1501)


# The round trip


def fill(store: Store) -> list[tuple[LoggedSet, str]]:
    """Sets of every kind, each with the name of its workout ("" outside one)."""
    start = datetime(2024, 6, 3, 18, 30, tzinfo=CEST)
    loading = store.workouts.start(Workout(started_at=start, name='Mum\'s "quick", hinge'))
    later = datetime(2024, 6, 4, 6, 0, tzinfo=KOLKATA)
    travel = store.workouts.start(Workout(started_at=later, name="Loading day"))
    evening = store.workouts.start(
        Workout(started_at=later + timedelta(hours=12), name="Loading day")
    )
    sets = [
        (
            LoggedSet(
                drill_id="romanian-deadlift",
                performed_at=start + timedelta(minutes=1),
                set_number=1,
                reps=10,
                weight=40.0,
                unit=Unit.KG,
                kind=SetKind.WARMUP,
                workout_id=loading.id,
            ),
            loading.name,
        ),
        (
            LoggedSet(
                drill_id="romanian-deadlift",
                performed_at=start + timedelta(minutes=4, seconds=5),
                set_number=2,
                reps=8,
                weight=62.5,
                unit=Unit.KG,
                rpe=7.5,
                note='felt "solid", then\nlow back; tired\r\nnext time: lighter',
                workout_id=loading.id,
            ),
            loading.name,
        ),
        (
            LoggedSet(
                drill_id="romanian-deadlift",
                performed_at=start + timedelta(minutes=8),
                set_number=3,
                reps=6,
                weight=62.5,
                unit=Unit.KG,
                rpe=10.0,
                kind=SetKind.FAILURE,
                note="Ça va 💪 — ok\u2028next line\x0cform feed",
                workout_id=loading.id,
            ),
            loading.name,
        ),
        (
            LoggedSet(
                drill_id="aslr-test",
                performed_at=start + timedelta(minutes=9),
                side=Side.RIGHT,
                reps=3,
                measured=72.5,
                result=CheckOutcome.FAIL,
                note="hamstring tight; again",
            ),
            "",
        ),
        (
            LoggedSet(
                drill_id="hip-thrust",
                performed_at=start + timedelta(minutes=12),
                set_number=1,
                reps=15,
                weight=60.0,
                unit=Unit.KG,
                kind=SetKind.DROP,
                band='red, "heavy"',
                workout_id=loading.id,
            ),
            loading.name,
        ),
        (
            LoggedSet(
                drill_id="glute-squeeze-test",
                performed_at=start + timedelta(minutes=13),
                result=CheckOutcome.PASS,
            ),
            "",
        ),
        (
            LoggedSet(
                drill_id="single-leg-rdl",
                performed_at=later + timedelta(minutes=2),
                set_number=1,
                side=Side.LEFT,
                reps=8,
                weight=35.0,
                unit=Unit.LB,
                workout_id=travel.id,
            ),
            "Loading day",
        ),
        (
            LoggedSet(
                drill_id="glute-bridge",
                performed_at=later + timedelta(minutes=5),
                set_number=2,
                hold_seconds=30.5,
                band="light",
                workout_id=travel.id,
            ),
            "Loading day",
        ),
        (
            LoggedSet(
                drill_id="aslr-distraction-test",
                performed_at=later + timedelta(minutes=6),
                side=Side.LEFT,
                measured=88.0,
                result=CheckOutcome.PASS,
                kind=SetKind.WARMUP,
            ),
            "",
        ),
        (
            LoggedSet(
                drill_id="retired-drill",
                performed_at=later + timedelta(hours=12, minutes=1),
                set_number=4,
                reps=5,
                workout_id=evening.id,
            ),
            "Loading day",
        ),
    ]
    for logged, _ in sets:
        store.sets.add(logged)
    return sets


def test_every_field_of_every_set_survives_an_export_and_reading_back(
    store: Store, tmp_path: Path
) -> None:
    stored = fill(store)
    path = tmp_path / "export.csv"
    assert export_csv.export_csv(store.db, path, NAMES, UNITS) == len(stored)

    parsed = hinge_csv.parse(path.read_bytes().decode("utf-8"), local)

    assert parsed.problems == ()
    assert not parsed.weights_without_unit
    read = sorted(sets_of(parsed), key=lambda s: s.line)
    assert len(read) == len(stored)
    for (logged, workout_name), source in zip(stored, read, strict=True):
        assert source.drill_id == logged.drill_id
        assert source.exercise == NAMES.get(logged.drill_id, logged.drill_id)
        assert source.performed_at == logged.performed_at
        assert source.performed_at.utcoffset() == logged.performed_at.utcoffset()
        assert source.set_number == logged.set_number
        assert source.side == logged.side
        assert source.reps == logged.reps
        assert source.weight == logged.weight
        assert source.unit == logged.unit
        assert source.seconds == logged.hold_seconds
        assert source.rpe == logged.rpe
        assert source.band == logged.band
        assert source.kind == logged.kind
        assert source.result == logged.result
        assert source.measured == logged.measured
        assert source.note == logged.note
        [workout] = [w for w in parsed.workouts if source in w.sets]
        assert workout.name == workout_name
        assert workout.outside_workout == (workout_name == "")
    assert [(w.name, len(w.sets)) for w in parsed.workouts] == [
        ('Mum\'s "quick", hinge', 4),
        ("", 2),
        ("Loading day", 2),
        ("", 1),
        ("Loading day", 1),
    ]


def test_a_measurement_without_a_result_stays_in_the_note(store: Store, tmp_path: Path) -> None:
    at = datetime(2024, 6, 3, 18, 30, tzinfo=CEST)
    store.sets.add(LoggedSet(drill_id="aslr-test", performed_at=at, measured=80.0))
    path = tmp_path / "export.csv"
    export_csv.export_csv(store.db, path, NAMES, UNITS)
    [source] = sets_of(hinge_csv.parse(path.read_text(encoding="utf-8"), local))
    assert (source.measured, source.note) == (None, "80 degrees")
