"""A set that hurt, in and out of the log's files: the JSON export says so and an import brings
it back; the CSV export keeps its fixed columns."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from drill_catalogue import NAMES, PAIRS
from import_headers import HINGE_HEADER

from hinge_desktop.domain.training import LoggedSet, Unit
from hinge_desktop.storage.exporting.csv_export import export_csv
from hinge_desktop.storage.exporting.json_export import export_json
from hinge_desktop.storage.importing.prepare import prepare_import, read_export, store_import
from hinge_desktop.storage.importing.writer import remove_import
from hinge_desktop.storage.store import Store, open_store

BERLIN = timezone(timedelta(hours=1))
THURSDAY = datetime(2026, 4, 2, 18, 30, tzinfo=BERLIN)


def _stored(store: Store, at: datetime, number: int = 1) -> int:
    set_id = store.sets.add(LoggedSet("kettlebell-deadlift", at, set_number=number, reps=10)).id
    assert set_id is not None
    return set_id


def test_the_json_export_says_which_sets_hurt_and_an_import_brings_them_back(
    store: Store, tmp_path: Path
) -> None:
    _stored(store, THURSDAY)
    hurt = _stored(store, THURSDAY + timedelta(minutes=3), 2)
    store.sets.mark_hurt(hurt)
    out = tmp_path / "log.json"
    export_json(store.db, out)
    sets = json.loads(out.read_text())["sets_outside_workouts"]
    assert [item.get("hurt") for item in sets] == [None, True]

    fresh = open_store(tmp_path / "fresh.sqlite3")
    try:
        parsed = read_export(out)
        outcome = store_import(fresh.db, prepare_import(fresh.db, out, parsed, PAIRS, Unit.KG))
        assert outcome.sets_added == 2
        marked = fresh.db.execute(
            "SELECT s.set_number FROM hurt_sets JOIN sets AS s ON s.id = set_id"
        ).fetchall()
        assert marked == [(2,)]
        assert fresh.sets.hurt_history("kettlebell-deadlift") == store.sets.hurt_history(
            "kettlebell-deadlift"
        )
        assert outcome.import_id is not None
        remove_import(fresh.db, outcome.import_id)
        assert fresh.db.execute("SELECT count(*) FROM hurt_sets").fetchone()[0] == 0
    finally:
        fresh.close()


def test_a_hurt_that_is_not_true_or_false_is_named_by_its_line(
    store: Store, tmp_path: Path
) -> None:
    _stored(store, THURSDAY)
    out = tmp_path / "log.json"
    export_json(store.db, out)
    text = out.read_text().replace('"kind": "working"', '"kind": "working", "hurt": "yes"')
    out.write_text(text)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if '"hurt": "yes"' in row)

    parsed = read_export(out)

    assert [(p.line, p.reason) for p in parsed.problems] == [
        (line, "“hurt” should be true or false")
    ]


def test_the_csv_export_keeps_its_columns_when_sets_hurt(store: Store, tmp_path: Path) -> None:
    store.sets.mark_hurt(_stored(store, THURSDAY))
    out = tmp_path / "log.csv"
    export_csv(store.db, out, NAMES)
    header, row = out.read_text(encoding="utf-8-sig").splitlines()
    assert header == HINGE_HEADER
    assert len(row.split(",")) == len(HINGE_HEADER.split(","))
