"""Start, run and quit: parse the command line, run a command-line job or open the window.

The window paints first; then the drill list is shown and the log and the views that need it
are opened, in stages that keep the window answering (``ui/shell/checking.py``), so Hinge opens
about as fast as an empty Qt window and is ready to browse soon after.
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
CHROME_PAINT_MS = 1
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

    ``on_first_paint`` is called once the window has painted, ``on_ready`` once the drill list
    is filled and answering, ``on_settled`` once the log is open and every view is built (the
    start-up benchmark uses all three).
    """
    if options.analyse_file is not None and options.analyse_drill is not None:
        from hinge_desktop.cli.analyse import run_analyse

        return run_analyse(options.analyse_file, options.analyse_drill)
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

    if options.screenshot_view is None:
        # No pass of the garbage collector while start-up builds what lives as long as Hinge;
        # its objects are frozen once every view is built (``_opened``).
        from hinge_desktop.ui.gc_pauses import hold_during_start_up

        hold_during_start_up()

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
    colours = ColourSchemeFollower(app, preferences)
    screenshot = options.screenshot_view is not None and options.screenshot_file is not None
    # The window's outline paints first; its chrome is built right after (``finish_start``).
    window = MainWindow(preferences, staged=not screenshot)

    if options.screenshot_view is not None and options.screenshot_file is not None:
        if app.platformName() == "offscreen":
            hide_offscreen_noise()
        set_window_icon(app)
        window.add_shortcuts()
        colours.follow_system()
        from hinge_desktop.cli.screenshot import take_screenshot

        return take_screenshot(
            window, preferences, paths, options.screenshot_view, options.screenshot_file
        )

    # SIGTERM and SIGINT quit as the window's close does, from the first moment it can be seen.
    QuitOnSignal(app)
    started = quitting = False

    def quit_began() -> None:
        # Qt can still deliver a timer after this (in the turn that quit): nothing more starts.
        nonlocal quitting
        quitting = True

    app.aboutToQuit.connect(quit_began)

    def finish_start() -> None:
        nonlocal started
        if started or quitting:
            return
        started = True

        def after_paint() -> None:
            # Once the Qt namespace is built (on the start's thread, see checking.py).
            window.add_shortcuts()
            colours.follow_system()

        if on_first_paint is not None:
            on_first_paint()
        # The navigation, the menus and the status bar; the rest of the start waits on a timer
        # (a call queued for the next turn would come before the chrome's paint and the input
        # that waits).
        window.build_chrome()
        window.statusBar().showMessage(window.tr("Opening your training log…"))

        def go_on() -> None:
            if not quitting:
                _finish_start(app, window, preferences, paths, on_ready, on_settled, after_paint)

        QTimer.singleShot(CHROME_PAINT_MS, window, go_on)

    # Normally the database opens right after the first paint (once it is done: hence the
    # timer); a window that is never exposed (started minimised, say) must not keep it closed,
    # hence the second timer as a fallback.
    from PySide6.QtCore import QTimer

    window.first_painted.connect(lambda: QTimer.singleShot(0, finish_start))

    QTimer.singleShot(START_FALLBACK_MS, finish_start)
    window.show()
    return app.exec()


def _finish_start(
    app: QApplication,
    window: MainWindow,
    preferences: Preferences,
    paths: DataPaths,
    on_ready: Callable[[], None] | None = None,
    on_settled: Callable[[], None] | None = None,
    after_paint: Callable[[], None] | None = None,
) -> None:
    from hinge_desktop.ui.shell.application import set_window_icon
    from hinge_desktop.ui.shell.checking import check_then_open

    def first_view_loaded() -> None:
        set_window_icon(app)
        if after_paint is not None:
            after_paint()

    def opened(loaded: tuple[Store, Speaker, InstalledViews]) -> None:
        _opened(window, loaded, on_settled)

    check_then_open(
        window, preferences, paths, opened, on_ready=on_ready, before_first_view=first_view_loaded
    )


def _opened(
    window: MainWindow,
    loaded: tuple[Store, Speaker, InstalledViews],
    on_settled: Callable[[], None] | None = None,
) -> None:
    from hinge_desktop.ui.shell.resume import offer_resume

    store, _speaker, views = loaded
    from hinge_desktop.ui.gc_pauses import freeze_start_up

    window.statusBar().showMessage(window.tr("Ready"), 5000)
    # What start-up built lives as long as Hinge: the collector's passes skip it from now on.
    freeze_start_up()
    # Read the charts' data now, on its own thread, and lay History out and paint it while
    # the window is idle, so that its first show is as quick as any later one.
    views.progress.prewarm()
    views.backups.make_daily_backup()
    offer_resume(window, store, views)
    if on_settled is not None:
        on_settled()
