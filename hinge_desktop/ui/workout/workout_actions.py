"""The player's keys and buttons: Space, Right, Left, +, F11 and Escape, each an action with a
name, so that Help → Keyboard shortcuts lists them, and the buttons that do the same.

They belong to the workout view, so they work while it is shown and do nothing in another view;
the window also puts Follow along in its View menu.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from hinge_desktop.ui.workout.workout_view import WorkoutView


class WorkoutActions(QObject):
    """The actions of ``view``, enabled as the workout allows; its buttons are connected too."""

    def __init__(self, view: WorkoutView) -> None:
        super().__init__(view)
        view.back_button.clicked.connect(view.back)
        view.start_pause_button.clicked.connect(view.start_pause)
        view.skip_button.clicked.connect(view.skip)
        view.add_rest_button.clicked.connect(view.add_rest)
        view.finish_button.clicked.connect(view.finish)
        view.player.side_choice.chosen.connect(view.choose_first_side)
        view.follow_along_button.clicked.connect(
            lambda: view.follow_along_requested.emit(not view.follow_along())
        )
        view.summary.again_requested.connect(view.start_pause)

        def action(name: str, text: str, keys: str, slot: Callable[[], None]) -> QAction:
            made = QAction(text, view)
            made.setObjectName(name)
            made.setShortcut(QKeySequence(keys))
            made.triggered.connect(slot)
            view.addAction(made)
            return made

        self.start_pause = action(
            "startPauseAction", self.tr("Start or pause the workout"), "Space", view.start_pause
        )
        self.skip = action("skipAction", self.tr("Next step (skip)"), "Right", view.skip)
        self.back = action("backAction", self.tr("Previous step (back)"), "Left", view.back)
        self.add_rest = action("addRestAction", self.tr("15 seconds more rest"), "+", view.add_rest)
        self.follow_along = action(
            "followAlongAction",
            self.tr("Follow along"),
            "F11",
            lambda: view.follow_along_requested.emit(not view.follow_along()),
        )
        self.follow_along.setCheckable(True)
        self.follow_along.setStatusTip(
            self.tr("The workout full screen: the clock, the reps and the cues, large")
        )
        self.escape = action(
            "escapeAction",
            self.tr("Leave follow-along, or finish the workout"),
            "Escape",
            view.escape,
        )

    def enable(self, *, start: bool, active: bool, follow: bool, escape: bool) -> None:
        """``start``: something to start or pause; ``active``: a workout under way; ``follow``:
        something to follow along; ``escape``: something for Escape to leave."""
        self.start_pause.setEnabled(start)
        for act in (self.skip, self.back, self.add_rest):
            act.setEnabled(active)
        self.follow_along.setEnabled(follow)
        self.escape.setEnabled(escape)
