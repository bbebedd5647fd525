"""Faults a person can meet: a full disk, a read-only folder, a log in use by another program or
another Hinge. Each gives a clear message, and nothing already saved is lost."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest
from child_processes import kill, read_line, run_hinge
from hinge_window import HingeWindow
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from system_tools import missing

from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.paths import DataPaths
from hinge_desktop.storage import backups as backups_module
from hinge_desktop.storage import database as database_module
from hinge_desktop.storage.backups import back_up, backups_folder, list_backups
from hinge_desktop.storage.errors import BackupFailed, DatabaseInUse, StorageError
from hinge_desktop.storage.folder_lock import lock_folder
from hinge_desktop.storage.store import open_store
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.shell.main_window import MainWindow
from hinge_desktop.ui.shell.opening import open_and_install

pytestmark = pytest.mark.damage


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fill_the_disk(conn: sqlite3.Connection) -> None:
    """Let the database on ``conn`` grow no more (SQLite then fails writes with SQLITE_FULL, as
    on a full disk) and fill what room is left in its pages."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    for size in (2000, 200, 1):
        while True:
            try:
                with conn:
                    conn.execute(
                        "INSERT INTO sets (drill_id, performed_at, utc_offset, set_number, note) "
                        "VALUES ('filler', 0, 0, 1, ?)",
                        ["x" * size],
                    )
            except sqlite3.OperationalError as exc:
                if "full" not in str(exc):
                    raise
                break


def make_disk_room(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA max_page_count = 1073741823")


# A full disk ------------------------------------------------------------------------------


def test_a_set_logged_on_a_full_disk_is_refused_with_a_message_and_can_be_logged_later(
    hinge: HingeWindow,
) -> None:
    hinge.show_drill("glute-bridge")
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REST, 1)
    hinge.click("logSetButton")
    assert hinge.store.sets.count() == 1
    hinge.skip_to(StepKind.REPS, 2)
    undo_steps = hinge.views.undo_stack.count()

    fill_the_disk(hinge.store.db.conn)
    hinge.click("logSetButton")

    status = hinge.window.findChild(QLabel, "logStatusLabel")
    assert status is not None
    for shown in (status.text(), hinge.window.statusBar().currentMessage()):
        assert "The set was not logged: the disk is full" in shown
        assert "sets logged before are safe" in shown
    assert hinge.views.undo_stack.count() == undo_steps  # nothing to undo that did not happen
    assert [s.set_number for s in hinge.store.sets.all() if s.drill_id == "glute-bridge"] == [1]

    # The set goes on; with room on the disk again, the same click logs it.
    assert hinge.views.workout.timeline().moment().step.kind is StepKind.REPS  # type: ignore[union-attr]
    make_disk_room(hinge.store.db.conn)
    hinge.click("logSetButton")
    assert [s.set_number for s in hinge.store.sets.all() if s.drill_id == "glute-bridge"] == [
        1,
        2,
    ]


