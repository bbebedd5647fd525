"""The workout view with nothing loaded: what it is for, and the way to the drills."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from hinge_desktop.ui.widgets.empty_state import EmptyState


def _t(text: str) -> str:
    return QCoreApplication.translate("EmptyWorkoutPage", text)


class EmptyWorkoutPage(EmptyState):
    """``choose_requested`` when the person asks for the drills."""

    choose_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        choose = QPushButton(_t("Choose a drill"))
        choose.setObjectName("chooseDrillButton")
        choose.setAccessibleName(_t("Choose a drill"))
        choose.setMinimumHeight(36)
        super().__init__(
            "workout",
            _t("Workout"),
            _t(
                "Choose a drill in the library and press “Start this drill”: it comes here "
                "ready to follow along, with a countdown, the reps paced by its tempo, the rest "
                "between sets and the coach's cues."
            ),
            action=choose,
            parent=parent,
        )
        choose.clicked.connect(self.choose_requested)
        # Its text is laid out for the whole view; this page must not make the player, which
        # shares its place with the log panel, wider than a small screen has room for.
        self.setMinimumWidth(360)
