"""``--export`` of a damaged log: every row that can still be read is exported, what could not be
read is named by row, text that is not UTF-8 is repaired and named, a log of which no set can be
read gives way to the newest good backup, and never a traceback. The log is left as it was."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from child_processes import run_hinge
from damaged_logs import (
    bad_page_count,
    folder_state,
    make_log,
    note,
    notes_not_utf8,
    overwrite,
    overwrite_page,
    page_of,
    root_page,
    schema_name_not_utf8,
    sets_on_page,
    truncate_half,
    truncate_to,
    wrong_freelist,
)
from old_database import older_log_with_a_set

from hinge_desktop.app import main
from hinge_desktop.storage.backups import backups_folder

pytestmark = pytest.mark.damage

Capture = pytest.CaptureFixture[str]
BACKUP = "hinge-2026-11-20T073000+0100-daily.sqlite3"
ALL_READ = {
    "csv": "Every set in it could still be read and is in the export.",
    "json": "Everything in it could still be read and is in the export.",
}


def export(data_dir: Path, out: Path, capsys: Capture) -> tuple[int, str, list[str]]:
    """Run ``--export``; the exit code, what it printed and the lines it said on stderr."""
    before = folder_state(data_dir)
    code = main(["--data-dir", str(data_dir), "--export", str(out)])
    captured = capsys.readouterr()
    assert folder_state(data_dir) == before
    lines = captured.err.splitlines()
    assert all(line.startswith("hinge-desktop: ") for line in lines), captured.err
    return code, captured.out, [line.removeprefix("hinge-desktop: ") for line in lines]


def csv_notes(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["notes"] for row in csv.DictReader(handle)]


def json_sets(path: Path) -> list[dict[str, object]]:
    document = json.loads(path.read_text(encoding="utf-8"))
    inside = [s for workout in document["workouts"] for s in workout["sets"]]
    return inside + document["sets_outside_workouts"]


def exported_notes(path: Path) -> list[str]:
    if path.suffix == ".json":
        return sorted(str(s["note"]) for s in json_sets(path))
    return csv_notes(path)


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_a_damaged_page_of_sets_leaves_out_only_its_sets_and_names_them(
    data_dir: Path, tmp_path: Path, capsys: Capture, kind: str
) -> None:
    log = make_log(data_dir)
    page = page_of(log, "set 0200 ")
    lost = sets_on_page(log, page)
    overwrite_page(log, page)
    out = tmp_path / f"log.{kind}"

    code, printed, said = export(data_dir, out, capsys)

    assert code == 3
    kept = [n for n in range(1, 401) if n not in lost]
    assert printed == f"Exported {len(kept)} sets to {out}\n"
    assert exported_notes(out) == sorted(note(n) for n in kept)
    assert said[0].startswith(f"The training log {log} is damaged (")
    assert f"{len(lost)} sets could not be read and were left out (rows {lost[0]}–{lost[-1]})." in (
        said
    )
    backup = backups_folder(log) / BACKUP
    assert said[-1] == f"The newest good backup, {backup}, made 2026-11-20 07:30, holds 300 sets."


def test_sets_whose_text_is_not_utf8_are_exported_repaired_and_named(
    data_dir: Path, tmp_path: Path, capsys: Capture
) -> None:
    log = make_log(data_dir, sets=100, backed_up=100)
    notes_not_utf8(7, 8, 9, 60)(log)
    out = tmp_path / "log.csv"

    code, printed, said = export(data_dir, out, capsys)

    assert code == 0
    assert printed == f"Exported 100 sets to {out}\n"
    notes = csv_notes(out)
    assert notes[6] == "set \ufffd007" + note(7)[8:]
    assert [n for n, text in enumerate(notes, 1) if "\ufffd" in text] == [7, 8, 9, 60]
    assert said == [
        f"The training log {log} is damaged (it holds text that is not UTF-8).",
        "4 sets held text that is not UTF-8; it is exported with \ufffd in place of the bad "
        "bytes (rows 7–9, 60).",
        "Every set could still be read and is in the export.",
    ]


def test_a_damaged_index_loses_no_set_and_is_told(
    data_dir: Path, tmp_path: Path, capsys: Capture
) -> None:
    log = make_log(data_dir)
    overwrite_page(log, root_page(log, "sets_by_time"))
    out = tmp_path / "log.csv"

    code, printed, said = export(data_dir, out, capsys)

    assert code == 0
    assert printed == f"Exported 400 sets to {out}\n"
    assert csv_notes(out) == [note(n) for n in range(1, 401)]
    assert said[0].startswith(f"The training log {log} is damaged (")
    assert said[1:] == ["Every set in it could still be read and is in the export."]


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_sets_whose_workout_cannot_be_read_are_kept_without_it(
    data_dir: Path, tmp_path: Path, capsys: Capture, kind: str
) -> None:
    log = make_log(data_dir, sets=100, backed_up=100)
    overwrite_page(log, root_page(log, "workouts"))
    out = tmp_path / f"log.{kind}"

    code, printed, said = export(data_dir, out, capsys)

    assert code == 3
    assert printed == f"Exported 100 sets to {out}\n"
    assert exported_notes(out) == [note(n) for n in range(1, 101)]
    if kind == "json":
        document = json.loads(out.read_text(encoding="utf-8"))
        assert document["workouts"] == []
        assert len(document["sets_outside_workouts"]) == 100
    else:
        with out.open(encoding="utf-8", newline="") as handle:
            assert {row["workout"] for row in csv.DictReader(handle)} == {""}
    assert said[1:] == [
        "2 workouts could not be read and were left out (rows 1–2).",
        "100 sets are exported without their workout, which could not be read (rows 1–100).",
    ]


EVERY_SET_READABLE: dict[str, Callable[[Path], None]] = {
    "a schema name that is not UTF-8": schema_name_not_utf8,
    "a bad page count": bad_page_count,
    "a freelist that is wrong": wrong_freelist,
}


@pytest.mark.parametrize("damage", EVERY_SET_READABLE.values(), ids=EVERY_SET_READABLE.keys())
@pytest.mark.parametrize("kind", ["csv", "json"])
def test_damage_that_leaves_every_set_readable_exports_them_all_and_says_so(
    data_dir: Path,
    tmp_path: Path,
    capsys: Capture,
    damage: Callable[[Path], None],
    kind: str,
) -> None:
    log = make_log(data_dir)
    damage(log)
    out = tmp_path / f"log.{kind}"

    code, printed, said = export(data_dir, out, capsys)

    assert code == 0
    assert printed == f"Exported 400 sets to {out}\n"
    assert exported_notes(out) == sorted(note(n) for n in range(1, 401))
    assert said[0].startswith(f"The training log {log} is damaged (")
    assert said[1:] == [ALL_READ[kind]]


def garbage_over_the_sets_table(log: Path) -> None:
    overwrite_page(log, root_page(log, "sets"))


NO_SET_READABLE: dict[str, Callable[[Path], None]] = {
    "garbage over the sets table": garbage_over_the_sets_table,
    "truncated inside the header": truncate_to(50),
    "a text file": lambda path: path.write_text("eggs\nmilk\nflour\n" * 50),
}


@pytest.mark.parametrize("damage", NO_SET_READABLE.values(), ids=NO_SET_READABLE.keys())
@pytest.mark.parametrize("kind", ["csv", "json"])
def test_a_log_of_which_no_set_can_be_read_gives_way_to_the_newest_good_backup(
    data_dir: Path,
    tmp_path: Path,
    capsys: Capture,
    damage: Callable[[Path], None],
    kind: str,
) -> None:
    log = make_log(data_dir)
    damage(log)
    out = tmp_path / f"log.{kind}"

    code, printed, said = export(data_dir, out, capsys)

    assert code == 3
    assert printed == f"Exported 300 sets to {out}\n"
    assert exported_notes(out) == sorted(note(n) for n in range(1, 301))
    (told,) = said
    assert told.startswith(f"The training log {log} is damaged (")
    assert told.endswith(
        f"can be read; exported the newest good backup instead, {backups_folder(log) / BACKUP}, "
        "made 2026-11-20 07:30, holding 300 sets. Anything logged after that time is not in the "
        "export."
    )


def test_a_log_truncated_to_half_gives_what_is_left_and_names_the_backup(
    data_dir: Path, tmp_path: Path, capsys: Capture
) -> None:
    log = make_log(data_dir)
    truncate_half(log)
    out = tmp_path / "log.csv"

    code, printed, said = export(data_dir, out, capsys)

    assert code == 3
    notes = csv_notes(out)
    assert 0 < len(notes) < 300
    assert notes == [note(n) for n in range(1, len(notes) + 1)]
    assert printed == f"Exported {len(notes)} sets to {out}\n"
    assert (
        f"The sets after row {len(notes)} could not be read and were left out; how many there "
        "were cannot be told." in said
    )
    assert said[-1].endswith("made 2026-11-20 07:30, holds 300 sets.")


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_an_unreadable_log_without_a_good_backup_exports_nothing_and_says_why(
    data_dir: Path, tmp_path: Path, capsys: Capture, kind: str
) -> None:
    log = make_log(data_dir, sets=20, backed_up=20)
    (backups_folder(log) / BACKUP).write_bytes(b"not a backup any more")
    log.write_text("eggs\nmilk\nflour\n" * 50)
    out = tmp_path / f"log.{kind}"
    out.write_text("the export of last week\n", encoding="utf-8")

    code, printed, said = export(data_dir, out, capsys)

    assert code == 2
    assert printed == ""
    assert said == [
        f"The training log {log} is damaged (file is not a database) and nothing in it can be "
        "read, and there is no good backup to export instead. Nothing was exported."
    ]
    assert out.read_text(encoding="utf-8") == "the export of last week\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".log")) == []


def test_a_damaged_log_and_a_target_that_cannot_be_written_is_a_write_failure(
    data_dir: Path, tmp_path: Path, capsys: Capture
) -> None:
    log = make_log(data_dir, sets=100, backed_up=100)
    schema_name_not_utf8(log)
    overwrite_page(log, page_of(log, "set 0050 "))
    out = tmp_path / "missing" / "log.csv"

    code, printed, said = export(data_dir, out, capsys)

    assert code == 1
    assert printed == ""
    assert said == [f"Cannot export to {out}: the folder {out.parent} does not exist."]
    assert not out.parent.exists()


@pytest.mark.slow
def test_no_damage_gives_a_traceback_on_the_command_line(data_dir: Path, tmp_path: Path) -> None:
    log = make_log(data_dir, sets=100, backed_up=100)
    schema_name_not_utf8(log)
    notes_not_utf8(3)(log)
    overwrite_page(log, page_of(log, "set 0070 "))
    out = tmp_path / "log.json"

    result = run_hinge("--data-dir", str(data_dir), "--export", str(out))

    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert all(line.startswith("hinge-desktop: ") for line in result.stderr.splitlines())
    assert f"The training log {log} is damaged (malformed database schema (" in result.stderr
    assert "could not be read and were left out (rows " in result.stderr
    assert "1 set held text that is not UTF-8" in result.stderr
    assert len(json_sets(out)) < 100


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_a_log_whose_header_is_lost_is_read_through_a_new_one(
    data_dir: Path, tmp_path: Path, capsys: Capture, kind: str
) -> None:
    log = make_log(data_dir)
    overwrite(0, bytes(100))(log)
    out = tmp_path / f"log.{kind}"

    code, printed, said = export(data_dir, out, capsys)

    assert code == 0
    assert printed == f"Exported 400 sets to {out}\n"
    assert exported_notes(out) == sorted(note(n) for n in range(1, 401))
    assert said == [
        f"The training log {log} is damaged (file is not a database; its lost header was made "
        "anew to read the rest).",
        ALL_READ[kind],
    ]


def test_an_older_log_whose_header_is_lost_keeps_its_format(
    data_dir: Path, tmp_path: Path, capsys: Capture
) -> None:
    old = older_log_with_a_set(data_dir / "hinge.sqlite3", 5)
    old.execute(
        "INSERT INTO phase_events (phase, reached_at, utc_offset, reason) "
        "VALUES (6, 1700000000, 60, 'gate passed')"
    )
    old.conn.commit()
    old.close()
    overwrite(0, bytes(100))(data_dir / "hinge.sqlite3")
    out = tmp_path / "log.json"

    code, printed, _said = export(data_dir, out, capsys)

    assert code == 0
    assert printed == f"Exported 1 set to {out}\n"
    document = json.loads(out.read_text(encoding="utf-8"))
    assert [event["phase"] for event in document["phase_events"]] == [6, 7]
