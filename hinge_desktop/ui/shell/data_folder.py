"""The data folder at start: one Hinge at a time holds it, and a Hinge that cannot use it says why
in one message and quits. Light on purpose: it runs before the storage modules are loaded."""

from __future__ import annotations

import sys
import weakref

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from hinge_desktop.paths import DataPaths
from hinge_desktop.storage.errors import EXIT_STORAGE_ERROR
from hinge_desktop.storage.folder_lock import FolderLocked, lock_folder
from hinge_desktop.ui.shell.application import EXIT_STATUS
from hinge_desktop.ui.shell.main_window import MainWindow


class StorageFailure(Exception):
    """The database cannot be used; the message is for the person."""


def lock_data_folder(window: MainWindow, paths: DataPaths) -> None:
    """One Hinge at a time per data folder: a second one would offer to resume the first one's
    workout, and must never move aside a log that another Hinge has open.

    The lock is kept by the window (and handed on if the window is rebuilt) and given up when
    Hinge quits; a lock left by a Hinge that crashed is taken over (see ``folder_lock.py``).
    """
    if getattr(window, "data_folder_lock", None) is not None:
        return
    try:
        lock = lock_folder(paths.root)
    except FolderLocked as exc:
        raise StorageFailure(refusal_text(window, exc)) from exc
    if lock is None:
        return  # a read-only folder: told when the database is opened
    window.data_folder_lock = lock  # type: ignore[attr-defined]
    app = QApplication.instance()
    if app is not None:
        # Held weakly: the window keeps the lock, and whichever window has it when Hinge quits
        # gives it up (a process that ends without quitting gives it up as it ends).
        held = weakref.ref(lock)

        def release() -> None:
            kept = held()
            if kept is not None:
                kept.release()

        app.aboutToQuit.connect(release)


def refusal_text(window: MainWindow, locked: FolderLocked) -> str:
    """Why this Hinge cannot use the folder, in the words ``folder_lock.refusal`` uses."""
    if locked.elsewhere_host is not None:
        return window.tr(
            "The training log in {folder} is in use by Hinge on {host}, says the lock file "
            "{path}. If Hinge is not running on {host}, delete {path} and start again."
        ).format(folder=locked.folder, host=locked.elsewhere_host, path=locked.path)
    return window.tr(
        "Hinge is already running with the training log in {folder}. Switch to that "
        "window: only one Hinge at a time can use a training log."
    ).format(folder=locked.folder)


def fail(window: MainWindow, message: str) -> None:
    """Tell the person why Hinge cannot go on, then quit with an error status."""
    print(f"hinge-desktop: {message}", file=sys.stderr)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        window.tr("Hinge cannot start"),
        message,
        QMessageBox.StandardButton.Close,
        window,
    )
    box.setObjectName("fatalErrorBox")
    # The message may name a file to delete or change: it can be copied.
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    app = QApplication.instance()
    if app is not None:
        # Kept also when Hinge is told to quit (SIGTERM) while the box is shown.
        app.setProperty(EXIT_STATUS, EXIT_STORAGE_ERROR)
    box.finished.connect(lambda _result: QApplication.exit(EXIT_STORAGE_ERROR))
    box.open()
