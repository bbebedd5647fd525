"""Start, run and quit: parse the command line, run a command-line job or open the window.

The window paints first; the log and the views that need it are opened right after (by
``ui/shell/opening.py``, with the views built by the assembler in ``ui/shell/wiring.py``), so
Hinge opens about as fast as an empty Qt window.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from hinge_desktop.cli.options import Options, parse_args
from hinge_desktop.display import no_display
from hinge_desktop.paths import DataFolderError, DataPaths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from hinge_desktop.speech.speaker import Speaker
    from hinge_desktop.storage.store import Store
    from hinge_desktop.ui.preferences import Preferences
    from hinge_desktop.ui.shell.main_window import MainWindow
    from hinge_desktop.ui.shell.wiring import InstalledViews

START_FALLBACK_MS = 1000
EXIT_NO_DISPLAY = 1


def main(argv: Sequence[str] | None = None) -> int:
    return run(parse_args(argv))


def run(
    options: Options,
    *,
    on_first_paint: Callable[[], None] | None = None,
    on_ready: Callable[[], None] | None = None,
    on_settled: Callable[[], None] | None = None,
) -> int:
    """Start Hinge as ``options`` say; returns the process exit code.

    ``on_first_paint`` is called once the window has painted, ``on_ready`` once the database is
    open and every view is built (the start-up benchmark uses both).
    """
    if options.demo:
        from hinge_desktop.cli.demo import run_demo

        refused = run_demo(options.data_dir)
        if refused is not None:
            return refused
    if options.import_file is not None:
        from hinge_desktop.cli.import_file import run_import

        imported = run_import(options.data_dir, options.import_file, options.import_unit)
        if imported != 0 or (options.export_file is None and options.screenshot_view is None):
            return imported
    if options.export_file is not None:
        from hinge_desktop.cli.export import run_export

        return run_export(options.data_dir, options.export_file)
    if options.screenshot_view is not None and "QT_QPA_PLATFORM" not in os.environ:
        # A screenshot needs no display: render off screen unless told otherwise.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    missing = no_display()
    if missing is not None:
        print(f"hinge-desktop: {missing}", file=sys.stderr)
        return EXIT_NO_DISPLAY

    paths = DataPaths.resolve(options.data_dir)
    try:
        paths.ensure()
    except DataFolderError as exc:
        # Imported here: sqlite3, which storage loads, is not needed to paint the window.
        from hinge_desktop.storage.errors import EXIT_STORAGE_ERROR

        print(f"hinge-desktop: {exc}", file=sys.stderr)
        return EXIT_STORAGE_ERROR

    from hinge_desktop.ui.preferences import Preferences
    from hinge_desktop.ui.shell.application import (
        ColourSchemeFollower,
        QuitOnSignal,
        create_application,
        hide_offscreen_noise,
        set_window_icon,
    )
    from hinge_desktop.ui.shell.main_window import MainWindow

    app = create_application()
    preferences = Preferences(paths.settings)
    ColourSchemeFollower(app, preferences)
    window = MainWindow(preferences)

    if options.screenshot_view is not None and options.screenshot_file is not None:
        if app.platformName() == "offscreen":
            hide_offscreen_noise()
        set_window_icon(app)
        from hinge_desktop.cli.screenshot import take_screenshot

        return take_screenshot(
            window, preferences, paths, options.screenshot_view, options.screenshot_file
        )

    # SIGTERM and SIGINT quit as the window's close does, from the first moment it can be seen.
    QuitOnSignal(app)
    window.statusBar().showMessage(window.tr("Opening your training log…"))
    started = False

    def finish_start() -> None:
        nonlocal started
        if started:
            return
        started = True
        _finish_start(app, window, preferences, paths, on_first_paint, on_ready, on_settled)

    # Normally the database opens right after the first paint; a window that is never exposed
    # (started minimised, say) must not keep it closed, hence the timer as a fallback.
    window.first_painted.connect(finish_start, type=_queued())
    from PySide6.QtCore import QTimer

    QTimer.singleShot(START_FALLBACK_MS, finish_start)
    window.show()
    return app.exec()


def _queued() -> object:
    from PySide6.QtCore import Qt

    return Qt.ConnectionType.QueuedConnection


def _finish_start(
    app: QApplication,
    window: MainWindow,
    preferences: Preferences,
    paths: DataPaths,
    on_first_paint: Callable[[], None] | None,
    on_ready: Callable[[], None] | None = None,
    on_settled: Callable[[], None] | None = None,
) -> None:
    if on_first_paint is not None:
        on_first_paint()
    from hinge_desktop.ui.shell.application import set_window_icon

    set_window_icon(app)
    from hinge_desktop.ui.shell.checking import check_then_open

    def opened(loaded: tuple[Store, Speaker, InstalledViews]) -> None:
        _opened(app, window, loaded, on_ready, on_settled)

    check_then_open(window, preferences, paths, opened)


def _opened(
    app: QApplication,
    window: MainWindow,
    loaded: tuple[Store, Speaker, InstalledViews],
    on_ready: Callable[[], None] | None,
    on_settled: Callable[[], None] | None = None,
) -> None:
    from hinge_desktop.ui.shell.resume import offer_resume

    store, speaker, views = loaded
    # Through a lambda: PySide cannot hold a weak reference to the views' record itself.
    app.aboutToQuit.connect(lambda: views.shutdown())
    app.aboutToQuit.connect(speaker.close)
    app.aboutToQuit.connect(store.close)
    window.statusBar().showMessage(window.tr("Ready"), 5000)
    # Read the charts' data now, on its own thread, so History opens with it ready.
    views.progress.refresh()
    views.backups.make_daily_backup()
    offer_resume(window, store, views)
    if on_ready is not None:
        on_ready()
    if on_settled is not None:
        on_settled()
