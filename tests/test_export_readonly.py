"""``--export`` only reads: it works where nothing may be written (a read-only folder, file or
mount, which stands in for a full disk too), on a log a crash left with its -wal, and on a log
of an older data format, and it leaves every byte and file of the data folder as it was."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from damaged_logs import (
    crash_copy,
    folder_state,
    make_log,
    note,
    overwrite_page,
    page_of,
    sets_on_page,
)
from old_database import older_log_with_a_set
from read_only_runs import run_on_read_only_mount, run_with_modes

from hinge_desktop.app import main
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.migrations import LATEST_FORMAT
from hinge_desktop.storage.store import open_store

pytestmark = pytest.mark.damage


def exported_notes(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["notes"] for row in csv.DictReader(handle)]


@pytest.mark.slow
def test_a_log_on_a_read_only_mount_is_exported_and_left_as_it_is(
    data_dir: Path, tmp_path: Path
) -> None:
    make_log(data_dir, sets=120, backed_up=100)
    before = folder_state(data_dir)
    out = tmp_path / "log.csv"

    result = run_on_read_only_mount(data_dir, "--data-dir", str(data_dir), "--export", str(out))

    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Exported 120 sets to {out}\n"
    assert result.stderr == ""
    assert exported_notes(out) == [note(n) for n in range(1, 121)]
    assert folder_state(data_dir) == before


@pytest.mark.slow
@pytest.mark.parametrize("read_only", ["folder", "file", "folder and file"])
def test_a_log_that_may_not_be_written_is_exported_and_left_as_it_is(
    data_dir: Path, tmp_path: Path, read_only: str
) -> None:
    log = make_log(data_dir, sets=60, backed_up=60)
    modes = {}
    if "folder" in read_only:
        modes[data_dir] = 0o555
    if "file" in read_only:
        modes[log] = 0o444
    before = folder_state(data_dir)
    out = tmp_path / "log.json"

    result = run_with_modes(modes, "--data-dir", str(data_dir), "--export", str(out))

    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Exported 60 sets to {out}\n"
    assert result.stderr == ""
    document = json.loads(out.read_text(encoding="utf-8"))
    assert sum(len(workout["sets"]) for workout in document["workouts"]) == 60
    assert folder_state(data_dir) == before


@pytest.mark.slow
def test_a_crashed_log_in_a_read_only_folder_is_exported_with_the_sets_only_its_wal_holds(
    data_dir: Path, tmp_path: Path
) -> None:
    copy = crash_copy(make_log(data_dir, sets=30, backed_up=30), tmp_path / "crashed")
    before = folder_state(copy.parent)
    out = tmp_path / "log.csv"

    result = run_on_read_only_mount(
        copy.parent, "--data-dir", str(copy.parent), "--export", str(out)
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Exported 50 sets to {out}\n"
    assert exported_notes(out)[:30] == [note(n) for n in range(1, 31)]
    assert folder_state(copy.parent) == before  # no -shm made beside it


def test_a_crashed_log_gives_every_set_and_gets_no_shm(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = crash_copy(make_log(data_dir, sets=30, backed_up=30), tmp_path / "crashed")
    before = folder_state(copy.parent)
    out = tmp_path / "log.csv"

    assert main(["--data-dir", str(copy.parent), "--export", str(out)]) == 0

    assert capsys.readouterr().out == f"Exported 50 sets to {out}\n"
    assert folder_state(copy.parent) == before


# Older data formats ---------------------------------------------------------------------------


@pytest.mark.parametrize("data_format", range(1, LATEST_FORMAT))
def test_a_log_of_an_older_format_is_exported_as_it_is_and_not_migrated(
    data_dir: Path, tmp_path: Path, data_format: int, capsys: pytest.CaptureFixture[str]
) -> None:
    older_log_with_a_set(data_dir / "hinge.sqlite3", data_format).close()
    before = folder_state(data_dir)
    out = tmp_path / "log.csv"

    assert main(["--data-dir", str(data_dir), "--export", str(out)]) == 0

    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (f"Exported 1 set to {out}\n", "")
    with out.open(encoding="utf-8", newline="") as handle:
        (row,) = csv.DictReader(handle)
    assert (row["drill_id"], row["reps"], row["date"]) == (
        "glute-bridge",
        "12",
        "2023-11-14T23:13:20+01:00",
    )
    assert folder_state(data_dir) == before  # no before-migration backup, no new format


@pytest.mark.parametrize("data_format", [3, 7])
def test_an_older_log_exports_as_json_in_todays_terms(
    data_dir: Path, tmp_path: Path, data_format: int
) -> None:
    # Before the bar-and-swing rung, rung 6 was single-leg work: reaching it meant passing the
    # whole old loading rung, as the migration of the log itself reads it.
    old = older_log_with_a_set(data_dir / "hinge.sqlite3", data_format)
    old.execute(
        "INSERT INTO phase_events (phase, reached_at, utc_offset, reason) "
        "VALUES (6, 1700000000, 60, 'gate passed')"
    )
    old.conn.commit()
    old.close()
    before = folder_state(data_dir)
    out = tmp_path / "log.json"

    assert main(["--data-dir", str(data_dir), "--export", str(out)]) == 0

    document = json.loads(out.read_text(encoding="utf-8"))
    assert [event["phase"] for event in document["phase_events"]] == [6, 7]
    (only,) = document["sets_outside_workouts"]
    assert (only["drill_id"], only["reps"]) == ("glute-bridge", 12)
    assert folder_state(data_dir) == before


def test_a_log_hinge_goes_on_writing_while_it_is_copied_is_read_with_sqlites_locks(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    log = make_log(data_dir, sets=30, backed_up=30)
    running = open_store(log)  # as Hinge holds it: sets logged since are in its -wal
    running.sets.add(LoggedSet("dead-bug", datetime.now(UTC), reps=10))
    copy_file = shutil.copyfile

    def copy_while_a_set_is_logged(source: Path, target: Path) -> object:
        running.sets.add(LoggedSet("dead-bug", datetime.now(UTC), reps=10))
        return copy_file(source, target)

    monkeypatch.setattr(shutil, "copyfile", copy_while_a_set_is_logged)
    out = tmp_path / "log.csv"
    try:
        assert main(["--data-dir", str(data_dir), "--export", str(out)]) == 0
        logged = running.sets.count()
    finally:
        running.close()
    assert logged > 31
    assert capsys.readouterr().out == f"Exported {logged} sets to {out}\n"


@pytest.mark.slow
def test_a_damaged_log_on_a_read_only_mount_gives_what_can_be_read(
    data_dir: Path, tmp_path: Path
) -> None:
    log = make_log(data_dir, sets=200, backed_up=150)
    page = page_of(log, "set 0100 ")
    lost = sets_on_page(log, page, sets=200)
    overwrite_page(log, page)
    before = folder_state(data_dir)
    out = tmp_path / "log.csv"

    result = run_on_read_only_mount(data_dir, "--data-dir", str(data_dir), "--export", str(out))

    assert result.returncode == 3, result.stderr
    assert result.stdout == f"Exported {200 - len(lost)} sets to {out}\n"
    assert exported_notes(out) == [note(n) for n in range(1, 201) if n not in lost]
    assert f"{len(lost)} sets could not be read and were left out" in result.stderr
    assert "Traceback" not in result.stderr
    assert folder_state(data_dir) == before
