"""Opening the training log for the window: lock the data folder, check the log and recover a
damaged one, open the voice, build the views; every way that fails becomes one message."""

from __future__ import annotations

import sys
import weakref

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from hinge_desktop.domain.catalogue import CatalogueError
from hinge_desktop.paths import DataPaths
from hinge_desktop.speech.choose import open_speaker
from hinge_desktop.speech.speaker import Speaker
from hinge_desktop.storage.errors import EXIT_STORAGE_ERROR, DatabaseFailed, StorageError
from hinge_desktop.storage.folder_lock import LOCK_FILE, FolderLocked, lock_folder
from hinge_desktop.storage.integrity import StartCheck, start_check
from hinge_desktop.storage.store import Store, open_store
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.shell.main_window import MainWindow
from hinge_desktop.ui.shell.recovery_box import start_check_box
from hinge_desktop.ui.shell.wiring import InstalledViews, install_views

__all__ = ["LOCK_FILE", "StorageFailure", "fail", "load", "lock_data_folder", "open_and_install"]


class StorageFailure(Exception):
    """The database cannot be used; the message is for the person."""


def open_and_install(
    window: MainWindow,
    preferences: Preferences,
    paths: DataPaths,
    *,
    check: StartCheck | None = None,
) -> tuple[Store, Speaker, InstalledViews] | None:
    """Open the database and fill the window; on failure, tell the person and quit."""
    try:
        return load(window, preferences, paths, check=check)
    except StorageFailure as exc:
        fail(window, str(exc))
        return None


def load(
    window: MainWindow,
    preferences: Preferences,
    paths: DataPaths,
    *,
    show_recovery: bool = True,
    check: StartCheck | None = None,
) -> tuple[Store, Speaker, InstalledViews]:
    """Open the database and the voice and build the views, turning every way that fails into
    one message.

    The data folder is locked for this Hinge first; then the check before opening
    (:func:`start_check`: an unclosed write-ahead log kept aside, a damaged or lost log put
    aside and the newest good backup restored) runs, unless ``check`` is what it already found
    (``ui/shell/checking.py`` runs it off the GUI thread). The person is told what it did (a
    message box unless ``show_recovery`` is false, and the standard error).
    """
    lock_data_folder(window, paths)
    store = None
    try:
        if check is None:
            check = start_check(paths.database, paths.backups)
        store = open_store(paths.database)
        speaker = open_speaker(paths.cue_cache)
        views = install_views(window, preferences, store, paths, speaker)
    except CatalogueError as exc:
        if store is not None:
            store.close()
        raise StorageFailure(f"The drill catalogue that comes with Hinge is broken: {exc}") from exc
    except StorageError as exc:
        raise StorageFailure(str(exc)) from exc
    except DatabaseFailed as exc:
        if store is not None:
            store.close()
        raise StorageFailure(f"The database {paths.database} is damaged ({exc}).") from exc
    except OSError as exc:
        raise StorageFailure(f"Cannot read the database {paths.database}: {exc}.") from exc
    for message in check.messages:
        print(f"hinge-desktop: {message}", file=sys.stderr)
    box = start_check_box(window, check) if show_recovery else None
    if box is not None:
        box.open()
    return store, speaker, views


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
    box.finished.connect(lambda _result: QApplication.exit(EXIT_STORAGE_ERROR))
    box.open()
