"""What the desktop does for Hinge, wired to the views: the screen kept awake and the media
controls for the workout, the snack reminders with Today's count of snacks, and the desk
nudges."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from hinge_desktop.domain.snacks import read_days, snack_goal
from hinge_desktop.domain.today import plan_minutes
from hinge_desktop.paths import DataPaths
from hinge_desktop.ui.companion.companion import Companion
from hinge_desktop.ui.companion.desk_nudges import DeskNudges
from hinge_desktop.ui.companion.keep_running import KeepRunning
from hinge_desktop.ui.companion.snack_reminders import SnackReminders
from hinge_desktop.ui.companion.tray import CompanionTray
from hinge_desktop.ui.desktop.desktop_services import DesktopServices
from hinge_desktop.ui.preferences import (
    DESK_DAYS,
    KEEP_SCREEN_AWAKE,
    NUDGES_ON,
    REMINDERS_ON,
    START_AT_LOGIN,
    Preferences,
)
from hinge_desktop.ui.shell.media_art import MediaArt
from hinge_desktop.ui.shell.media_controls import bring_to_front, follow_workout
from hinge_desktop.ui.today.today_view import local_today

if TYPE_CHECKING:
    from hinge_desktop.ui.shell.installed import Services
    from hinge_desktop.ui.shell.main_window import MainWindow
    from hinge_desktop.ui.today.today_view import TodayView
    from hinge_desktop.ui.workout.workout_view import WorkoutView


def install_desktop(
    window: MainWindow, preferences: Preferences, workout: WorkoutView, paths: DataPaths
) -> DesktopServices:
    """What the desktop does for a workout: the screen kept awake while it runs, and its media
    controls pause, resume, skip and go back; and Hinge started at login if the person asks."""

    def data_dir() -> Path | None:
        # Asked only when start at login is turned on: platformdirs is not loaded before.
        return None if paths.root == DataPaths.resolve(None).root else paths.root

    desktop = DesktopServices(
        preferences.get(KEEP_SCREEN_AWAKE), root=paths.root, data_dir=data_dir, parent=window
    )
    art = MediaArt(paths.media_art)
    workout.running_changed.connect(desktop.workout_running)
    follow_workout(workout, desktop.media, window, art)

    preferences.follow(
        desktop,
        [KEEP_SCREEN_AWAKE.key],
        lambda: desktop.keep_screen_awake(preferences.get(KEEP_SCREEN_AWAKE)),
    )
    preferences.follow(
        desktop,
        [START_AT_LOGIN.key],
        lambda: desktop.autostart.follow(preferences.get(START_AT_LOGIN)),
    )
    return desktop


def install_companion(
    window: MainWindow,
    services: Services,
    today: TodayView,
    workout: WorkoutView,
    desktop: DesktopServices,
) -> Companion:
    """Snack reminders at the times set, counting the snacks Today has read (Start now opens
    the snack in the player), and the desk nudges, counted on Today."""

    def snacks() -> tuple[int, int, int] | None:
        today.refresh_if_stale()
        summary = today.summary()
        if summary is None:
            return None
        routine = summary.snack_routine
        minutes = plan_minutes(routine.to_plan(), services.catalogue) if routine else 0
        day = local_today()
        if summary.today != day:
            # A new day since Today last read the log (Hinge left running overnight): none
            # done yet today, and the page reads the log again.
            today.refresh()
            desk_days = read_days(services.preferences.get(DESK_DAYS))
            return 0, snack_goal(day, desk_days), minutes
        return summary.snacks.done, summary.snacks.goal, minutes

    reminders = SnackReminders(
        services.preferences,
        desktop.notifier,
        desktop.quiet,
        busy=workout.is_running,
        snacks=snacks,
        parent=window,
    )

    def start_snack() -> None:
        bring_to_front(window, "today")
        today.start_snack()

    reminders.start_requested.connect(start_snack)
    nudges = DeskNudges(
        services.preferences,
        desktop.notifier,
        desktop.quiet,
        busy=workout.is_running,
        parent=window,
    )
    nudges.counted.connect(lambda _count: today.show_snack_card())
    tray, keep_running = _background(window, services.preferences, desktop, start_snack)
    return Companion(reminders, nudges, tray, keep_running)


def _background(
    window: MainWindow,
    preferences: Preferences,
    desktop: DesktopServices,
    start_snack: Callable[[], None],
) -> tuple[CompanionTray, KeepRunning]:
    """While reminders or nudges are on: a tray icon where the desktop has a tray, and a close
    of the window that can leave Hinge running; a second Hinge started on this data folder
    (from the application menu) shows this window."""

    def companion_on() -> bool:
        return preferences.get(REMINDERS_ON) or preferences.get(NUDGES_ON)

    def show() -> None:
        bring_to_front(window, window.current_view())

    def quit_hinge() -> None:
        if window.isVisible():
            window.request_quit()
        else:
            QApplication.quit()  # hidden: no workout under way to ask about

    tray = CompanionTray(companion_on, parent=window)
    tray.icon_changed.connect(desktop.notifier.set_tray)
    tray.show_requested.connect(show)
    tray.snack_requested.connect(start_snack)
    tray.quit_requested.connect(quit_hinge)
    tray.follow()
    if desktop.running is not None:
        desktop.running.show_requested.connect(show)
    keep_running = KeepRunning(
        preferences,
        window,
        companion_on,
        has_tray=lambda: tray.icon is not None,
        hide=window.hide,
        quit_now=window.request_quit,
        parent=window,
    )
    window.close_to_background = keep_running.close_to_background

    preferences.follow(tray, [REMINDERS_ON.key, NUDGES_ON.key], tray.follow)
    return tray, keep_running
