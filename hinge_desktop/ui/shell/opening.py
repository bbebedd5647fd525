"""Opening the training log for the window: lock the data folder, check the log and recover a
damaged one, open the voice, build the views; every way that fails becomes one message."""

from __future__ import annotations

import sys
from collections.abc import Callable, Generator

from hinge_desktop.domain.catalogue import CatalogueError
from hinge_desktop.paths import DataPaths
from hinge_desktop.speech.choose import open_speaker
from hinge_desktop.speech.speaker import Speaker
from hinge_desktop.storage.errors import DatabaseFailed, StorageError
from hinge_desktop.storage.folder_lock import LOCK_FILE
from hinge_desktop.storage.integrity import StartCheck, start_check
from hinge_desktop.storage.store import Store, open_store
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.shell.data_folder import StorageFailure, fail, lock_data_folder
from hinge_desktop.ui.shell.first_view import FirstView
from hinge_desktop.ui.shell.installed import InstalledViews
from hinge_desktop.ui.shell.main_window import MainWindow
from hinge_desktop.ui.shell.recovery_box import start_check_box
from hinge_desktop.ui.shell.wiring import assemble_views

__all__ = [
    "LOCK_FILE",
    "StorageFailure",
    "fail",
    "load",
    "load_in_steps",
    "lock_data_folder",
    "open_and_install",
]


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
    (``ui/shell/starting.py`` runs it off the GUI thread). The person is told what it did (a
    message box unless ``show_recovery`` is false, and the standard error).
    """
    lock_data_folder(window, paths)
    try:
        if check is None:
            check = start_check(paths.database, paths.backups)
    except StorageError as exc:
        raise StorageFailure(str(exc)) from exc
    except OSError as exc:
        raise StorageFailure(f"Cannot read the database {paths.database}: {exc}.") from exc
    steps = load_in_steps(window, preferences, paths, check, show_recovery=show_recovery)
    while True:
        try:
            next(steps)
        except StopIteration as loaded:
            opened: tuple[Store, Speaker, InstalledViews] = loaded.value
            return opened


def load_in_steps(
    window: MainWindow,
    preferences: Preferences,
    paths: DataPaths,
    check: StartCheck,
    *,
    show_recovery: bool = True,
    first: FirstView | None = None,
    opened: Callable[[Store, Speaker], None] | None = None,
) -> Generator[None, None, tuple[Store, Speaker, InstalledViews]]:
    """As :func:`load` once ``check`` is done, pausing (a ``yield``) between groups of views;
    ``first`` is the drill list already shown, ``opened`` is told of the log and the voice as
    soon as they are open. Every way that fails raises :class:`StorageFailure`."""
    lock_data_folder(window, paths)
    store = None
    try:
        store = open_store(paths.database)
        speaker = open_speaker(paths.cue_cache)
        if opened is not None:
            opened(store, speaker)
        yield
        views = yield from assemble_views(window, preferences, store, paths, speaker, first)
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
