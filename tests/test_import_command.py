"""``hinge-desktop --import FILE``: one summary line and exit 0; bad lines named, nothing
imported, non-zero; the log backed up first; a kill during an import leaves the log as it was."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from child_processes import kill, read_line, run_hinge
from import_headers import STRONG_HEADER

from hinge_desktop.cli.export import run_export
from hinge_desktop.cli.import_file import run_import
from hinge_desktop.domain.training import Unit
from hinge_desktop.storage.backups import list_backups
from hinge_desktop.storage.store import open_store

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


def strong_file(path: Path, workouts: int, start: datetime | None = None) -> int:
    """A Strong export of ``workouts`` sessions of five exercises of four sets; returns the
    number of sets."""
    first = start or datetime(2024, 1, 1, 7, 30)
    exercises = (
        "Romanian Deadlift (Barbell)",
        "Hip Thrust (Barbell)",
        "Bench Press (Barbell)",
        "Kettlebell Swing",
        "Plank",
    )
    lines = [STRONG_HEADER]
    for day in range(workouts):
        when = (first + timedelta(days=day)).strftime("%Y-%m-%d %H:%M:%S")
        for number, exercise in enumerate(exercises):
            for order in range(1, 5):
                if exercise == "Plank":
                    lines.append(f"{when},Posterior,1h 3m,{exercise},{order},0,0,0,45,,,")
                else:
                    weight = 40 + number * 10 + day % 7 * 2.5
                    lines.append(f"{when},Posterior,1h 3m,{exercise},{order},{weight},8,0,0,,,8")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return workouts * len(exercises) * 4


def counts(database: Path) -> tuple[int, int, int]:
    with sqlite3.connect(database) as conn:
        return (
            conn.execute("SELECT count(*) FROM sets").fetchone()[0],
            conn.execute("SELECT count(*) FROM workouts").fetchone()[0],
            conn.execute("SELECT count(*) FROM custom_drills").fetchone()[0],
        )


def test_an_import_prints_one_summary_line_and_exits_0(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_import(data_dir, FIXTURES / "strong_weight_kg.csv") == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert out[0].startswith("Imported ")
    assert "strong_weight_kg.csv (Strong CSV)" in out[0]
    sets, workouts, _ = counts(data_dir / "hinge.sqlite3")
    assert f"Imported {sets} sets in {workouts} workouts" in out[0]
    assert sets > 0


def test_importing_again_says_nothing_was_new(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_import(data_dir, FIXTURES / "hevy_kg.csv")
    before = counts(data_dir / "hinge.sqlite3")
    capsys.readouterr()
    assert run_import(data_dir, FIXTURES / "hevy_kg.csv") == 0
    line = capsys.readouterr().out.strip()
    assert f"{before[0]} sets already in the log" in line
    assert counts(data_dir / "hinge.sqlite3") == before


def test_bad_lines_are_all_named_and_nothing_is_imported(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_import(data_dir, FIXTURES / "fitnotes_kgs.csv")
    before = counts(data_dir / "hinge.sqlite3")
    assert run_import(data_dir, FIXTURES / "strong_bad_rows.csv") == 1
    err = capsys.readouterr().err
    named = [line for line in err.splitlines() if line.startswith("strong_bad_rows.csv, line ")]
    assert len(named) >= 5
    assert "Nothing was imported" in err
    assert counts(data_dir / "hinge.sqlite3") == before


def test_a_file_of_no_known_format_is_refused_naming_the_formats(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "budget.csv"
    other.write_text("month,rent,food\nJanuary,900,300\n", encoding="utf-8")
    assert run_import(data_dir, other) == 1
    err = capsys.readouterr().err
    for name in ("Strong CSV", "Hevy CSV", "FitNotes CSV", "Hinge CSV", "Hinge JSON"):
        assert name in err
    assert not (data_dir / "hinge.sqlite3").exists()


def test_the_log_is_backed_up_before_an_import_writes(data_dir: Path) -> None:
    run_import(data_dir, FIXTURES / "fitnotes_kgs.csv")
    logged = counts(data_dir / "hinge.sqlite3")
    run_import(data_dir, FIXTURES / "hevy_kg.csv")
    before_import = [b for b in list_backups(data_dir / "backups") if b.reason == "before-import"]
    assert len(before_import) == 2
    with sqlite3.connect(before_import[0].path) as backup:
        assert backup.execute("SELECT count(*) FROM sets").fetchone()[0] == logged[0]


def test_a_json_export_moves_a_whole_log_to_another_data_folder(
    data_dir: Path, tmp_path: Path
) -> None:
    run_import(data_dir, FIXTURES / "hevy_kg.csv")
    run_import(data_dir, FIXTURES / "strong_set_kinds.csv")
    out = tmp_path / "everything.json"
    assert run_export(data_dir, out) == 0
    other = tmp_path / "other"
    assert run_import(other, out) == 0
    columns = "drill_id, performed_at, set_number, side, reps, hold_seconds, weight, unit, kind"
    query = f"SELECT {columns} FROM sets ORDER BY 1, 2, 3"
    with (
        sqlite3.connect(data_dir / "hinge.sqlite3") as first,
        sqlite3.connect(other / "hinge.sqlite3") as second,
    ):
        assert first.execute(query).fetchall() == second.execute(query).fetchall()
        names = "SELECT id, name FROM custom_drills ORDER BY id"
        assert first.execute(names).fetchall() == second.execute(names).fetchall()


IMPORTER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from hinge_desktop.domain.catalogue import builtin_catalogue
    from hinge_desktop.domain.training import Unit
    from hinge_desktop.storage.importing.prepare import prepare_import, read_export, store_import
    from hinge_desktop.storage.store import open_store

    store = open_store(Path(sys.argv[1]))
    source = Path(sys.argv[2])
    pairs = [(d.id, d.name) for d in builtin_catalogue()]
    prepared = prepare_import(store.db, source, read_export(source), pairs, Unit.KG)

    def progress(done, total):
        if done >= total // 2:
            print("halfway", flush=True)
            sys.stdin.read()  # wait for the kill, whatever the clock does

    store_import(store.db, prepared, progress=progress)
    print("finished", flush=True)
    """
)


