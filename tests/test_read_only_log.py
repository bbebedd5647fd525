"""A training log that can be read but not written (read-only, or another user's) is refused when
Hinge starts, naming the file and how to make it writable, instead of opening as "Ready" and
failing at the first set; a read-only folder keeps its own message."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from read_only import read_only
from system_tools import missing

import hinge_desktop
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.paths import DataPaths
from hinge_desktop.storage.errors import LogNotWritable
from hinge_desktop.storage.store import open_store

pytestmark = pytest.mark.damage


def a_log_with_sets(path: Path) -> str:
    store = open_store(path)
    store.sets.add_many([LoggedSet("glute-bridge", datetime.now(UTC), reps=12)] * 3)
    store.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_only_message(path: Path) -> str:
    return (
        f"The training log {path} is read-only, so Hinge cannot save sets in it. Make it "
        f"writable (chmod u+w {path}) and start Hinge again. Nothing in it was changed."
    )


def test_a_read_only_log_is_refused_when_opened_naming_the_file(paths: DataPaths) -> None:
    before = a_log_with_sets(paths.database)
    with read_only(paths.database, 0o444), pytest.raises(LogNotWritable) as refused:
        open_store(paths.database)
    assert str(refused.value) == read_only_message(paths.database)
    assert hashlib.sha256(paths.database.read_bytes()).hexdigest() == before
    # Made writable again, it opens.
    store = open_store(paths.database)
    assert store.sets.count() == 3
    store.close()


def test_the_window_stops_on_a_read_only_log_with_the_fatal_box(
    qtbot: QtBot, paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from hinge_desktop.ui.preferences import Preferences
    from hinge_desktop.ui.shell.main_window import MainWindow
    from hinge_desktop.ui.shell.opening import open_and_install

    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    a_log_with_sets(paths.database)
    window = MainWindow(Preferences(paths.settings))
    qtbot.addWidget(window)
    with read_only(paths.database, 0o444):
        assert open_and_install(window, window._preferences, paths) is None
    box = window.findChild(QMessageBox, "fatalErrorBox")
    assert box is not None
    assert box.text() == read_only_message(paths.database)
    assert "folder" not in box.text()
    box.close()
    assert exits == [2]
    window.data_folder_lock.release()  # type: ignore[attr-defined]


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A data folder that every user may write in (outside the test's own, which only root
    can enter)."""
    folder = Path(tempfile.mkdtemp(prefix="hinge-shared-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder)


NOBODY = 65534


@contextmanager
def passable_by_others(*places: Path) -> Iterator[None]:
    """Let other users pass through the folders above ``places`` while Hinge runs as one:
    a checkout may sit in a folder only its owner can enter (``mktemp -d`` makes them so).
    Only the right to pass is given (not to list), and it is taken back afterwards."""
    opened: list[tuple[Path, int]] = []
    try:
        for place in places:
            for folder in place.resolve().parents:
                mode = folder.stat().st_mode
                if not mode & stat.S_IXOTH:
                    folder.chmod(mode | stat.S_IXOTH)
                    opened.append((folder, mode))
        yield
    finally:
        for folder, mode in reversed(opened):
            folder.chmod(stat.S_IMODE(mode))


def run_as_nobody(folder: Path) -> subprocess.CompletedProcess[str]:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        missing("needs root and setpriv (util-linux) to start Hinge as another user")
    checkout = Path(hinge_desktop.__file__).parent
    with passable_by_others(checkout, Path(sys.executable), Path(sys.prefix) / "lib"):
        return _run_as_nobody(folder)


def _run_as_nobody(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            "setpriv",
            f"--reuid={NOBODY}",
            f"--regid={NOBODY}",
            "--clear-groups",
            sys.executable,
            "-m",
            "hinge_desktop",
            "--data-dir",
            str(folder),
            "--screenshot",
            "settings",
            str(folder / "s.png"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=folder,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(folder)},
    )


@pytest.mark.slow
def test_a_log_of_another_user_is_refused_naming_its_owner(shared_folder: Path) -> None:
    database = shared_folder / "hinge.sqlite3"
    before = a_log_with_sets(database)  # root's, 0644: others can read, not write
    result = run_as_nobody(shared_folder)
    assert result.returncode == 2, result.stderr
    assert (
        f"The training log {database} belongs to the user root, so Hinge cannot save sets in "
        f"it. Make it yours (sudo chown $USER {database})"
    ) in result.stderr
    assert not (shared_folder / "s.png").exists()
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before


@pytest.mark.slow
def test_a_0444_log_of_ones_own_is_refused_for_real(shared_folder: Path) -> None:
    database = shared_folder / "hinge.sqlite3"
    a_log_with_sets(database)
    os.chown(database, NOBODY, NOBODY)
    database.chmod(0o444)
    result = run_as_nobody(shared_folder)
    assert result.returncode == 2, result.stderr
    assert f"hinge-desktop: {read_only_message(database)}" in result.stderr
