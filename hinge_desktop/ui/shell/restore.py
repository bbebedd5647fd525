"""Restoring a backup into the running Hinge: the views stop, the backup takes the log's place on
a thread of its own, and the window is built anew on the restored log."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from hinge_desktop.paths import DataPaths
from hinge_desktop.speech.speaker import Speaker
from hinge_desktop.storage.backups import Backup
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.settings.backups_panel import restore_failed_box
from hinge_desktop.ui.shell.main_window import MainWindow
from hinge_desktop.ui.shell.resume import offer_resume

if TYPE_CHECKING:
    from hinge_desktop.ui.shell.wiring import InstalledViews

Assemble = Callable[[MainWindow, Preferences, Store, DataPaths, Speaker], "InstalledViews"]
"""What builds the views into a window (the assembler, handed in so that it can wire this)."""


def restore_and_rebuild(
    window: MainWindow, views: InstalledViews, backup: Backup, assemble: Assemble
) -> None:
    """Put ``backup`` in place of the training log, then show it in a window built anew.

    Every view shows the log (sets, workouts, routines, favourites, the ladder) and the undo
    history refers to it, so the views stop first, the restore runs on a thread of its own,
    and the window is then rebuilt on the restored log, as at a start: nothing can show or
    undo what the log no longer holds. The new window opens on Settings, where the person was.
    """
    services = views.services
    views.shutdown()
    services.store.end_open_transaction()
    window.setEnabled(False)
    window.statusBar().showMessage(window.tr("Restoring the backup…"))

    def rebuild(error: Exception | None) -> None:
        new = rebuild_window(
            window,
            services.preferences,
            services.store,
            services.paths,
            services.speaker,
            assemble,
        )
        if error is None:
            new.statusBar().showMessage(
                new.tr("The backup was restored; the log as it was before is kept as a backup."),
                15000,
            )
        else:
            print(f"hinge-desktop: {error}", file=sys.stderr)
            restore_failed_box(new, str(error)).open()

    views.backups.restore(backup, rebuild)


def rebuild_window(
    old: MainWindow,
    preferences: Preferences,
    store: Store,
    paths: DataPaths,
    speaker: Speaker,
    assemble: Assemble,
) -> MainWindow:
    """A new main window with every view built on ``store`` as it is now, in place of ``old``."""
    new = MainWindow(preferences)
    new.restoreGeometry(old.saveGeometry())
    new.data_folder_lock = getattr(old, "data_folder_lock", None)  # type: ignore[attr-defined]
    old.data_folder_lock = None  # type: ignore[attr-defined]
    views = assemble(new, preferences, store, paths, speaker)
    new.show_view("settings")
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(lambda: views.shutdown())
    if old.isVisible():
        new.show()
    old.close()
    old.deleteLater()
    views.progress.refresh()
    offer_resume(new, store, views)
    return new