@pytest.mark.slow
def test_a_sigkill_during_an_import_leaves_the_log_as_it_was(
    data_dir: Path, tmp_path: Path
) -> None:
    database = data_dir / "hinge.sqlite3"
    run_import(data_dir, FIXTURES / "fitnotes_kgs.csv")
    before = counts(database)
    with sqlite3.connect(database) as conn:
        rows_before = conn.execute("SELECT * FROM sets ORDER BY id").fetchall()
    source = tmp_path / "strong.csv"
    strong_file(source, workouts=200)
    child = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(database), str(source)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert read_line(child.stdout, timeout=120) == "halfway"
    finally:
        kill(child)
    assert child.returncode == -signal.SIGKILL
    store = open_store(database)
    try:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()
    assert counts(database) == before
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT * FROM sets ORDER BY id").fetchall() == rows_before
        assert conn.execute("SELECT count(*) FROM imports").fetchone()[0] == 1


def test_a_large_strong_file_is_imported_whole(data_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "strong.csv"
    written = strong_file(source, workouts=300)
    assert run_import(data_dir, source, Unit.KG) == 0
    sets, workouts, own = counts(data_dir / "hinge.sqlite3")
    assert (sets, workouts, own) == (written, 300, 3)


@pytest.mark.slow
def test_the_command_line_imports_and_the_history_charts_it(tmp_path: Path) -> None:
    """``--import`` with ``--screenshot history``: a lifter's Hevy history is charted at once,
    on its most trained drill."""
    from screenshots import chart_ink

    data = tmp_path / "data"
    source = tmp_path / "strong.csv"
    strong_file(source, workouts=60, start=datetime(2026, 1, 1, 7, 0))
    out = tmp_path / "history.png"
    result = run_hinge(
        "--data-dir",
        str(data),
        "--import",
        str(source),
        "--unit",
        "kg",
        "--screenshot",
        "history",
        str(out),
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Imported 1,200 sets in 60 workouts from strong.csv")
    assert chart_ink(out) > 200


def test_a_bad_file_on_the_command_line_exits_non_zero_naming_its_lines(tmp_path: Path) -> None:
    result = run_hinge(
        "--data-dir",
        str(tmp_path / "data"),
        "--import",
        str(FIXTURES / "hevy_bad_rows.csv"),
        timeout=300,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert "hevy_bad_rows.csv, line " in result.stderr
    assert "Nothing was imported" in result.stderr
