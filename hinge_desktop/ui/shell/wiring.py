"""The assembler: builds every view from the services on an opened log and wires them together.

Each feature folder's views take their collaborators through their constructors; this is the one
place that knows them all, so the features never import each other.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from hinge_desktop.domain.catalogue import builtin_catalogue
from hinge_desktop.domain.plan import WorkoutPlan
from hinge_desktop.paths import DataPaths
from hinge_desktop.speech.speaker import Speaker
from hinge_desktop.storage.own_drill_stats import OwnDrillStatsReader
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.checkpoints import Checkpointer
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
from hinge_desktop.ui.log_changes import LogChanges
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.settings.backups_panel import BackupsPanel
from hinge_desktop.ui.settings.settings_view import SettingsView
from hinge_desktop.ui.settings.voice_preferences import follow_voice_preferences
from hinge_desktop.ui.shell.camera_wiring import install_camera
from hinge_desktop.ui.shell.desktop_wiring import install_companion, install_desktop
from hinge_desktop.ui.shell.first_view import FirstView, remember_last_drill
from hinge_desktop.ui.shell.installed import InstalledViews, Services
from hinge_desktop.ui.shell.restore import restore_and_rebuild
from hinge_desktop.ui.shell.session_end import SessionEndAssembler
from hinge_desktop.ui.shell.status_notes import tell_what_was_not_heard, tell_where_added
from hinge_desktop.ui.tasks import BackgroundReader
from hinge_desktop.ui.today.today_view import TodayView
from hinge_desktop.ui.transfer.export_action import install_exports
from hinge_desktop.ui.transfer.import_action import install_import
from hinge_desktop.ui.workout.hurt_answer import HurtAnswer
from hinge_desktop.ui.workout.log_panel import LogPanel
from hinge_desktop.ui.workout.plan_checks import PlanChecks
from hinge_desktop.ui.workout.set_logger import SetLogger, local_now
from hinge_desktop.ui.workout.workout_view import WorkoutView

if TYPE_CHECKING:
    from hinge_desktop.ui.shell.main_window import MainWindow


def status(window: MainWindow, timeout_ms: int) -> Callable[[str], None]:
    """A view's messages, shown in the window's status bar for ``timeout_ms``."""
    return lambda text: window.statusBar().showMessage(text, timeout_ms)


def install_views(
    window: MainWindow,
    preferences: Preferences,
    store: Store,
    paths: DataPaths,
    speaker: Speaker,
) -> InstalledViews:
    """Build every view with what it needs and put it in the window, all at once."""
    steps = assemble_views(window, preferences, store, paths, speaker)
    while True:
        try:
            next(steps)
        except StopIteration as built:
            views: InstalledViews = built.value
            return views


def assemble_views(
    window: MainWindow,
    preferences: Preferences,
    store: Store,
    paths: DataPaths,
    speaker: Speaker,
    first: FirstView | None = None,
) -> Generator[None, None, InstalledViews]:
    """Build every view with what it needs and put it in the window, pausing (a ``yield``)
    between groups of views so that the window can answer between them.

    ``first`` is the drill list already shown (``first_view.py``); without it, it is built here.
    """
    catalogue = builtin_catalogue() if first is None else first.catalogue
    undo_stack = QUndoStack(window)
    undo_stack.setObjectName("logUndoStack")
    services = Services(
        store,
        speaker,
        preferences,
        paths,
        catalogue,
        # Every drill's name as the person sees it, their own drills' (from imports) included.
        DrillNames(catalogue, store.custom_drills, parent=window),
        undo_stack,
        LogChanges(window),
    )
    follow_voice_preferences(preferences, speaker)
    tell_what_was_not_heard(window, speaker)
    if first is None:
        drills = DrillsView(catalogue, store.favourites.all(), store.favourites.set)
        remember_last_drill(window, preferences, catalogue, drills)
        drills.message.connect(status(window, 5000))
    else:
        drills = first.drills
        first.open_favourites(store.favourites.all, store.favourites.set)
    yield
    workout, log_panel, set_logger, hurt = _workout(window, services)
    yield

    def start_drill(drill_id: str) -> None:
        workout.show_drill(catalogue.get(drill_id))
        window.show_view("workout")

    def start_plan(plan: WorkoutPlan) -> None:
        workout.load(plan.steps(catalogue), plan=plan)
        window.show_view("workout")

    drills.start_requested.connect(start_drill)
    routines = _routines(window, services, drills, start_plan)
    # The reads off the GUI thread: the ladder's (from now on), History's, Today's, the session
    # end's. A quit before every view is built stops it too (shutdown is done once).
    reader = BackgroundReader(store.path, parent=window)
    if (app := QCoreApplication.instance()) is not None:
        app.aboutToQuit.connect(reader.shutdown)
    coach, ladder_panel = _ladder(window, services, reader, log_panel, set_logger, routines)
    coach.hurt_said.connect(hurt.mark)
    yield
    own_drills = OwnDrillsView(
        services.names,
        OwnDrillStatsReader(store.db),
        undo_stack=undo_stack,
        log_changes=services.log_changes,
    )
    own_drills.message.connect(status(window, 5000))
    tell_where_added(window, drills, routines)
    workout.choose_requested.connect(lambda: window.show_view("drills"))
    if first is None:
        library = LibraryView(drills, routines, ladder_panel, own_drills=own_drills)
        window.install_view("drills", library)
        if window.current_view() == "drills":
            drills.focus_search()
    else:
        first.library.add_pages(routines, ladder_panel, own_drills=own_drills)
    window.install_view("workout", workout)
    yield
    progress = _history(window, services, reader, drills)
    yield
    desktop = install_desktop(window, preferences, workout, paths)
    desktop.message.connect(status(window, 15000))
    yield
    today = _today(window, services, reader, workout, start_plan)
    yield
    companion = install_companion(window, services, today, workout, desktop)
    yield
    SessionEndAssembler(workout, set_logger, reader, today, services.log_changes, start_plan)
    # Logged sets reach the log file itself once the log is quiet, and at a workout's end.
    checkpointer = Checkpointer(store.path, services.log_changes, parent=window)
    workout.session_ended.connect(checkpointer.checkpoint_now)
    backups = BackupsPanel(store.path, paths.backups)
    backups.message.connect(status(window, 15000))
    settings = SettingsView(preferences, store, paths.root, speaker, backups=backups)
    services.log_changes.changed.connect(settings.log_changed)
    window.install_view("settings", settings)
    yield
    install_exports(
        (window.export_action, window.export_json_action),
        window,
        store,
        catalogue,
        reader,
        status(window, 8000),
    )

    def imported() -> None:
        # An import stored, taken back or stored again on the import worker's thread; a
        # Hinge JSON file brings routines too.
        own_drills.mark_stale()
        routines.reload()
        drills.set_routine_names(routines.routine_names())
        services.log_changes.announce()

    importing = install_import(
        window.import_action,
        window,
        store,
        services.names,
        preferences,
        undo_stack,
        imported,
        status(window, 15000),
        backups=paths.backups,
    )
    views = InstalledViews(
        services,
        workout,
        set_logger,
        start_plan,
        coach,
        progress,
        today,
        reader,
        backups,
        importing,
        hurt,
        checkpointer,
        desktop,
        companion,
    )
    backups.restore_requested.connect(
        lambda backup: restore_and_rebuild(window, views, backup, install_views)
    )
    if first is not None:
        first.release()
    return views


def _workout(
    window: MainWindow, services: Services
) -> tuple[WorkoutView, LogPanel, SetLogger, HurtAnswer]:
    """The player (asking before a drill above the person's rung or one that hurt last time),
    its panel for logging each set, what stores those sets and what marks one that hurt."""
    store, catalogue = services.store, services.catalogue
    checks = PlanChecks(
        catalogue,
        lambda: store.ladder.state(catalogue),
        store.sets.hurt_history,
        lambda: local_now().date(),
    )
    workout = WorkoutView(services.speaker, services.preferences, checks=checks)
    workout.before_start.offers.message.connect(status(window, 8000))
    window.set_undo_stack(services.undo_stack)
    log_panel = LogPanel(services.undo_stack)
    workout.set_log_panel(log_panel)
    install_camera(window, workout, log_panel, services)
    set_logger = SetLogger(
        workout,
        log_panel,
        services.store,
        services.undo_stack,
        parent=window,
        log_changes=services.log_changes,
    )
    set_logger.message.connect(status(window, 5000))
    hurt = HurtAnswer(
        workout,
        set_logger,
        log_panel,
        store.sets,
        catalogue,
        services.undo_stack,
        services.log_changes,
        parent=window,
    )
    hurt.message.connect(status(window, 8000))
    return workout, log_panel, set_logger, hurt


def _routines(
    window: MainWindow,
    services: Services,
    drills: DrillsView,
    start_plan: Callable[[WorkoutPlan], None],
) -> RoutinesView:
    """The routines, which drills can be added to and which start as a workout."""
    routines = RoutinesView(
        services.catalogue,
        services.store.routines,
        names=services.names,
        undo_stack=services.undo_stack,
    )
    routines.start_requested.connect(start_plan)
    routines.message.connect(status(window, 5000))
    drills.add_to_routine_requested.connect(routines.add_drill)

    def refresh_routine_names() -> None:
        drills.set_routine_names(routines.routine_names())

    routines.routines_changed.connect(refresh_routine_names)
    refresh_routine_names()
    return routines


def _ladder(
    window: MainWindow,
    services: Services,
    reader: BackgroundReader,
    log_panel: LogPanel,
    set_logger: SetLogger,
    routines: RoutinesView,
) -> tuple[LadderCoach, LadderPanel]:
    """The phase ladder beside the drills, and its "easily" questions in the log panel."""
    ladder_panel = LadderPanel()
    questions = GateQuestions()
    log_panel.extra.addWidget(questions)
    coach = LadderCoach(
        services.store.ladder,
        reader,
        services.catalogue,
        ladder_panel,
        questions,
        services.log_changes,
        local_now,
        dialog_parent=window,
        parent=window,
    )
    coach.message.connect(status(window, 8000))
    set_logger.set_logged.connect(coach.after_set)
    set_logger.target_changed.connect(coach.dismiss_questions)
    # While the questions are asked the logged set's values are not needed: room for them.
    coach.asking.connect(log_panel.set_asking)

    def start_routine(routine_id: str) -> None:
        routines.select_routine(routine_id)
        routines.start_current()

    ladder_panel.start_routine_requested.connect(start_routine)
    return coach, ladder_panel


def _history(
    window: MainWindow, services: Services, reader: BackgroundReader, drills: DrillsView
) -> ProgressView:
    """History: the list of workouts and the progress charts, read on a thread of their own."""
    store = services.store
    workout_list = WorkoutListView(
        store,
        services.catalogue,
        services.undo_stack,
        names=services.names,
        log_changes=services.log_changes,
    )
    workout_list.message.connect(status(window, 5000))
    workout_list.choose_drill_requested.connect(lambda: window.show_view("drills"))
    drills.quick_log_requested.connect(workout_list.quick_log)
    progress = ProgressView(reader, services.catalogue, services.preferences, names=services.names)
    progress.message.connect(status(window, 8000))
    progress.choose_drill_requested.connect(lambda: window.show_view("drills"))
    services.log_changes.changed.connect(progress.mark_stale)
    window.install_view("history", HistoryView(workout_list, progress))
    return progress


def _today(
    window: MainWindow,
    services: Services,
    reader: BackgroundReader,
    workout: WorkoutView,
    start_plan: Callable[[WorkoutPlan], None],
) -> TodayView:
    """The start page, read on the background reader and again whenever the log changes."""
    today = TodayView(reader, services.catalogue, services.names, services.preferences)
    today.choose_requested.connect(lambda: window.show_view("drills"))
    today.message.connect(status(window, 8000))
    services.log_changes.changed.connect(today.log_changed)

    def start(plan: WorkoutPlan) -> None:
        # A workout under way is never replaced from here: its player is shown instead.
        if workout.under_way():
            window.show_view("workout")
            status(window, 8000)(window.tr("A workout is under way: finish it to start another."))
            return
        start_plan(plan)

    today.start_requested.connect(start)
    window.install_view("today", today)
    return today
