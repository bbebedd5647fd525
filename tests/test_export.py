"""Hinge CSV export: every logged set, one row each, written whole or not at all."""

from __future__ import annotations

import csv
import io
import os
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from drill_catalogue import NAMES, UNITS
from import_headers import HINGE_HEADER

from hinge_desktop.cli.export import run_export
from hinge_desktop.domain.training import CheckOutcome, LoggedSet, SetKind, Side, Unit, Workout
from hinge_desktop.storage.exporting.csv_export import HEADER, ExportError, export_csv
from hinge_desktop.storage.exporting.json_export import export_json
from hinge_desktop.storage.store import Store, open_store

BERLIN_SUMMER = timezone(timedelta(hours=2))
NEW_YORK_WINTER = timezone(timedelta(hours=-5))
KOLKATA = timezone(timedelta(hours=5, minutes=30))


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _export(store: Store, path: Path) -> list[dict[str, str]]:
    export_csv(store.db, path, NAMES, UNITS)
    return _read(path)


def test_the_header_is_exactly_the_documented_one(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "log.csv"
    assert export_csv(store.db, out, NAMES) == 0
    assert out.read_text(encoding="utf-8").splitlines() == [HINGE_HEADER]
    assert ",".join(HEADER) == HINGE_HEADER


def test_a_workout_set_with_reps_and_a_kilo_load(store: Store, tmp_path: Path) -> None:
    started = datetime(2024, 6, 3, 18, 30, tzinfo=BERLIN_SUMMER)
    workout = store.workouts.start(Workout(started_at=started, name="Loading day"))
    store.sets.add(
        LoggedSet(
            drill_id="romanian-deadlift",
            performed_at=started + timedelta(minutes=4, seconds=5),
            set_number=2,
            reps=8,
            weight=62.5,
            unit=Unit.KG,
            rpe=7.5,
            workout_id=workout.id,
        )
    )
    [row] = _export(store, tmp_path / "log.csv")
    assert row == {
        "date": "2024-06-03T18:34:05+02:00",
        "workout": "Loading day",
        "drill_id": "romanian-deadlift",
        "drill": NAMES["romanian-deadlift"],
        "set": "2",
        "side": "",
        "reps": "8",
        "weight": "62.5",
        "unit": "kg",
        "seconds": "",
        "rpe": "7.5",
        "band": "",
        "notes": "",
    }


def test_pounds_sides_holds_bands_and_quick_logged_sets(store: Store, tmp_path: Path) -> None:
    at = datetime(2023, 1, 15, 7, 0, tzinfo=NEW_YORK_WINTER)
    store.sets.add_many(
        [
            LoggedSet(
                drill_id="kettlebell-swing", performed_at=at, reps=15, weight=35.0, unit=Unit.LB
            ),
            LoggedSet(
                drill_id="single-leg-rdl",
                performed_at=at + timedelta(minutes=1),
                reps=6,
                side=Side.LEFT,
                weight=20.0,
                unit=Unit.LB,
            ),
            LoggedSet(
                drill_id="glute-bridge",
                performed_at=at + timedelta(minutes=2),
                hold_seconds=30.0,
                band="light",
            ),
        ]
    )
    swing, left, bridge = _export(store, tmp_path / "log.csv")
    assert (swing["workout"], swing["weight"], swing["unit"], swing["reps"]) == (
        "",
        "35",
        "lb",
        "15",
    )
    assert swing["date"] == "2023-01-15T07:00:00-05:00"
    assert (left["side"], left["reps"], left["weight"], left["unit"]) == ("left", "6", "20", "lb")
    assert (bridge["seconds"], bridge["band"], bridge["reps"], bridge["weight"]) == (
        "30",
        "light",
        "",
        "",
    )
    assert bridge["unit"] == ""


def test_checks_have_their_result_and_measure_in_notes(store: Store, tmp_path: Path) -> None:
    at = datetime(2022, 3, 1, 9, 15, tzinfo=KOLKATA)
    store.sets.add_many(
        [
            LoggedSet(drill_id="glute-squeeze-test", performed_at=at, result=CheckOutcome.FAIL),
            LoggedSet(
                drill_id="aslr-test",
                performed_at=at + timedelta(minutes=1),
                side=Side.RIGHT,
                measured=72.5,
                result=CheckOutcome.FAIL,
                note="hamstring tight",
            ),
            LoggedSet(
                drill_id="wall-hinge-check",
                performed_at=at + timedelta(minutes=2),
                reps=5,
                result=CheckOutcome.PASS,
            ),
        ]
    )
    squeeze, aslr, wall = _export(store, tmp_path / "log.csv")
    assert squeeze["date"] == "2022-03-01T09:15:00+05:30"
    assert (squeeze["reps"], squeeze["notes"]) == ("", "fail")
    assert aslr["notes"] == "fail; 72.5 degrees; hamstring tight"
    assert aslr["side"] == "right"
    assert (wall["reps"], wall["notes"]) == ("5", "pass")


def test_set_kinds_other_than_working_go_into_notes(store: Store, tmp_path: Path) -> None:
    at = datetime(2024, 2, 2, 12, 0, tzinfo=BERLIN_SUMMER)
    store.sets.add_many(
        [
            LoggedSet(
                drill_id="glute-bridge", performed_at=at, reps=12, kind=SetKind.WARMUP, note="easy"
            ),
            LoggedSet(
                drill_id="hip-thrust",
                performed_at=at + timedelta(seconds=1),
                reps=8,
                kind=SetKind.FAILURE,
            ),
            LoggedSet(
                drill_id="hip-thrust",
                performed_at=at + timedelta(seconds=2),
                reps=12,
                kind=SetKind.DROP,
            ),
            LoggedSet(drill_id="hip-thrust", performed_at=at + timedelta(seconds=3), reps=8),
        ]
    )
    notes = [row["notes"] for row in _export(store, tmp_path / "log.csv")]
    assert notes == ["warm-up; easy", "to failure", "drop set", ""]


def test_quotes_commas_and_newlines_in_notes_survive(store: Store, tmp_path: Path) -> None:
    note = 'felt "solid", then\nlow back, "tired"\r\nnext time: lighter'
    at = datetime(2024, 2, 2, 12, 0, tzinfo=BERLIN_SUMMER)
    workout = store.workouts.start(Workout(started_at=at, name='Mum\'s "quick", hinge'))
    store.sets.add(
        LoggedSet(
            drill_id="glute-bridge",
            performed_at=at,
            reps=10,
            note=note,
            band='red, "heavy"',
            workout_id=workout.id,
        )
    )
    [row] = _export(store, tmp_path / "log.csv")
    assert row["notes"] == note
    assert row["band"] == 'red, "heavy"'
    assert row["workout"] == 'Mum\'s "quick", hinge'


def test_an_unknown_drill_is_named_by_its_id(store: Store, tmp_path: Path) -> None:
    at = datetime(2024, 2, 2, 12, 0, tzinfo=BERLIN_SUMMER)
    store.sets.add(LoggedSet(drill_id="retired-drill", performed_at=at, reps=3))
    [row] = _export(store, tmp_path / "log.csv")
    assert (row["drill_id"], row["drill"]) == ("retired-drill", "retired-drill")


def test_rows_come_oldest_first_whatever_order_they_were_logged(
    store: Store, tmp_path: Path
) -> None:
    at = datetime(2024, 2, 2, 12, 0, tzinfo=BERLIN_SUMMER)
    for minutes in (30, 10, 20):
        store.sets.add(
            LoggedSet(
                drill_id="glute-bridge", performed_at=at + timedelta(minutes=minutes), reps=minutes
            )
        )
    out = tmp_path / "log.csv"
    assert export_csv(store.db, out, NAMES) == 3
    assert [row["reps"] for row in _read(out)] == ["10", "20", "30"]


def test_many_sets_are_all_written(store: Store, tmp_path: Path) -> None:
    at = datetime(2020, 1, 1, 8, 0, tzinfo=BERLIN_SUMMER)
    store.sets.add_many(
        [
            LoggedSet(drill_id="glute-bridge", performed_at=at + timedelta(hours=n), reps=n % 20)
            for n in range(2000)
        ]
    )
    out = tmp_path / "log.csv"
    assert export_csv(store.db, out, NAMES) == 2000
    rows = _read(out)
    assert len(rows) == 2000
    assert rows[-1]["reps"] == str(1999 % 20)


def test_a_missing_folder_is_named_and_nothing_is_written(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "log.csv"
    with pytest.raises(ExportError, match="does not exist"):
        export_csv(store.db, target, NAMES)
    assert not target.parent.exists()


def test_a_folder_as_target_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="folder"):
        export_csv(store.db, tmp_path, NAMES)


def test_a_folder_nobody_may_write_gives_a_clear_error(store: Store) -> None:
    # Not even root may create files in /sys.
    target = Path("/sys/hinge-export.csv")
    with pytest.raises(ExportError, match=r"Cannot write /sys/hinge-export.csv: \w+"):
        export_csv(store.db, target, NAMES)
    assert not target.exists()


def test_a_failure_part_way_keeps_the_old_file_and_leaves_no_part(
    store: Store, tmp_path: Path
) -> None:
    at = datetime(2024, 2, 2, 12, 0, tzinfo=BERLIN_SUMMER)
    store.sets.add_many(
        [
            LoggedSet(drill_id="glute-bridge", performed_at=at + timedelta(seconds=n), reps=5)
            for n in range(10)
        ]
    )
    out = tmp_path / "log.csv"
    out.write_text("the previous export\n", encoding="utf-8")

    class Exploding(dict[str, str]):
        calls = 0

        def get(self, key: str, default: object = None) -> str:  # type: ignore[override]
            Exploding.calls += 1
            if Exploding.calls > 5:
                raise OSError(28, "No space left on device")
            return key

    with pytest.raises(ExportError, match="No space left on device"):
        export_csv(store.db, out, Exploding())
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir() if "log.csv" in p.name] == ["log.csv"]


