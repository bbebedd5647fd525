"""``--export`` where the training log is missing or empty but ``backups/`` holds good backups:
the newest good backup is exported in its place and the person told, never an empty export
passed off as the log; the data folder is left as it was."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import pytest
from damaged_logs import ZONE, folder_state, make_log, note, truncate_half

from hinge_desktop.app import main
from hinge_desktop.storage.backups import back_up, backups_folder
from hinge_desktop.storage.store import open_store

pytestmark = pytest.mark.damage

Capture = pytest.CaptureFixture[str]
BACKUP = "hinge-2026-11-20T073000+0100-daily.sqlite3"


def export(data_dir: Path, out: Path, capsys: Capture) -> tuple[int, str, str]:
    before = folder_state(data_dir)
    code = main(["--data-dir", str(data_dir), "--export", str(out)])
    captured = capsys.readouterr()
    assert folder_state(data_dir) == before
    return code, captured.out, captured.err


def exported_sets(out: Path) -> int:
    if out.suffix == ".json":
        document = json.loads(out.read_text(encoding="utf-8"))
        inside = sum(len(workout["sets"]) for workout in document["workouts"])
        return inside + len(document["sets_outside_workouts"])
    with out.open(encoding="utf-8", newline="") as handle:
        return len(list(csv.DictReader(handle)))


@pytest.mark.parametrize("state", ["missing", "empty"])
@pytest.mark.parametrize("kind", ["csv", "json"])
def test_a_missing_or_empty_log_gives_way_to_the_newest_good_backup(
    data_dir: Path, tmp_path: Path, capsys: Capture, state: str, kind: str
) -> None:
    log = make_log(data_dir, sets=120, backed_up=80)
    if state == "missing":
        log.unlink()
    else:
        log.write_bytes(b"")
    out = tmp_path / f"log.{kind}"

    code, printed, said = export(data_dir, out, capsys)

    assert code == 3
    assert printed == f"Exported 80 sets to {out}\n"
    assert exported_sets(out) == 80
    assert said == (
        f"hinge-desktop: The training log {log} is {state}; exported the newest good backup "
        f"instead, {backups_folder(log) / BACKUP}, made 2026-11-20 07:30, holding 80 sets. "
        "Anything logged after that time is not in the export.\n"
    )
    if state == "empty":
        assert log.stat().st_size == 0


def test_a_damaged_newest_backup_is_passed_over_for_an_older_good_one(
    data_dir: Path, tmp_path: Path, capsys: Capture
) -> None:
    log = make_log(data_dir, sets=60, backed_up=40)
    store = open_store(log)
    newest = back_up(
        store.db.conn, backups_folder(log), "manual", now=datetime(2026, 11, 21, 9, 0, tzinfo=ZONE)
    )
    store.close()
    truncate_half(newest.path)
    log.unlink()
    out = tmp_path / "log.csv"

    code, printed, said = export(data_dir, out, capsys)

    assert code == 3
    assert printed == f"Exported 40 sets to {out}\n"
    assert "made 2026-11-20 07:30, holding 40 sets" in said
    with out.open(encoding="utf-8", newline="") as handle:
        assert [row["notes"] for row in csv.DictReader(handle)] == [note(n) for n in range(1, 41)]


def test_with_no_good_backup_the_export_is_empty_and_says_why(
    data_dir: Path, tmp_path: Path, capsys: Capture
) -> None:
    log = make_log(data_dir, sets=10, backed_up=10)
    backup = backups_folder(log) / BACKUP
    backup.write_bytes(b"half a backup")
    log.unlink()
    out = tmp_path / "log.csv"

    code, printed, said = export(data_dir, out, capsys)

    assert code == 3
    assert printed == f"Exported 0 sets to {out}\n"
    assert exported_sets(out) == 0
    assert said == (
        f"hinge-desktop: The training log {log} is missing, and the one backup in "
        f"{backups_folder(log)} is not good to export.\n"
    )
