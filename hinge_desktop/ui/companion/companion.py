"""The daily companion's parts, as the rest of Hinge holds them."""

from __future__ import annotations

from dataclasses import dataclass

from hinge_desktop.ui.companion.desk_nudges import DeskNudges
from hinge_desktop.ui.companion.keep_running import KeepRunning
from hinge_desktop.ui.companion.snack_reminders import SnackReminders
from hinge_desktop.ui.companion.tray import CompanionTray


@dataclass(frozen=True)
class Companion:
    reminders: SnackReminders
    nudges: DeskNudges
    tray: CompanionTray
    keep_running: KeepRunning

    def shutdown(self) -> None:
        self.reminders.shutdown()
        self.nudges.shutdown()
        self.tray.shutdown()
