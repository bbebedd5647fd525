"""Test set-up shared by every test.

- Qt runs off screen unless a test asks for a real display.
- The whole run has a session bus of its own (``dbus-daemon --session``): nothing reaches the
  real desktop's services, and the stand-ins of tests/desktop_bus.py serve on it.
- Every test gets fresh data, config and cache folders: nothing reads or writes the real user's.
- A test fails if it leaves a QTimer or QThread running, or opens a modal dialog.
- What a test leaves of its widgets is deleted through Qt when it ends, and its garbage collected
  then, while nothing else runs: never later, in the middle of another test.
- Fixtures for what many tests start from: the data folder, the log opened on it, the drill
  catalogue, and the whole app in its main window (``hinge`` and ``start_hinge``, with the page
  object of hinge_window.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.paths import DataPaths
from hinge_desktop.storage.store import Store, open_store

if TYPE_CHECKING:
    import subprocess  # noqa: F401  (named in a string)

    from desktop_bus import StandIns
    from hinge_window import HingeWindow, StartHinge
    from pytestqt.qtbot import QtBot

    from hinge_desktop.ui.tasks import BackgroundReader

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["pytester"]

PRIVATE_BUS = "HINGE_TEST_SESSION_BUS"
"""Set while this run's private session bus is up (runs that this run starts share it)."""
NO_BUS = "unix:path=/nonexistent/hinge-tests-have-no-session-bus"
_BUS_PROCESS = pytest.StashKey["subprocess.Popen[str]"]()


def pytest_configure(config: pytest.Config) -> None:
    """Start a session bus for this run, before Qt connects to one: Qt keeps the bus it first
    connects to for the whole process. Without dbus-daemon, point Qt at no bus at all."""
    import shutil
    import subprocess

    if os.environ.get(PRIVATE_BUS):
        return
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = NO_BUS
        return
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        # It says, for one, that it may not raise its file limit: true, and of no matter here.
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    if not address:
        process.kill()
        raise pytest.UsageError("dbus-daemon --session printed no address")
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
    os.environ[PRIVATE_BUS] = str(process.pid)
    config.stash[_BUS_PROCESS] = process


def pytest_unconfigure(config: pytest.Config) -> None:
    process = config.stash.get(_BUS_PROCESS, None)
    if process is not None:
        process.terminate()
        process.wait(10)
        if process.stdout is not None:
            process.stdout.close()
        os.environ.pop(PRIVATE_BUS, None)


QT_LIBRARIES = {"PySide6", "shiboken6", "pyqtgraph"}


@pytest.fixture(autouse=True)
def _widgets_deleted_when_the_test_ends() -> Iterator[None]:
    """Delete, through Qt, the windows and parentless widgets a test leaves, then collect its
    garbage; and freeze what is still alive, so no later pass frees it during another test.

    Set up first, so torn down last: after the fixtures that close Hinge. A widget only Python
    holds, in a reference cycle (a chart's view built by a test without a parent, pyqtgraph's
    menus), would otherwise be destroyed whenever the collector next runs, inside whatever test
    runs then, while its threads work: with pyqtgraph's items that can crash the process.
    Destroyed by Qt while its Python side is whole, what is left for the collector is harmless.
    """
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication
    from shiboken6 import Shiboken

    before = set(QApplication.topLevelWidgets())
    yield
    deferred = QEvent.Type.DeferredDelete
    QCoreApplication.sendPostedEvents(None, deferred)
    for widget in set(QApplication.topLevelWidgets()) - before:
        # Hinge's own widgets only: the menus and panels pyqtgraph keeps for a chart without a
        # parent must outlive the chart's items, so they go with the chart's Python objects.
        library = type(widget).__module__.partition(".")[0]
        if Shiboken.isValid(widget) and widget.parent() is None and library not in QT_LIBRARIES:
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, deferred)
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        folder = tmp_path / "home" / name.lower()
        folder.mkdir(parents=True)
        monkeypatch.setenv(name, str(folder))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh, empty data folder for this test."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def paths(data_dir: Path) -> DataPaths:
    """Where the app keeps its files when it is started on this test's data folder."""
    return DataPaths(root=data_dir)


@pytest.fixture
def store(paths: DataPaths) -> Iterator[Store]:
    """The training log in this test's data folder, opened (and so created) for the test and
    closed after it."""
    opened = open_store(paths.database)
    yield opened
    opened.close()


