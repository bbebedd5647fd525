"""The daily companion's parts, as the rest of Hinge holds them."""

from __future__ import annotations

from dataclasses import dataclass

from hinge_desktop.ui.companion.desk_nudges import DeskNudges
from hinge_desktop.ui.companion.snack_reminders import SnackReminders


@dataclass(frozen=True)
class Companion:
    reminders: SnackReminders
    nudges: DeskNudges

    def shutdown(self) -> None:
        self.reminders.shutdown()
        self.nudges.shutdown()
