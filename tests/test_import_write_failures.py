"""``--import`` when writing fails or the log is damaged: a write the disk refuses is one line and
exit 2 with nothing imported (never a traceback), a damaged log is recovered from its newest
good backup, saying so, before anything is imported into it, and nothing is imported while
another Hinge has the data folder."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_import_command import counts, strong_file

from hinge_desktop.cli.import_file import run_import
from hinge_desktop.domain.training import Unit
from hinge_desktop.storage.errors import EXIT_STORAGE_ERROR
from hinge_desktop.storage.folder_lock import LOCK_FILE, lock_folder
from hinge_desktop.storage.importing import prepare

pytestmark = pytest.mark.damage

FIXTURES = Path(__file__).parent / "fixtures" / "imports"

LIMITED = textwrap.dedent(
    """
    import resource, signal, sys
    from hinge_desktop.app import main

    # Files may grow to this many bytes and no more, as on a disk that fills up; a write past
    # it fails (with SIGXFSZ ignored) instead of ending the process.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    sys.exit(main(sys.argv[2:]))
    """
)


def test_a_full_disk_is_one_line_exit_2_and_nothing_imported(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run_import(data_dir, FIXTURES / "hevy_kg.csv")
    before = counts(data_dir / "hinge.sqlite3")
    capsys.readouterr()

    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(prepare, "write_import", full)
    assert run_import(data_dir, FIXTURES / "strong_weight_kg.csv") == EXIT_STORAGE_ERROR

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "hinge-desktop: the disk is full; nothing was imported\n"
    assert counts(data_dir / "hinge.sqlite3") == before


def test_an_error_of_the_operating_system_while_writing_is_one_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(prepare, "write_import", broken)
    assert run_import(data_dir, FIXTURES / "strong_weight_kg.csv") == EXIT_STORAGE_ERROR

    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("hinge-desktop: the disk could not be written (")
    assert err.endswith("; nothing was imported\n")


@pytest.mark.slow
def test_a_write_the_disk_refuses_for_real_rolls_back_without_a_traceback(
    data_dir: Path, tmp_path: Path
) -> None:
    run_import(data_dir, FIXTURES / "hevy_kg.csv")
    database = data_dir / "hinge.sqlite3"
    before = counts(database)
    with sqlite3.connect(database) as conn:
        rows_before = conn.execute("SELECT * FROM sets ORDER BY id").fetchall()
    source = tmp_path / "strong.csv"
    strong_file(source, workouts=300)
    # Room for the backup made before the import (a copy of the log), not for the import.
    limit = 4 * database.stat().st_size

    arguments = ["--data-dir", str(data_dir), "--import", str(source), "--unit", "kg"]
    done = subprocess.run(
        [sys.executable, "-c", LIMITED, str(limit), *arguments],
        capture_output=True,
        text=True,
    )

    assert done.returncode == EXIT_STORAGE_ERROR
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("hinge-desktop: ")
    assert done.stderr.endswith("; nothing was imported\n")
    assert counts(database) == before
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT * FROM sets ORDER BY id").fetchall() == rows_before


def test_a_damaged_log_is_recovered_before_the_import_and_the_person_told(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = data_dir / "hinge.sqlite3"
    run_import(data_dir, FIXTURES / "hevy_kg.csv")
    # The backup made before this import holds the log with the Hevy sets.
    run_import(data_dir, FIXTURES / "fitnotes_kgs.csv", Unit.KG)
    hevy_sets = 27
    with database.open("r+b") as damaged:
        damaged.seek(0)
        damaged.write(b"this is no longer a database" * 100)
    capsys.readouterr()

    assert run_import(data_dir, FIXTURES / "strong_weight_kg.csv") == 0

    captured = capsys.readouterr()
    assert captured.err.startswith("hinge-desktop: Your training log was damaged")
    assert "Hinge restored the newest good backup" in captured.err
    assert captured.out.startswith("Imported 7 sets")
    assert counts(database)[0] == hevy_sets + 7
    kept = [path for path in data_dir.iterdir() if "damaged" in path.name]
    assert len(kept) == 1, "the damaged file is kept aside"
    assert f"Hinge kept the damaged file as {kept[0]}" in captured.err


def test_an_emptied_log_with_backups_is_recovered_too(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = data_dir / "hinge.sqlite3"
    run_import(data_dir, FIXTURES / "hevy_kg.csv")
    run_import(data_dir, FIXTURES / "fitnotes_kgs.csv", Unit.KG)
    database.write_bytes(b"")
    for side in data_dir.glob("hinge.sqlite3-*"):
        side.unlink()
    capsys.readouterr()

    assert run_import(data_dir, FIXTURES / "strong_weight_kg.csv") == 0

    err = capsys.readouterr().err
    assert err.startswith("hinge-desktop: Your training log was empty, though backups of it")
    assert "Hinge restored the newest good backup" in err
    assert counts(database)[0] == 27 + 7


def test_nothing_is_imported_while_a_hinge_holds_the_folder(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lock = lock_folder(data_dir)
    assert lock is not None
    try:
        assert run_import(data_dir, FIXTURES / "hevy_kg.csv") == EXIT_STORAGE_ERROR
    finally:
        lock.release()

    err = capsys.readouterr().err
    assert err.startswith(
        f"hinge-desktop: Hinge is already running with the training log in {data_dir}"
    )
    assert not (data_dir / "hinge.sqlite3").exists()
    assert run_import(data_dir, FIXTURES / "hevy_kg.csv") == 0
    assert not (data_dir / LOCK_FILE).exists(), "the lock is given up after the import"
