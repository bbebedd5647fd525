"""The workout player."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hinge_desktop.ui.placeholder_view import PlaceholderView


class WorkoutView(PlaceholderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "workout",
            self.tr("Workout"),
            self.tr(
                "The follow-along player will be here: a spoken countdown, reps paced to each "
                "drill's tempo, rests, and one click to log every set."
            ),
            parent,
        )
        self.setObjectName("workoutView")
