"""In the window: a set logged in the player reaches the log file itself within moments, so the
file alone holds it; and the check before the log opens runs off the GUI thread and says what it
did about a lost log."""

from __future__ import annotations

import shutil
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hinge_window import HingeWindow
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.paths import DataPaths
from hinge_desktop.storage.backups import back_up
from hinge_desktop.storage.store import open_store

pytestmark = pytest.mark.damage


def sets_in(path: Path) -> int:
    store = open_store(path)
    try:
        return store.sets.count()
    finally:
        store.close()


def test_a_set_logged_in_the_player_is_in_the_log_file_alone_moments_later(
    hinge: HingeWindow, tmp_path: Path
) -> None:
    hinge.store.db.execute("PRAGMA wal_autocheckpoint = 0")  # only Hinge's own checkpoints
    hinge.show_drill("glute-bridge")
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REST, 1)
    checkpointer = hinge.views.checkpointer
    before = checkpointer.done

    hinge.click("logSetButton")

    hinge.qtbot.waitUntil(lambda: checkpointer.done > before, timeout=10000)
    alone = tmp_path / "copied" / "hinge.sqlite3"  # copied as a person copies "the log"
    alone.parent.mkdir()
    shutil.copyfile(hinge.paths.database, alone)
    assert sets_in(alone) == 1


def test_the_check_runs_off_the_gui_thread_and_a_lost_log_comes_back_with_word(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from hinge_desktop.storage import integrity
    from hinge_desktop.ui.preferences import Preferences
    from hinge_desktop.ui.shell import checking
    from hinge_desktop.ui.shell.main_window import MainWindow

    paths = DataPaths(root=data_dir)
    store = open_store(paths.database)
    store.sets.add_many([LoggedSet("hip-thrust", datetime.now(UTC), reps=8)] * 75)
    back_up(store.db.conn, paths.backups, "daily")
    store.close()
    paths.database.unlink()
    ran_on: list[threading.Thread] = []
    real_check = integrity.start_check

    def watched(*args: object, **kwargs: object) -> object:
        ran_on.append(threading.current_thread())
        return real_check(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(integrity, "start_check", watched)
    window = MainWindow(Preferences(paths.settings))
    qtbot.addWidget(window)
    window.show()
    opened: list[object] = []

    checking.check_then_open(window, window._preferences, paths, opened.append)

    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    (loaded,) = opened
    store, speaker, views = loaded  # type: ignore[misc]
    try:
        assert ran_on
        assert ran_on[0] is not threading.main_thread()
        box = window.findChild(QMessageBox, "recoveryBox")
        assert box is not None
        assert box.windowTitle() == "Your training log was missing"
        assert "holding 75 sets" in box.text()
        assert store.sets.count() == 75
        box.close()
    finally:
        views.shutdown()
        speaker.close()
        store.close()


def test_the_window_says_a_log_whose_index_was_rebuilt_lost_nothing(
    qtbot: QtBot, data_dir: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox
    from test_recovery import index_missing_entries

    from hinge_desktop.ui.preferences import Preferences
    from hinge_desktop.ui.shell.main_window import MainWindow
    from hinge_desktop.ui.shell.opening import open_and_install

    paths = DataPaths(root=data_dir)
    store = open_store(paths.database)
    store.sets.add_many([LoggedSet("hip-thrust", datetime.now(UTC), reps=8)] * 120)
    store.close()
    index_missing_entries(paths.database)
    window = MainWindow(Preferences(paths.settings))
    qtbot.addWidget(window)
    window.show()

    loaded = open_and_install(window, window._preferences, paths)

    assert loaded is not None
    store, speaker, views = loaded
    try:
        box = window.findChild(QMessageBox, "recoveryBox")
        assert box is not None
        assert box.windowTitle() == "Your training log was repaired"
        assert "rebuilt it from everything it still held: 120 sets" in box.text()
        (aside,) = data_dir.glob("hinge.sqlite3.damaged-*")
        assert str(aside) in box.informativeText()
        assert store.sets.count() == 120
        box.close()
    finally:
        views.shutdown()
        speaker.close()
        store.close()