def test_run_export_prints_the_count_and_writes_the_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(data_dir / "hinge.sqlite3")
    at = datetime(2024, 2, 2, 12, 0, tzinfo=BERLIN_SUMMER)
    store.sets.add_many([LoggedSet(drill_id="glute-bridge", performed_at=at, reps=10)] * 3)
    store.close()
    out = tmp_path / "log.csv"
    assert run_export(data_dir, out) == 0
    assert capsys.readouterr().out == f"Exported 3 sets to {out}\n"
    assert len(_read(out)) == 3


def test_run_export_of_a_folder_without_a_log_writes_the_header_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "log.csv"
    assert run_export(empty, out) == 0
    assert out.read_text(encoding="utf-8").splitlines() == [HINGE_HEADER]
    assert list(empty.iterdir()) == []
    assert "Exported 0 sets" in capsys.readouterr().out


def test_run_export_to_a_bad_place_fails_with_a_message(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_export(data_dir, tmp_path / "nope" / "log.csv") != 0
    err = capsys.readouterr().err
    assert err.startswith("hinge-desktop: ")
    assert "does not exist" in err


@pytest.mark.slow
def test_the_command_line_exports(data_dir: Path, tmp_path: Path) -> None:
    store = open_store(data_dir / "hinge.sqlite3")
    at = datetime(2024, 6, 3, 18, 30, tzinfo=BERLIN_SUMMER)
    workout = store.workouts.start(Workout(started_at=at, name="Evening"))
    store.sets.add(
        LoggedSet(drill_id="good-morning", performed_at=at, reps=12, workout_id=workout.id)
    )
    store.sets.add(
        LoggedSet(
            drill_id="aslr-distraction-test",
            performed_at=at,
            measured=88.0,
            result=CheckOutcome.FAIL,
        )
    )
    store.close()
    out = tmp_path / "export.csv"
    python = Path(sys.prefix) / "bin" / "python"
    result = subprocess.run(
        [str(python), "-m", "hinge_desktop", "--data-dir", str(data_dir), "--export", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Exported 2 sets to {out}"
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == HINGE_HEADER
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["workout"] == "Evening"
    assert rows[0]["date"] == "2024-06-03T18:30:00+02:00"
    assert rows[1]["notes"] == "fail; 88 degrees"
    assert rows[1]["drill"] == NAMES["aslr-distraction-test"]


@pytest.mark.slow
def test_the_command_line_reports_an_unwritable_target(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "export.csv"
    result = subprocess.run(
        [sys.executable, "-m", "hinge_desktop", "--data-dir", str(data_dir), "--export", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert result.stderr.startswith("hinge-desktop: ")
    assert not out.parent.exists()


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    """Set the process's umask for the test; the one before is put back."""
    before = os.umask(0o022)
    os.umask(before)
    yield os.umask
    os.umask(before)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
@pytest.mark.parametrize("kind", ["csv", "json"])
def test_an_export_gets_the_permissions_of_any_file_the_person_saves(
    store: Store,
    tmp_path: Path,
    umask: Callable[[int], None],
    mask: int,
    mode: int,
    kind: str,
) -> None:
    store.sets.add(LoggedSet("glute-bridge", datetime(2024, 2, 2, 12, tzinfo=KOLKATA), reps=5))
    target = tmp_path / f"log.{kind}"
    umask(mask)
    if kind == "csv":
        export_csv(store.db, target, NAMES)
    else:
        export_json(store.db, target)
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_an_export_over_a_file_keeps_that_files_permissions(
    store: Store, tmp_path: Path, umask: Callable[[int], None]
) -> None:
    target = tmp_path / "log.csv"
    target.write_text("the previous export\n", encoding="utf-8")
    target.chmod(0o640)
    umask(0o022)
    export_csv(store.db, target, NAMES)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8").startswith("date,")
