"""What the desktop does for Hinge, wired to the views: the screen kept awake and the media
controls for the workout, the snack reminders with Today's count of snacks, and the desk
nudges."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hinge_desktop.domain.today import plan_minutes
from hinge_desktop.paths import DataPaths
from hinge_desktop.ui.companion.companion import Companion
from hinge_desktop.ui.companion.desk_nudges import DeskNudges
from hinge_desktop.ui.companion.snack_reminders import SnackReminders
from hinge_desktop.ui.desktop.desktop_services import DesktopServices
from hinge_desktop.ui.preferences import KEEP_SCREEN_AWAKE, START_AT_LOGIN, Preferences
from hinge_desktop.ui.shell.media_art import MediaArt
from hinge_desktop.ui.shell.media_controls import bring_to_front, follow_workout

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
    usual = DataPaths.resolve(None).root
    desktop = DesktopServices(
        preferences.get(KEEP_SCREEN_AWAKE),
        data_dir=None if paths.root == usual else paths.root,
        parent=window,
    )
    art = MediaArt(paths.media_art)
    workout.running_changed.connect(desktop.workout_running)
    follow_workout(workout, desktop.media, window, art)

    def changed(key: str) -> None:
        if key == KEEP_SCREEN_AWAKE.key:
            desktop.keep_screen_awake(preferences.get(KEEP_SCREEN_AWAKE))
        elif key == START_AT_LOGIN.key:
            desktop.autostart.follow(preferences.get(START_AT_LOGIN))

    preferences.changed.connect(changed)
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
    return Companion(reminders, nudges)
