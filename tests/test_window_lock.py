"""The window and the data folder's lock: a lock left by a crash no longer stops Hinge, a live or
another computer's lock does with a message that says how to go on, the lock moves to the window
built anew by a restore, and quitting gives it up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hinge_window import HingeWindow, StartHinge
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from hinge_desktop.paths import DataPaths
from hinge_desktop.storage.backups import back_up
from hinge_desktop.storage.folder_lock import (
    LOCK_FILE,
    FolderLocked,
    Holder,
    lock_folder,
    read_holder,
)
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.shell.main_window import MainWindow
from hinge_desktop.ui.shell.opening import open_and_install

pytestmark = pytest.mark.damage


@pytest.fixture
def exits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Exit codes the app asked for; a real exit would stop every later event loop."""
    codes: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: codes.append(code)))
    return codes


class Started:
    """A window opened on the data folder as Hinge opens it at a start (or refused)."""

    def __init__(self, qtbot: QtBot, paths: DataPaths) -> None:
        self.window = MainWindow(Preferences(paths.settings))
        qtbot.addWidget(self.window)
        self.loaded = open_and_install(self.window, self.window._preferences, paths)

    def refusal(self) -> str:
        box = self.window.findChild(QMessageBox, "fatalErrorBox")
        assert box is not None
        text = box.text()
        box.close()
        return text

    def close(self) -> None:
        if self.loaded is not None:
            store, speaker, views = self.loaded
            views.shutdown()
            speaker.close()
            store.close()
        lock = getattr(self.window, "data_folder_lock", None)
        if lock is not None:
            lock.release()


@pytest.fixture
def start(qtbot: QtBot, paths: DataPaths) -> Iterator[type[Started]]:
    started: list[Started] = []

    class Starter(Started):
        def __init__(self) -> None:
            super().__init__(qtbot, paths)
            started.append(self)

    yield Starter  # type: ignore[misc]
    for each in reversed(started):
        each.close()


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00" * 64, b"12\nhinge-desk", b"\xde\xad\xbe\xef not a lock"],
    ids=["empty after a full disk", "zeros", "cut short", "garbled"],
)
def test_a_lock_file_left_empty_or_garbled_by_a_crash_does_not_stop_hinge(
    start: type[Started], paths: DataPaths, exits: list[int], content: bytes
) -> None:
    (paths.root / LOCK_FILE).write_bytes(content)
    started = start()
    assert started.loaded is not None
    assert exits == []
    assert started.window.data_folder_lock.held  # type: ignore[attr-defined]
    holder = read_holder((paths.root / LOCK_FILE).read_bytes())
    assert holder is not None
    assert holder.pid == os.getpid()


def test_another_computers_lock_stops_hinge_saying_which_and_how_to_go_on(
    start: type[Started], paths: DataPaths, exits: list[int]
) -> None:
    lock = paths.root / LOCK_FILE
    lock.write_bytes(Holder(812, "studio-pc", "hinge-desktop", "4242", "its-boot").encode())
    started = start()
    assert started.loaded is None
    text = started.refusal()
    assert text == (
        f"The training log in {paths.root} is in use by Hinge on studio-pc, says the lock file "
        f"{lock}. If Hinge is not running on studio-pc, delete {lock} and start again."
    )
    assert exits == [2]
    assert not paths.database.exists()

    lock.unlink()
    again = start()
    assert again.loaded is not None


def test_a_lock_held_in_this_process_stops_a_second_window(
    start: type[Started], paths: DataPaths, exits: list[int]
) -> None:
    first = start()
    assert first.loaded is not None
    second = start()
    assert second.loaded is None
    assert second.refusal() == (
        f"Hinge is already running with the training log in {paths.root}. Switch to that "
        "window: only one Hinge at a time can use a training log."
    )
    assert exits == [2]


def test_the_window_built_anew_by_a_restore_keeps_the_lock(
    start_hinge: StartHinge, paths: DataPaths
) -> None:
    hinge: HingeWindow = start_hinge(view="settings")
    lock = lock_folder(paths.root)
    assert lock is not None
    hinge.window.data_folder_lock = lock  # type: ignore[attr-defined]  # as opening.py does
    backup = back_up(hinge.store.db.conn, paths.backups, "manual")
    old = hinge.window

    hinge.views.backups.restore_requested.emit(backup)
    hinge.qtbot.waitUntil(
        lambda: any(
            isinstance(w, MainWindow) and w is not old and w.isVisible()
            for w in QApplication.topLevelWidgets()
        ),
        timeout=20_000,
    )

    (new,) = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow) and w is not old and w.isVisible()
    ]
    assert new.data_folder_lock is lock  # type: ignore[attr-defined]
    assert lock.held
    with pytest.raises(FolderLocked):
        lock_folder(paths.root)
    lock.release()


@pytest.mark.slow
def test_quitting_hinge_gives_the_lock_up_and_a_killed_hinges_lock_is_taken_over(
    data_dir: Path, tmp_path: Path
) -> None:
    def run() -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "hinge_desktop", "--data-dir", str(data_dir)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )

    def holds(child: subprocess.Popen[str]) -> bool:
        try:
            holder = read_holder((data_dir / LOCK_FILE).read_bytes())
        except FileNotFoundError:
            return False
        return holder is not None and holder.pid == child.pid

    first = run()
    wait_for(lambda: holds(first) and (data_dir / "hinge.sqlite3").exists(), first)
    first.send_signal(signal.SIGTERM)
    _, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    assert not (data_dir / LOCK_FILE).exists()

    second = run()
    wait_for(lambda: holds(second), second)
    second.kill()  # a crash: the lock file stays behind
    second.communicate(timeout=60)
    assert (data_dir / LOCK_FILE).exists()

    third = run()
    try:
        wait_for(lambda: holds(third), third)
    finally:
        third.send_signal(signal.SIGTERM)
        _, err = third.communicate(timeout=60)
    assert "already running" not in err
    assert third.returncode == 0, err


def wait_for(condition: Callable[[], bool], child: subprocess.Popen[str], tries: int = 600) -> None:
    """Wait (in tenths of a second, counted) until ``condition()`` holds; fail if ``child``
    ends first."""
    for _ in range(tries):
        if condition():
            return
        if child.poll() is not None:
            _, err = child.communicate()
            pytest.fail(f"Hinge ended with {child.returncode}: {err}")
        time.sleep(0.1)
    child.kill()
    pytest.fail("Hinge did not take the lock")
