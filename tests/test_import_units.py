"""Weights without a unit are right by default: Strong files that do not say kg or lb are told
from their numbers, with the reason, on the command line as in the preview's words; numbers
that do not tell mean ``--import`` refuses and asks for ``--unit``, which is used as given."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from import_headers import STRONG_HEADER

from hinge_desktop.app import main
from hinge_desktop.cli.import_file import run_import
from hinge_desktop.cli.options import parse_args
from hinge_desktop.domain.imports import strong
from hinge_desktop.domain.imports.unit_guess import Clue, UnitGuess, guess_for, guess_unit
from hinge_desktop.domain.training import Unit

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


def strong_rows(sets: list[tuple[str, float]], days: int = 3) -> str:
    """A Strong export without a unit: every set of ``sets`` on each of ``days`` days."""
    lines = [STRONG_HEADER]
    for day in range(days):
        when = f"2024-03-{day + 1:02} 07:00:00"
        for number, (exercise, weight) in enumerate(sets, start=1):
            lines.append(f'{when},"Pull day",1h,"{exercise}",{number},{weight:g},5,0,0,,,')
    return "\n".join(lines) + "\n"


LB_DAY = [
    ("Deadlift (Barbell)", 135),
    ("Deadlift (Barbell)", 185),
    ("Deadlift (Barbell)", 225),
    ("Bench Press (Barbell)", 95),
    ("Bench Press (Barbell)", 135),
]
KG_DAY = [
    ("Romanian Deadlift (Barbell)", 60),
    ("Romanian Deadlift (Barbell)", 62.5),
    ("Romanian Deadlift (Barbell)", 102.5),
    ("Lateral Raise (Dumbbell)", 7.5),
]
UNCLEAR_DAY = [
    ("Romanian Deadlift (Barbell)", 50),
    ("Romanian Deadlift (Barbell)", 65),
    ("Romanian Deadlift (Barbell)", 80),
    ("Romanian Deadlift (Barbell)", 95),
]


def in_berlin_guess(text: str) -> UnitGuess | None:
    from datetime import timedelta, timezone

    parsed = strong.parse(text, lambda moment: moment.replace(tzinfo=timezone(timedelta(hours=1))))
    assert parsed.problems == ()
    assert parsed.weights_without_unit
    return guess_for(parsed)


def test_a_pound_file_is_told_by_its_bar_and_plates() -> None:
    guess = in_berlin_guess(strong_rows(LB_DAY))

    assert guess is not None
    assert guess.unit is Unit.LB
    assert guess.clue is Clue.LB_BAR
    assert guess.reason == "barbell loads are a 45 lb bar and pairs of plates: 135, 185, 225…"


def test_a_kilogram_file_is_told_by_its_small_steps() -> None:
    guess = in_berlin_guess(strong_rows(KG_DAY))

    assert guess is not None
    assert guess.unit is Unit.KG
    assert guess.reason == "they step by 2.5 kg: 62.5, 102.5, 7.5"


@pytest.mark.parametrize(
    ("weights", "unit", "reason"),
    [
        (
            [("Deadlift (Barbell)", 405), ("Deadlift (Barbell)", 405)],
            Unit.LB,
            "Deadlift (Barbell) at 405 is more than people lift in kg",
        ),
        ([("Curl (Dumbbell)", 22.5), ("Curl (Dumbbell)", 41.25)], Unit.KG, "by 1.25 kg"),
        ([("Kettlebell Swing", 24), ("Kettlebell Swing", 16)], Unit.KG, "kilogram sizes"),
        ([("Kettlebell Swing", 53), ("Kettlebell Swing", 35)], Unit.LB, "sold in pounds"),
        ([("Squat (Barbell)", w) for w in (60, 80, 100, 120)], Unit.KG, "a 20 kg bar"),
    ],
)
def test_each_clue_names_itself(weights: list[tuple[str, float]], unit: Unit, reason: str) -> None:
    guess = guess_unit(weights)

    assert guess.unit is unit
    assert reason in guess.reason


def test_one_odd_number_is_no_clue() -> None:
    assert guess_unit([("Deadlift (Barbell)", 405), ("Deadlift (Barbell)", 100)]).unit is None


def test_clues_for_both_units_leave_it_undecided() -> None:
    guess = guess_unit(
        [
            ("Romanian Deadlift", 62.5),
            ("Romanian Deadlift", 67.5),
            ("Deadlift (Barbell)", 405),
            ("Deadlift (Barbell)", 455),
        ]
    )

    assert guess.unit is None
    assert guess.clue is Clue.BOTH
    assert guess.reason == (
        "the numbers point both ways: some look like kg (62.5, 67.5), some like lb (405, 455)"
    )


def test_files_that_give_their_unit_are_not_guessed() -> None:
    for name in ("hevy_lbs.csv", "strong_weight_lbs.csv", "fitnotes_kgs.csv"):
        from hinge_desktop.storage.importing.prepare import read_export

        assert guess_for(read_export(FIXTURES / name)) is None


# The command line ----------------------------------------------------------------------------


def stored_units(data_dir: Path) -> list[tuple[str, int]]:
    database = data_dir / "hinge.sqlite3"
    with sqlite3.connect(database) as conn:
        return conn.execute(
            "SELECT unit, count(*) FROM sets WHERE weight IS NOT NULL GROUP BY unit"
        ).fetchall()


def test_the_command_line_takes_the_guess_and_says_why(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "strong.csv"
    source.write_text(strong_rows(LB_DAY), encoding="utf-8")

    assert run_import(data_dir, source) == 0

    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert out[0].endswith(
        "; weights taken as lb: barbell loads are a 45 lb bar and pairs of plates: 135, 185, 225…"
    )
    assert stored_units(data_dir) == [("lb", 15)]


def test_numbers_that_do_not_tell_are_refused_and_nothing_is_written(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "strong.csv"
    source.write_text(strong_rows(UNCLEAR_DAY), encoding="utf-8")

    assert run_import(data_dir, source) == 1

    captured = capsys.readouterr()
    assert captured.out == ""
    assert "does not say whether its weights are kg or lb" in captured.err
    assert "the weights (50, 65, 80…) could be kg or lb" in captured.err
    assert "--unit kg or --unit lb" in captured.err
    assert not (data_dir / "hinge.sqlite3").exists()


@pytest.mark.parametrize("unit", ["kg", "lb"])
def test_unit_imports_what_the_numbers_do_not_tell(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], unit: str
) -> None:
    source = tmp_path / "strong.csv"
    source.write_text(strong_rows(UNCLEAR_DAY), encoding="utf-8")

    assert main(["--data-dir", str(data_dir), "--import", str(source), "--unit", unit]) == 0

    line = capsys.readouterr().out.strip()
    assert line.startswith("Imported 12 sets in 3 workouts from strong.csv (Strong CSV)")
    assert line.endswith(f"; weights without a unit taken as {unit}, as --unit says.")
    assert stored_units(data_dir) == [(unit, 12)]


def test_unit_wins_over_the_guess(data_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "strong.csv"
    source.write_text(strong_rows(LB_DAY), encoding="utf-8")

    assert main(["--data-dir", str(data_dir), "--import", str(source), "--unit", "kg"]) == 0

    assert stored_units(data_dir) == [("kg", 15)]


def test_unit_is_only_for_an_import(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        parse_args(["--unit", "lb"])
    assert exited.value.code == 2
    assert "--unit goes with --import FILE" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        parse_args(["--import", "x.csv", "--unit", "stone"])


def test_unit_is_ignored_for_a_file_that_gives_its_units(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_import(data_dir, FIXTURES / "strong_weight_lbs.csv", Unit.KG) == 0

    assert "weights" not in capsys.readouterr().out
    assert stored_units(data_dir) == [("lb", 4)]
