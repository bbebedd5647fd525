"""Composition root: parses the command line, opens the database, builds and wires the window.

Nothing else constructs services. The window paints first; the database and the views that need
it are loaded right after, so Hinge opens about as fast as an empty Qt window.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from hinge_desktop.cli.options import Options, parse_args
from hinge_desktop.paths import DataFolderError, DataPaths

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from hinge_desktop.domain.catalogue import Catalogue
    from hinge_desktop.domain.plan import WorkoutPlan
    from hinge_desktop.speech.speaker import Speaker
    from hinge_desktop.storage.backups import Backup
    from hinge_desktop.storage.store import Store
    from hinge_desktop.ui.history.progress_view import ProgressView
    from hinge_desktop.ui.library.ladder_coach import LadderCoach
    from hinge_desktop.ui.preferences import Preferences
    from hinge_desktop.ui.settings.backups_panel import BackupsPanel
    from hinge_desktop.ui.shell.main_window import MainWindow
    from hinge_desktop.ui.tasks import BackgroundReader
    from hinge_desktop.ui.transfer.import_action import ImportController
    from hinge_desktop.ui.workout.set_logger import SetLogger
    from hinge_desktop.ui.workout.workout_view import WorkoutView

EXIT_STORAGE_ERROR = 2
START_FALLBACK_MS = 1000
LOCK_FILE = "hinge.lock"


def main(argv: Sequence[str] | None = None) -> int:
    return run(parse_args(argv))


def run(
    options: Options,
    *,
    on_first_paint: Callable[[], None] | None = None,
    on_ready: Callable[[], None] | None = None,
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

        imported = run_import(options.data_dir, options.import_file)
        if imported != 0 or (options.export_file is None and options.screenshot_view is None):
            return imported
    if options.export_file is not None:
        from hinge_desktop.cli.export import run_export

        return run_export(options.data_dir, options.export_file)
    if options.screenshot_view is not None and "QT_QPA_PLATFORM" not in os.environ:
        # A screenshot needs no display: render off screen unless told otherwise.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    paths = DataPaths.resolve(options.data_dir)
    try:
        paths.ensure()
    except DataFolderError as exc:
        print(f"hinge-desktop: {exc}", file=sys.stderr)
        return EXIT_STORAGE_ERROR

    from hinge_desktop.ui.preferences import Preferences
    from hinge_desktop.ui.shell.application import (
        ColourSchemeFollower,
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
        return _screenshot(window, preferences, paths, options)

    window.statusBar().showMessage(window.tr("Opening your training log…"))
    started = False

    def finish_start() -> None:
        nonlocal started
        if started:
            return
        started = True
        _finish_start(app, window, preferences, paths, on_first_paint, on_ready)

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
) -> None:
    if on_first_paint is not None:
        on_first_paint()
    from hinge_desktop.ui.shell.application import QuitOnSignal, set_window_icon

    set_window_icon(app)
    QuitOnSignal(app)
    loaded = open_and_install(window, preferences, paths)
    if loaded is not None:
        store, speaker, views = loaded
        # Through a lambda: PySide cannot hold a weak reference to the named tuple itself.
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


def open_and_install(
    window: MainWindow, preferences: Preferences, paths: DataPaths
) -> tuple[Store, Speaker, InstalledViews] | None:
    """Open the database and fill the window; on failure, tell the person and quit."""
    try:
        return _load(window, preferences, paths)
    except _StorageFailure as exc:
        _fail(window, str(exc))
        return None


class _StorageFailure(Exception):
    """The database cannot be used; the message is for the person."""


def _load(
    window: MainWindow, preferences: Preferences, paths: DataPaths, *, show_recovery: bool = True
) -> tuple[Store, Speaker, InstalledViews]:
    """Open the database and the voice and build the views, turning every way that fails into
    one message.

    The data folder is locked for this Hinge first; a damaged log is put aside and the newest
    good backup restored before it is opened, and the person told (a message box unless
    ``show_recovery`` is false, and the standard error).
    """
    import sqlite3

    from hinge_desktop.domain.catalogue import CatalogueError
    from hinge_desktop.speech.choose import open_speaker
    from hinge_desktop.storage.errors import StorageError
    from hinge_desktop.storage.integrity import check_and_recover
    from hinge_desktop.storage.store import open_store

    _lock_data_folder(window, paths)
    store = None
    try:
        recovery = check_and_recover(paths.database, paths.backups)
        store = open_store(paths.database)
        speaker = open_speaker(paths.cue_cache)
        views = install_views(window, preferences, store, paths, speaker)
    except CatalogueError as exc:
        if store is not None:
            store.close()
        raise _StorageFailure(
            f"The drill catalogue that comes with Hinge is broken: {exc}"
        ) from exc
    except StorageError as exc:
        raise _StorageFailure(str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        if store is not None:
            store.close()
        raise _StorageFailure(f"The database {paths.database} is damaged ({exc}).") from exc
    except OSError as exc:
        raise _StorageFailure(f"Cannot read the database {paths.database}: {exc}.") from exc
    if recovery is not None:
        print(f"hinge-desktop: {recovery.message}", file=sys.stderr)
        if show_recovery:
            from hinge_desktop.ui.settings.backups_panel import recovery_box

            recovery_box(window, recovery).open()
    return store, speaker, views


def _lock_data_folder(window: MainWindow, paths: DataPaths) -> None:
    """One Hinge at a time per data folder: a second one would offer to resume the first one's
    workout, and must never move aside a log that another Hinge has open.

    The lock is kept by the window (and handed on if the window is rebuilt); a lock left by a
    Hinge that was killed is taken over (Qt checks that its process is gone).
    """
    from PySide6.QtCore import QLockFile

    if getattr(window, "data_folder_lock", None) is not None:
        return
    lock = QLockFile(str(paths.root / LOCK_FILE))
    lock.setStaleLockTime(0)  # never by age: only a lock whose process is gone is stale
    if not lock.tryLock(0) and lock.error() == QLockFile.LockError.LockFailedError:
        raise _StorageFailure(
            window.tr(
                "Hinge is already running with the training log in {folder}. Switch to that "
                "window: only one Hinge at a time can use a training log."
            ).format(folder=paths.root)
        )
    # Any other failure (a read-only folder) is reported when the database is opened.
    window.data_folder_lock = lock  # type: ignore[attr-defined]


def install_views(
    window: MainWindow,
    preferences: Preferences,
    store: Store,
    paths: DataPaths,
    speaker: Speaker,
) -> InstalledViews:
    """Build every view with what it needs and put it in the window."""
    from PySide6.QtGui import QUndoStack

    from hinge_desktop.domain.catalogue import builtin_catalogue
    from hinge_desktop.storage.custom_drills import CustomDrillRepository
    from hinge_desktop.storage.own_drill_stats import OwnDrillStatsReader
    from hinge_desktop.ui.drill_names import DrillNames
    from hinge_desktop.ui.history.history_view import HistoryView
    from hinge_desktop.ui.history.progress_view import ProgressView
    from hinge_desktop.ui.history.workout_list_view import WorkoutListView
    from hinge_desktop.ui.library.drills_view import DrillsView
    from hinge_desktop.ui.library.gate_questions import GateQuestions
    from hinge_desktop.ui.library.ladder_coach import LadderCoach
    from hinge_desktop.ui.library.ladder_panel import LadderPanel
    from hinge_desktop.ui.library.library_view import LibraryView
    from hinge_desktop.ui.library.own_drills_view import OwnDrillsView
    from hinge_desktop.ui.library.routines_view import RoutinesView
    from hinge_desktop.ui.settings.backups_panel import BackupsPanel
    from hinge_desktop.ui.settings.settings_view import SettingsView
    from hinge_desktop.ui.settings.voice_preferences import follow_voice_preferences
    from hinge_desktop.ui.tasks import BackgroundReader
    from hinge_desktop.ui.transfer.export_action import install_exports
    from hinge_desktop.ui.transfer.import_action import install_import
    from hinge_desktop.ui.workout.log_panel import LogPanel
    from hinge_desktop.ui.workout.set_logger import SetLogger, local_now
    from hinge_desktop.ui.workout.workout_view import WorkoutView

    catalogue = builtin_catalogue()
    # Every drill's name as the person sees it, their own drills' (from imports) included.
    names = DrillNames(catalogue, CustomDrillRepository(store.db), parent=window)
    follow_voice_preferences(preferences, speaker)
    drills = DrillsView(catalogue, store.favourites.all(), store.favourites.set)
    workout = WorkoutView(speaker, preferences)
    undo_stack = QUndoStack(window)
    undo_stack.setObjectName("logUndoStack")
    window.set_undo_stack(undo_stack)
    log_panel = LogPanel(undo_stack)
    workout.set_log_panel(log_panel)
    workout_log = SetLogger(workout, log_panel, store, undo_stack, parent=window)
    workout_log.message.connect(lambda text: window.statusBar().showMessage(text, 5000))
    from hinge_desktop.ui.preferences import LAST_DRILL

    last_drill = preferences.get(LAST_DRILL)
    if last_drill in catalogue:
        drills.select_drill(last_drill)

    def save_last_drill() -> None:
        shown = drills.selected_drill()
        if shown is not None:
            preferences.set(LAST_DRILL, shown.id)

    window.state_saving.connect(save_last_drill)
    drills.message.connect(lambda text: window.statusBar().showMessage(text, 5000))

    def start_drill(drill_id: str) -> None:
        workout.show_drill(catalogue.get(drill_id))
        window.show_view("workout")

    def start_plan(plan: WorkoutPlan) -> None:
        workout.load(plan.steps(catalogue), plan=plan)
        window.show_view("workout")

    drills.start_requested.connect(start_drill)
    routines = RoutinesView(catalogue, store.routines, names=names)
    routines.start_requested.connect(start_plan)
    routines.message.connect(lambda text: window.statusBar().showMessage(text, 5000))
    drills.add_to_routine_requested.connect(routines.add_drill)

    def refresh_routine_names() -> None:
        drills.set_routine_names(routines.routine_names())

    routines.routines_changed.connect(refresh_routine_names)
    refresh_routine_names()
    ladder_panel = LadderPanel()
    ladder_panel.setFixedWidth(230)
    questions = GateQuestions()
    log_panel.extra.addWidget(questions)
    coach = LadderCoach(
        store.ladder,
        store.sets,
        catalogue,
        ladder_panel,
        questions,
        undo_stack,
        local_now,
        dialog_parent=window,
        parent=window,
    )
    coach.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
    workout_log.set_logged.connect(coach.after_set)
    workout_log.target_changed.connect(coach.dismiss_questions)
    # While the questions are asked the logged set's values are not needed: room for them.
    coach.asking.connect(log_panel.set_asking)

    def start_routine(routine_id: str) -> None:
        routines.select_routine(routine_id)
        routines.start_current()

    ladder_panel.start_routine_requested.connect(start_routine)
    own_drills = OwnDrillsView(names, OwnDrillStatsReader(store.db))
    own_drills.message.connect(lambda text: window.statusBar().showMessage(text, 5000))
    library = LibraryView(drills, routines, ladder_panel, own_drills=own_drills)

    def added_to_routine(_drill_id: str, _routine_id: str) -> None:
        routine = routines.current_routine()
        if routine is not None:
            window.statusBar().showMessage(
                window.tr("Added to “{name}”. Find it under Routines.").format(name=routine.name),
                5000,
            )

    drills.add_to_routine_requested.connect(added_to_routine)
    workout.choose_requested.connect(lambda: window.show_view("drills"))
    window.install_view("drills", library)
    window.install_view("workout", workout)
    if window.current_view() == "drills":
        drills.focus_search()
    workout_list = WorkoutListView(store, catalogue, undo_stack, names=names)
    workout_list.message.connect(lambda text: window.statusBar().showMessage(text, 5000))
    workout_list.choose_drill_requested.connect(lambda: window.show_view("drills"))
    drills.quick_log_requested.connect(workout_list.quick_log)
    reader = BackgroundReader(store.path, parent=window)
    progress = ProgressView(reader, catalogue, preferences, names=names)
    progress.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
    progress.choose_drill_requested.connect(lambda: window.show_view("drills"))
    # Every logged, edited, deleted or restored set goes through the undo stack.
    undo_stack.indexChanged.connect(progress.mark_stale)
    window.install_view("history", HistoryView(workout_list, progress))
    backups = BackupsPanel(store.path, paths.backups)
    backups.message.connect(lambda text: window.statusBar().showMessage(text, 15000))
    window.install_view(
        "settings", SettingsView(preferences, store, paths.root, speaker, backups=backups)
    )

    install_exports(
        (window.export_action, window.export_json_action),
        window,
        store,
        catalogue,
        reader,
        lambda text: window.statusBar().showMessage(text, 8000),
    )

    def imported() -> None:
        # An import stored, taken back or stored again on the import worker's thread.
        workout_list.mark_stale()
        progress.mark_stale()
        own_drills.mark_stale()

    importing = install_import(
        window.import_action,
        window,
        store,
        names,
        preferences,
        undo_stack,
        imported,
        lambda text: window.statusBar().showMessage(text, 15000),
        backups=paths.backups,
    )
    views = InstalledViews(
        catalogue,
        undo_stack,
        workout,
        workout_log,
        start_plan,
        coach,
        progress,
        reader,
        backups,
        importing,
    )
    backups.restore_requested.connect(
        lambda backup: restore_and_rebuild(
            window, preferences, store, paths, speaker, views, backup
        )
    )
    return views


class InstalledViews(NamedTuple):
    """What the views need from each other after they are built."""

    catalogue: Catalogue
    undo_stack: QUndoStack
    workout: WorkoutView
    workout_log: SetLogger
    start_plan: Callable[[WorkoutPlan], None]
    ladder: LadderCoach
    progress: ProgressView
    reader: BackgroundReader
    backups: BackupsPanel
    importing: ImportController

    def shutdown(self) -> None:
        """Hinge is quitting: stop listening to the log and reading it before the database
        closes."""
        self.workout_log.shutdown()
        self.ladder.shutdown()
        self.importing.shutdown()
        self.reader.shutdown()


def restore_and_rebuild(
    window: MainWindow,
    preferences: Preferences,
    store: Store,
    paths: DataPaths,
    speaker: Speaker,
    views: InstalledViews,
    backup: Backup,
) -> None:
    """Put ``backup`` in place of the training log, then show it in a window built anew.

    Every view shows the log (sets, workouts, routines, favourites, the ladder) and the undo
    history refers to it, so the views stop first, the restore runs on a thread of its own,
    and the window is then rebuilt on the restored log, as at a start: nothing can show or
    undo what the log no longer holds. The new window opens on Settings, where the person was.
    """
    from hinge_desktop.ui.settings.backups_panel import restore_failed_box

    views.shutdown()
    if store.db.conn.in_transaction:
        store.db.conn.commit()
    window.setEnabled(False)
    window.statusBar().showMessage(window.tr("Restoring the backup…"))

    def rebuild(error: Exception | None) -> None:
        new = rebuild_window(window, preferences, store, paths, speaker)
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
    old: MainWindow, preferences: Preferences, store: Store, paths: DataPaths, speaker: Speaker
) -> MainWindow:
    """A new main window with every view built on ``store`` as it is now, in place of ``old``."""
    from PySide6.QtWidgets import QApplication

    from hinge_desktop.ui.shell.main_window import MainWindow

    new = MainWindow(preferences)
    new.restoreGeometry(old.saveGeometry())
    new.data_folder_lock = getattr(old, "data_folder_lock", None)  # type: ignore[attr-defined]
    old.data_folder_lock = None  # type: ignore[attr-defined]
    views = install_views(new, preferences, store, paths, speaker)
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


def offer_resume(window: MainWindow, store: Store, views: InstalledViews) -> None:
    """After a crash: a workout left under way is offered for resuming, or finishing as it
    stands."""
    from datetime import datetime

    from hinge_desktop.domain.plan import InvalidPlan
    from hinge_desktop.ui.workout.resume_prompt import ResumePrompt
    from hinge_desktop.ui.workout.workout_text import step_text

    unfinished = store.session.unfinished()
    if unfinished is None:
        return
    try:
        steps = unfinished.plan.steps(views.catalogue)
    except InvalidPlan:
        store.session.finish(unfinished.workout.id or 0, datetime.now().astimezone())
        return
    index = min(unfinished.step_index, len(steps) - 1)
    prompt = ResumePrompt(unfinished, step_text(steps[index]), window)

    def resume() -> None:
        views.workout_log.resume(unfinished, steps)
        window.show_view("workout")

    def finish() -> None:
        if unfinished.workout.id is not None:
            store.session.finish(unfinished.workout.id, datetime.now().astimezone())
        window.statusBar().showMessage(window.tr("The workout was finished as it stood."), 5000)

    prompt.resume_chosen.connect(resume)
    prompt.finish_chosen.connect(finish)
    prompt.open()


def _fail(window: MainWindow, message: str) -> None:
    """Tell the person why Hinge cannot go on, then quit with an error status."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    print(f"hinge-desktop: {message}", file=sys.stderr)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        window.tr("Hinge cannot start"),
        message,
        QMessageBox.StandardButton.Close,
        window,
    )
    box.setObjectName("fatalErrorBox")
    box.finished.connect(lambda _result: QApplication.exit(EXIT_STORAGE_ERROR))
    box.open()


def _screenshot(
    window: MainWindow, preferences: Preferences, paths: DataPaths, options: Options
) -> int:
    from hinge_desktop.cli.screenshot import ScreenshotError, save

    view, file = options.screenshot_view, options.screenshot_file
    if view is None or file is None:
        raise ValueError("_screenshot needs a view and a file")
    try:
        store, speaker, views = _load(window, preferences, paths, show_recovery=False)
    except _StorageFailure as exc:
        print(f"hinge-desktop: {exc}", file=sys.stderr)
        return EXIT_STORAGE_ERROR
    try:
        views.backups.make_daily_backup(wait=True)
        window.show_view(view)
        if view == "history" and not views.progress.wait_until_loaded():
            print("hinge-desktop: the history took too long to read.", file=sys.stderr)
            return 1
        save(window, file)
    except ScreenshotError as exc:
        print(f"hinge-desktop: {exc}", file=sys.stderr)
        return 1
    finally:
        views.shutdown()
        speaker.close()
        store.close()
    return 0
