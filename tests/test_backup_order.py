"""Backups made within the same second: the one written last is the newest, so recovery never
brings back the older log of the two."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.backups import back_up, list_backups
from hinge_desktop.storage.store import open_store


def test_of_two_backups_of_one_second_the_later_is_listed_first(data_dir: Path) -> None:
    store = open_store(data_dir / "hinge.sqlite3")
    folder = data_dir / "backups"
    moment = datetime(2026, 11, 21, 2, 56, 40).astimezone()
    try:
        back_up(store.db.conn, folder, "before-import", now=moment)
        store.sets.add(LoggedSet(drill_id="glute-bridge", performed_at=moment, reps=12))
        back_up(store.db.conn, folder, "daily", now=moment)
    finally:
        store.close()
    newest = list_backups(folder)[0]
    assert newest.reason == "daily"
    import sqlite3

    with sqlite3.connect(newest.path) as conn:
        assert conn.execute("SELECT count(*) FROM sets").fetchone()[0] == 1
