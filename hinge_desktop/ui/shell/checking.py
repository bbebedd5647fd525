"""The check before the log is opened, run off the GUI thread at start: reading every row of a
big log takes a moment, and the window must answer while it does."""

from __future__ import annotations

from collections.abc import Callable

from hinge_desktop.paths import DataPaths
from hinge_desktop.speech.speaker import Speaker
from hinge_desktop.storage.errors import StorageError
from hinge_desktop.storage.integrity import StartCheck, start_check
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.shell.main_window import MainWindow
from hinge_desktop.ui.shell.opening import (
    StorageFailure,
    fail,
    lock_data_folder,
    open_and_install,
)
from hinge_desktop.ui.shell.wiring import InstalledViews
from hinge_desktop.ui.tasks import TaskRunner

Loaded = Callable[[tuple[Store, Speaker, InstalledViews]], None]


def check_then_open(
    window: MainWindow, preferences: Preferences, paths: DataPaths, then: Loaded
) -> None:
    """Lock the data folder, check the log on a thread of its own, then open it and fill the
    window on the GUI thread and call ``then`` with what was opened. Every way that fails is
    told as :func:`open_and_install` tells it (and ``then`` is not called)."""
    # Made before the lock is taken: at a quit during the check, the runner (which connects to
    # the quit first) waits for the check to finish before the lock is given up.
    runner: TaskRunner[None] = TaskRunner("startCheck", keep_thread=False, parent=window)
    try:
        lock_data_folder(window, paths)
    except StorageFailure as exc:
        runner.shutdown()
        fail(window, str(exc))
        return
    database, folder = paths.database, paths.backups

    def checked(check: StartCheck) -> None:
        loaded = open_and_install(window, preferences, paths, check=check)
        if loaded is not None:
            then(loaded)

    def failed(error: Exception) -> None:
        if isinstance(error, StorageError):
            fail(window, str(error))
        elif isinstance(error, OSError):
            fail(window, f"Cannot read the database {database}: {error}.")
        else:
            raise error

    runner.submit(lambda _none: start_check(database, folder), checked, failed, window)
