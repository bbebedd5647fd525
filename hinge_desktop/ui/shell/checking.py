"""The start after the first paint, in stages that keep the window answering throughout.

1. On a thread of its own, the ``Qt`` namespace is built, the drill list's modules loaded and
   the drill catalogue read; back on the GUI thread the menus get their keys and the drill list
   is built and shown (``first_view.py``): Hinge is ready to browse.
2. The data folder's lock is loaded on that thread, and the folder locked on the GUI thread
   (``data_folder.py``): a second Hinge says so as soon as its drill list is shown, before its
   log is touched; until then its window saves nothing to the folder's settings.
3. On that thread again, the log is checked before it opens (reading every row of a big log
   takes a moment; a damaged or lost one is recovered) and every other view's modules, the
   charts' among them, are loaded.
4. On the GUI thread, the log and the voice are opened and the views built a group at a time
   (``opening.load_in_steps``), the event loop running between groups.

Nothing heavy is imported here: this module is loaded before the first paint.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from hinge_desktop.paths import DataPaths
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.shell.main_window import MainWindow
from hinge_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from hinge_desktop.domain.catalogue import Catalogue
    from hinge_desktop.speech.speaker import Speaker
    from hinge_desktop.storage.integrity import StartCheck
    from hinge_desktop.storage.store import Store
    from hinge_desktop.ui.shell.first_view import FirstView
    from hinge_desktop.ui.shell.installed import InstalledViews

T = TypeVar("T")
Loaded = Callable[[tuple["Store", "Speaker", "InstalledViews"]], None]


class Closer(QObject):
    """At quit, closes what the start opened, in order: the views (which stop reading and
    writing the log), then the voice, then the log. Connected to the quit before the folder's
    lock, so the lock is given up last."""

    def __init__(self, app: QApplication, parent: QObject) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.speaker: Speaker | None = None
        self.views: InstalledViews | None = None
        app.aboutToQuit.connect(self.close)

    def opened(self, store: Store, speaker: Speaker) -> None:
        self.store, self.speaker = store, speaker

    def close(self) -> None:
        views, speaker, store = self.views, self.speaker, self.store
        self.views = self.speaker = self.store = None
        if views is not None:
            views.shutdown()
        if speaker is not None:
            speaker.close()
        if store is not None:
            store.close()


def check_then_open(
    window: MainWindow,
    preferences: Preferences,
    paths: DataPaths,
    then: Loaded,
    *,
    on_ready: Callable[[], None] | None = None,
    before_first_view: Callable[[], None] | None = None,
) -> None:
    """Start Hinge's window in the stages above: ``on_ready`` once the drill list is shown,
    ``then`` with the log, the voice and the views once every view is built. Every way that
    fails is told in one message, and Hinge quits (``then`` is not called).
    ``before_first_view`` runs on the GUI thread just before the drill list is built."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # Made before the lock is taken: at a quit during a stage, the runner (which connects to
    # the quit first) waits for its job to finish, and the closer closes the log, before the
    # lock is given up.
    runner: TaskRunner[None] = TaskRunner("startCheck", keep_thread=False, parent=window)
    closer = Closer(app, window)

    def failed(error: Exception) -> None:
        from hinge_desktop.domain.catalogue import CatalogueError
        from hinge_desktop.storage.errors import StorageError
        from hinge_desktop.ui.shell.data_folder import StorageFailure, fail

        if isinstance(error, StorageFailure | StorageError):
            fail(window, str(error))
        elif isinstance(error, CatalogueError):
            fail(window, f"The drill catalogue that comes with Hinge is broken: {error}")
        elif isinstance(error, OSError):
            fail(window, f"Cannot read the database {paths.database}: {error}.")
        else:
            raise error

    def loaded(catalogue: Catalogue) -> None:
        if before_first_view is not None:
            before_first_view()
        # The drill list is built on the next turn: each turn stays short.
        QTimer.singleShot(0, window, lambda: shown(catalogue))

    def shown(catalogue: Catalogue) -> None:
        from hinge_desktop.ui.shell.first_view import build_first_view

        first = build_first_view(window, catalogue, preferences)
        if on_ready is not None:
            on_ready()
        runner.submit(lambda _none: _load_lock(), lambda _none: lock(first), failed, window)

    def lock(first: FirstView) -> None:
        from hinge_desktop.ui.shell.data_folder import StorageFailure, fail, lock_data_folder

        try:
            lock_data_folder(window, paths)
        except StorageFailure as exc:
            runner.shutdown()
            if _shown_by_the_running_hinge(exc, paths):
                app.exit(0)
                return
            fail(window, str(exc))
            return
        window.allow_saving_state()
        runner.submit(
            lambda _none: _check_log(paths), lambda check: checked(check, first), failed, window
        )

    def checked(check: StartCheck, first: FirstView) -> None:
        from hinge_desktop.ui.shell.opening import load_in_steps

        steps = load_in_steps(window, preferences, paths, check, first=first, opened=closer.opened)

        def built(loaded: tuple[Store, Speaker, InstalledViews]) -> None:
            closer.views = loaded[2]
            then(loaded)

        run_in_steps(window, steps, built, failed)

    runner.submit(lambda _none: _first_view_catalogue(paths), loaded, failed, window)