@pytest.fixture
def background_reader(store: Store) -> Iterator[BackgroundReader]:
    """The background reader on this test's log, as History and Today read through it; shut
    down after the test."""
    from hinge_desktop.ui.tasks import BackgroundReader as Reader

    reader = Reader(store.path)
    yield reader
    reader.shutdown()


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The drill catalogue that ships with Hinge; it is immutable, so one serves every test."""
    # Imported here, as hinge_window below: test_leak_guard runs this file without them.
    from drill_catalogue import CATALOGUE

    return CATALOGUE


@pytest.fixture
def desktop() -> Iterator[Callable[..., StandIns]]:
    """Start stand-ins for the desktop's services on this run's session bus:
    ``desktop("screensaver", "portal")``; they are stopped when the test ends."""
    from desktop_bus import StandIns, require_session_bus

    require_session_bus()
    started: list[StandIns] = []

    def start(*services: str) -> StandIns:
        started.append(StandIns(*services))
        return started[-1]

    yield start
    for stand_ins in started:
        stand_ins.stop()


@pytest.fixture
def start_hinge(qtbot: QtBot, paths: DataPaths, store: Store) -> Iterator[StartHinge]:
    """Start the whole app in its main window, as often as the test needs; every window started
    is closed when the test ends, before the log closes."""
    from hinge_window import StartHinge

    starter = StartHinge(qtbot, paths, store)
    yield starter
    starter.close_all()


@pytest.fixture
def hinge(start_hinge: StartHinge) -> HingeWindow:
    """The whole app in its main window, shown, on this test's fresh data folder and log."""
    return start_hinge()


@pytest.fixture(autouse=True)
def _no_leaked_timers_or_threads(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail the test if a QTimer is still active or a QThread still running when it ends.

    A timer app that leaks timers is broken: they fire into objects that are gone. Work off the
    GUI thread runs on QThreads (``hinge_desktop.ui.tasks``), so a runner left running is
    caught too.
    """
    from PySide6.QtCore import QObject, QThread, QTimer
    from shiboken6 import Shiboken

    timers: list[QTimer] = []
    threads: list[QThread] = []
    timer_start = QTimer.start
    thread_start = QThread.start

    def tracked_timer_start(self: QTimer, *args: Any) -> None:
        timers.append(self)
        timer_start(self, *args)

    def tracked_thread_start(self: QThread, *args: Any) -> None:
        threads.append(self)
        thread_start(self, *args)

    def tracked_single_shot(msec: int, *args: Any) -> None:
        # Route the static QTimer.singleShot through a QTimer we can see.
        context: QObject | None = None
        if len(args) == 2:
            context, target = args
        elif len(args) == 1:
            (target,) = args
        else:
            raise TypeError(f"QTimer.singleShot({msec}, *{args!r}) is not supported in tests")
        timer = QTimer(context)
        timer.setSingleShot(True)
        callback: Callable[[], object] = target
        timer.timeout.connect(callback)
        timer.timeout.connect(timer.deleteLater)
        timer.start(msec)

    monkeypatch.setattr(QTimer, "start", tracked_timer_start)
    monkeypatch.setattr(QThread, "start", tracked_thread_start)
    monkeypatch.setattr(QTimer, "singleShot", staticmethod(tracked_single_shot))
    yield
    leaked: list[str] = []
    for timer in timers:
        if Shiboken.isValid(timer) and timer.isActive():
            leaked.append(f"QTimer {_name(timer)} ({timer.interval()} ms)")
            timer.stop()
    for thread in threads:
        if Shiboken.isValid(thread) and thread.isRunning():
            leaked.append(f"QThread {_name(thread)}")
            thread.quit()
            thread.wait(2000)
    if leaked:
        pytest.fail("Left running when the test ended: " + "; ".join(leaked), pytrace=False)


def _name(obj: Any) -> str:
    return str(obj.objectName() or repr(obj))


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blocking dialog would hang the run: fail instead. Tests that expect one patch it."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    def refuse(*args: Any, **kwargs: Any) -> None:
        pytest.fail(f"A modal dialog was opened: {args!r}", pytrace=False)

    monkeypatch.setattr(QDialog, "exec", refuse)
    for name in ("critical", "warning", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse))
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(refuse))
