"""``--demo`` takes the data folder's lock for its whole write, as a running Hinge does: it never
fills the log of a Hinge that is open, and a damaged or emptied log with backups is recovered
first (and, having sets again, is not filled)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from child_processes import kill, read_line, run_hinge
from pytestqt.qtbot import QtBot

from hinge_desktop.cli.demo import run_demo
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.paths import DataPaths
from hinge_desktop.storage.backups import back_up
from hinge_desktop.storage.folder_lock import LOCK_FILE, FolderLocked, lock_folder, read_holder
from hinge_desktop.storage.store import open_store

pytestmark = pytest.mark.damage

REFUSAL = "Hinge is already running with the training log in {folder}. Switch to that window"


def log_with_a_backup(database: Path, sets: int) -> None:
    store = open_store(database)
    store.sets.add_many([LoggedSet("glute-bridge", datetime.now(UTC), reps=12)] * sets)
    back_up(store.db.conn, database.parent / "backups", "daily")
    store.close()


def sets_in(database: Path) -> int:
    store = open_store(database)
    try:
        return store.sets.count()
    finally:
        store.close()


def test_the_demo_is_refused_while_a_hinge_holds_the_folder(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lock = lock_folder(data_dir)
    assert lock is not None
    try:
        assert run_demo(data_dir) == 2
    finally:
        lock.release()
    assert REFUSAL.format(folder=data_dir) in capsys.readouterr().err
    assert not (data_dir / "hinge.sqlite3").exists()


def test_the_demo_holds_the_lock_while_it_writes_and_gives_it_up_after(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hinge_desktop.cli import demo

    refused: list[FolderLocked] = []
    write = demo._write

    def write_while_another_tries(*args: object) -> object:
        try:
            lock_folder(data_dir)
        except FolderLocked as exc:
            refused.append(exc)
        return write(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(demo, "_write", write_while_another_tries)
    assert run_demo(data_dir) is None
    assert len(refused) == 1
    assert not (data_dir / LOCK_FILE).exists()


def test_a_damaged_log_with_a_backup_is_recovered_not_filled(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = data_dir / "hinge.sqlite3"
    log_with_a_backup(database, 3)
    database.write_bytes(b"\xff" * 8192)

    assert run_demo(data_dir) == 1

    err = capsys.readouterr().err
    assert "hinge-desktop: Your training log was damaged" in err
    assert "Hinge restored the newest good backup" in err
    assert "has 3 sets already" in err
    assert sets_in(database) == 3
    assert len(list(data_dir.glob("hinge.sqlite3.damaged-*"))) == 1


def test_an_emptied_log_with_a_backup_is_recovered_not_filled(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = data_dir / "hinge.sqlite3"
    log_with_a_backup(database, 2)
    database.write_bytes(b"")

    assert run_demo(data_dir) == 1

    err = capsys.readouterr().err
    assert "hinge-desktop: Your training log was empty, though backups of it are kept." in err
    assert "has 2 sets already" in err
    assert sets_in(database) == 2


def test_a_missing_log_with_a_backup_is_recovered_not_filled(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = data_dir / "hinge.sqlite3"
    log_with_a_backup(database, 4)
    database.unlink()

    assert run_demo(data_dir) == 1

    err = capsys.readouterr().err
    assert "hinge-desktop: Your training log was missing, though backups of it are kept." in err
    assert sets_in(database) == 4


@pytest.mark.slow
def test_a_running_demo_hinge_keeps_a_second_demo_and_a_window_out_until_it_is_killed(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from hinge_desktop.ui.preferences import Preferences
    from hinge_desktop.ui.shell.main_window import MainWindow
    from hinge_desktop.ui.shell.opening import open_and_install

    first = subprocess.Popen(
        [sys.executable, "-m", "hinge_desktop", "--data-dir", str(data_dir), "--demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert first.stdout is not None
        assert read_line(first.stdout, timeout=120).startswith("Added a demo history: ")
        # The demo gave the lock up, and its window takes it.
        for _ in range(600):
            holder = read_holder(_read(data_dir / LOCK_FILE))
            if holder is not None and holder.pid == first.pid:
                break
            qtbot.wait(100)
        else:
            pytest.fail("the demo's window did not take the lock")
        count = sets_in_read_only(data_dir / "hinge.sqlite3")

        second = run_hinge("--data-dir", str(data_dir), "--demo")
        assert second.returncode == 2
        assert REFUSAL.format(folder=data_dir) in second.stderr
        assert sets_in_read_only(data_dir / "hinge.sqlite3") == count

        exits: list[int] = []
        monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
        paths = DataPaths(root=data_dir)
        window = MainWindow(Preferences(paths.settings))
        qtbot.addWidget(window)
        assert open_and_install(window, window._preferences, paths) is None
        box = window.findChild(QMessageBox, "fatalErrorBox")
        assert box is not None
        assert REFUSAL.format(folder=data_dir) in box.text()
        box.close()
        assert exits == [2]
    finally:
        kill(first)
        if first.stderr is not None:
            first.stderr.close()

    # Killed, as in a crash: its lock is taken over.
    lock = lock_folder(data_dir)
    assert lock is not None
    lock.release()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""


def sets_in_read_only(database: Path) -> int:
    from hinge_desktop.storage.database import stored_set_count

    return stored_set_count(database)