def _first_view_catalogue(paths: DataPaths) -> Catalogue:
    """On the runner's thread: build the ``Qt`` namespace (its first use makes every one of its
    enums, which takes about 40 ms), load the drill list's modules and read the catalogue
    (through its cache in the data folder)."""
    from PySide6.QtCore import Qt

    assert Qt.AlignmentFlag.AlignLeft  # every enum of the namespace is built with the first
    import hinge_desktop.ui.shell.first_view  # noqa: F401  (loaded here, off the GUI thread)
    from hinge_desktop.storage.catalogue_cache import cached_builtin_catalogue

    return cached_builtin_catalogue(paths.catalogue_cache)


def _shown_by_the_running_hinge(refused: Exception, paths: DataPaths) -> bool:
    """Started again (from the application menu) on a data folder that a Hinge on this computer
    has: that Hinge is asked to show its window, and this one goes."""
    from hinge_desktop.storage.folder_lock import FolderLocked
    from hinge_desktop.ui.desktop.running_hinge import show_running_hinge

    locked = refused.__cause__
    if not isinstance(locked, FolderLocked) or locked.elsewhere_host is not None:
        return False
    if not show_running_hinge(paths.root):
        return False
    print(
        f"hinge-desktop: Hinge is already running with the training log in {paths.root}: "
        "its window is shown.",
        file=sys.stderr,
    )
    return True


def _load_lock() -> None:
    """On the runner's thread: load the data folder's lock (sqlite3's errors among them)."""
    import hinge_desktop.ui.shell.data_folder  # noqa: F401


def _check_log(paths: DataPaths) -> StartCheck:
    """On the runner's thread: check the log before it opens, then load the other views'
    modules (the charts' with them) so that building them loads nothing."""
    from hinge_desktop.storage import integrity

    check = integrity.start_check(paths.database, paths.backups)
    import hinge_desktop.ui.shell.opening  # noqa: F401  (every view, loaded off the GUI thread)

    return check


def run_in_steps(
    context: QObject,
    steps: Generator[None, None, T],
    done: Callable[[T], None],
    failed: Callable[[Exception], None],
) -> None:
    """Run ``steps`` one step per turn of the event loop, then ``done(result)``; a step that
    raises ends it with ``failed(error)``. Nothing more runs once ``context`` is deleted."""

    def step() -> None:
        try:
            next(steps)
        except StopIteration as finished:
            done(finished.value)
            return
        except Exception as error:  # every failure is told by ``failed`` (or raised there)
            failed(error)
            return
        QTimer.singleShot(0, context, step)

    QTimer.singleShot(0, context, step)
