"""Two workouts that started in the same second are two workouts: Strong gives every set its
workout's start, so their sets share a moment and numbers, and the workout's name tells them
apart. Both are imported whole, and importing the file again adds nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from drill_catalogue import PAIRS
from import_headers import STRONG_HEADER

from hinge_desktop.cli.import_file import run_import
from hinge_desktop.domain.training import Unit
from hinge_desktop.storage.importing.prepare import prepare_import, read_export, store_import
from hinge_desktop.storage.store import Store

ROWS = [
    '2024-03-01 07:00:00,"Hinge A",1h,"Romanian Deadlift (Barbell)",1,60,8,0,0,,,',
    '2024-03-01 07:00:00,"Hinge A",1h,"Romanian Deadlift (Barbell)",2,62.5,8,0,0,,,',
    '2024-03-01 07:00:00,"Hinge B",40m,"Romanian Deadlift (Barbell)",1,40,12,0,0,,,',
    '2024-03-01 07:00:00,"Hinge B",40m,"Romanian Deadlift (Barbell)",2,42.5,12,0,0,,,',
    '2024-03-01 07:00:00,"Hinge B",40m,"Hip Thrust (Barbell)",1,80,10,0,0,,,',
]


@pytest.fixture
def same_second(tmp_path: Path) -> Path:
    path = tmp_path / "strong.csv"
    header = STRONG_HEADER.replace(",Weight,", ",Weight (kg),")
    path.write_text("\n".join([header, *ROWS]) + "\n", encoding="utf-8")
    return path


def test_both_workouts_are_imported_whole_and_once(store: Store, same_second: Path) -> None:
    prepared = prepare_import(store.db, same_second, read_export(same_second), PAIRS, Unit.KG)
    assert (prepared.plan.workout_count, prepared.already_there) == (2, 0)

    outcome = store_import(store.db, prepared)

    assert (outcome.sets_added, outcome.sets_already_there, outcome.workouts_added) == (5, 0, 2)
    rows = store.db.execute(
        "SELECT w.name, s.set_number, s.weight FROM sets AS s JOIN workouts AS w "
        "ON w.id = s.workout_id WHERE s.drill_id = 'romanian-deadlift' ORDER BY 1, 2"
    ).fetchall()
    assert [tuple(row) for row in rows] == [
        ("Hinge A", 1, 60.0),
        ("Hinge A", 2, 62.5),
        ("Hinge B", 1, 40.0),
        ("Hinge B", 2, 42.5),
    ]

    again = prepare_import(store.db, same_second, read_export(same_second), PAIRS, Unit.KG)
    assert again.new_sets == 0
    assert store_import(store.db, again).sets_added == 0
    assert store.sets.count() == 5


def test_the_command_line_imports_both_then_nothing_new(
    data_dir: Path, same_second: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_import(data_dir, same_second) == 0
    first = capsys.readouterr().out.strip()
    assert first.startswith("Imported 5 sets in 2 workouts from strong.csv")
    assert "already in the log" not in first

    assert run_import(data_dir, same_second) == 0
    assert capsys.readouterr().out.startswith(
        "Nothing new in strong.csv (Strong CSV): 5 sets already in the log, not added again"
    )
    with sqlite3.connect(data_dir / "hinge.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM sets").fetchone()[0] == 5
        assert conn.execute("SELECT count(*) FROM workouts").fetchone()[0] == 2