def test_a_backup_on_a_full_disk_fails_with_a_message_and_leaves_no_part_behind(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(data_dir / "hinge.sqlite3")
    store.sets.add_many([LoggedSet("glute-bridge", datetime.now(UTC), reps=12)] * 500)
    folder = backups_folder(store.path)
    full_destination(monkeypatch)
    try:
        with pytest.raises(BackupFailed) as failed:
            back_up(store.db.conn, folder, "manual")
    finally:
        store.close()
    assert (
        str(failed.value) == f"Cannot make a backup in {folder}: the disk is full. Free some space."
    )
    assert list(folder.iterdir()) == []


def full_destination(monkeypatch: pytest.MonkeyPatch) -> None:
    """Backups are written to a disk with room for two pages: SQLite fails with SQLITE_FULL."""
    opened = backups_module._open_destination

    def tiny(target: Path) -> sqlite3.Connection:
        conn = opened(target)
        conn.execute("PRAGMA max_page_count = 2")
        return conn

    monkeypatch.setattr(backups_module, "_open_destination", tiny)


def test_an_older_log_is_not_migrated_when_its_backup_cannot_be_made(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from old_database import older_log_with_a_set

    path = data_dir / "hinge.sqlite3"
    older_log_with_a_set(path, 1).close()
    before = digest(path)
    full_destination(monkeypatch)

    with pytest.raises(StorageError) as refused:
        open_store(path)

    message = str(refused.value)
    assert "backs it up first" in message
    assert "the disk is full" in message
    assert "Nothing was changed" in message
    assert digest(path) == before


def test_writing_on_a_full_disk_loses_none_of_the_sets_saved_before(data_dir: Path) -> None:
    store = open_store(data_dir / "hinge.sqlite3")
    store.sets.add_many([LoggedSet("hip-thrust", datetime.now(UTC), reps=8)] * 30)
    fill_the_disk(store.db.conn)
    with pytest.raises(sqlite3.OperationalError, match="full"):
        store.sets.add_many([LoggedSet("hip-thrust", datetime.now(UTC), reps=8)] * 100)
    store.close()
    again = open_store(data_dir / "hinge.sqlite3")
    try:
        assert sum(1 for s in again.sets.all() if s.drill_id == "hip-thrust") == 30
    finally:
        again.close()


# In use by another program or another Hinge ------------------------------------------------


def test_a_log_locked_by_another_program_gives_a_clear_message(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_dir / "hinge.sqlite3"
    store = open_store(path)
    store.sets.add(LoggedSet("dead-bug", datetime.now(UTC), reps=10))
    store.close()
    other = sqlite3.connect(path)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.commit()  # holds the lock from now on, as a program that keeps the file to itself
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_SECONDS", 0.05)
    try:
        with pytest.raises(DatabaseInUse) as refused:
            open_store(path)
    finally:
        other.close()
    assert str(refused.value) == (
        f"The database {path} is in use by another program (is Hinge already running?). "
        "Close it and start Hinge again."
    )
    store = open_store(path)
    assert store.sets.count() == 1
    store.close()


def test_a_second_hinge_on_the_same_folder_is_told_the_first_is_running(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    paths = DataPaths(root=data_dir)
    first = lock_folder(data_dir)
    assert first is not None
    window = MainWindow(Preferences(paths.settings))
    qtbot.addWidget(window)
    try:
        assert open_and_install(window, window._preferences, paths) is None
    finally:
        first.release()
    box = window.findChild(QMessageBox, "fatalErrorBox")
    assert box is not None
    assert "Hinge is already running with the training log in" in box.text()
    assert str(data_dir) in box.text()
    box.close()
    assert exits == [2]
    assert not paths.database.exists()  # not even created


LOCK_HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from hinge_desktop.storage.folder_lock import lock_folder
    lock = lock_folder(Path(sys.argv[1]))
    print("locked" if lock is not None else "refused", flush=True)
    sys.stdin.read()
    """
)


@pytest.mark.slow
def test_a_running_hinge_keeps_a_second_out_until_it_is_killed(
    data_dir: Path, tmp_path: Path
) -> None:
    store = open_store(data_dir / "hinge.sqlite3")
    store.sets.add(LoggedSet("dead-bug", datetime.now(UTC), reps=10))
    store.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert read_line(holder.stdout, timeout=60) == "locked"
        refused = run_hinge(
            "--data-dir", str(data_dir), "--screenshot", "drills", str(tmp_path / "a.png")
        )
    finally:
        kill(holder)
    assert refused.returncode == 2
    assert "Hinge is already running with the training log in" in refused.stderr
    assert not (tmp_path / "a.png").exists()

    # The lock of a Hinge that was killed is taken over.
    started = run_hinge(
        "--data-dir", str(data_dir), "--screenshot", "drills", str(tmp_path / "b.png")
    )
    assert started.returncode == 0, started.stderr
    assert (tmp_path / "b.png").exists()


# A read-only folder -------------------------------------------------------------------------


def run_with_read_only(
    folder: Path, data_dir: Path, screenshot: Path
) -> subprocess.CompletedProcess[str]:
    """Start Hinge on ``data_dir`` for a ``screenshot`` of Settings with ``folder`` read-only,
    for real: as root (whom permissions do not stop) through a read-only bind mount in a mount
    namespace of the command's own, else by taking the folder's write permission away while it
    runs."""
    args = (
        sys.executable,
        "-m",
        "hinge_desktop",
        "--data-dir",
        str(data_dir),
        "--screenshot",
        "settings",
        str(screenshot),
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if os.geteuid() != 0:
        mode = folder.stat().st_mode
        folder.chmod(0o555)
        try:
            return subprocess.run(args, capture_output=True, text=True, timeout=120, env=env)
        finally:
            folder.chmod(mode)
    if shutil.which("unshare") is None:
        missing("unshare is not installed (Debian package util-linux)")
    script = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && shift && exec "$@"'
    result = subprocess.run(
        [
            "unshare",
            "--mount",
            "--propagation",
            "private",
            "sh",
            "-c",
            script,
            "sh",
            *(str(folder), *args),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    if result.returncode != 0 and ("unshare:" in result.stderr or "mount:" in result.stderr):
        missing(f"cannot make a read-only mount here: {result.stderr.strip()}")
    return result


def a_log_with_sets(data_dir: Path) -> Path:
    path = data_dir / "hinge.sqlite3"
    store = open_store(path)
    store.sets.add_many([LoggedSet("glute-bridge", datetime.now(UTC), reps=12)] * 3)
    store.close()
    return path


@pytest.mark.slow
def test_a_read_only_data_folder_stops_hinge_with_a_message_and_changes_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    path = a_log_with_sets(data_dir)
    before = digest(path)
    result = run_with_read_only(data_dir, data_dir, tmp_path / "s.png")
    assert result.returncode == 2
    assert f"The database {path} cannot be written: the file or its folder is read-only" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr
    assert digest(path) == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["hinge.sqlite3"]


@pytest.mark.slow
def test_a_read_only_backups_folder_is_told_and_hinge_goes_on(
    data_dir: Path, tmp_path: Path
) -> None:
    a_log_with_sets(data_dir)
    folder = data_dir / "backups"
    folder.mkdir()
    result = run_with_read_only(folder, data_dir, tmp_path / "s.png")
    assert result.returncode == 0, result.stderr
    assert f"Cannot make a backup in {folder}: the folder is read-only." in result.stderr
    assert (tmp_path / "s.png").exists()
    assert list_backups(folder) == []
    assert list(folder.iterdir()) == []


@pytest.mark.slow
def test_a_damaged_log_in_a_read_only_folder_is_told_and_left_as_it_is(
    data_dir: Path, tmp_path: Path
) -> None:
    path = a_log_with_sets(data_dir)
    content = bytearray(path.read_bytes())
    content[4096:8192] = b"\xff" * 4096
    path.write_bytes(bytes(content))
    before = digest(path)
    result = run_with_read_only(data_dir, data_dir, tmp_path / "s.png")
    assert result.returncode == 2
    assert f"Your training log {path} is damaged, and Hinge cannot put it aside" in result.stderr
    assert "the folder is read-only. Nothing was changed." in result.stderr
    assert digest(path) == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["hinge.sqlite3"]
