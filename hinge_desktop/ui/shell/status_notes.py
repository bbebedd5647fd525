"""Status-bar notes the assembler connects: a cue the voice could not say, and where a drill
added to a routine can be found."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hinge_desktop.speech.speaker import Speaker
from hinge_desktop.ui.library.drills_view import DrillsView
from hinge_desktop.ui.library.routines_view import RoutinesView

if TYPE_CHECKING:
    from hinge_desktop.ui.shell.main_window import MainWindow


def tell_what_was_not_heard(window: MainWindow, speaker: Speaker) -> None:
    """A cue the voice could not say at its moment is named in the status bar, with why."""
    speaker.missed.cue_missed.connect(
        lambda text, why: window.statusBar().showMessage(
            window.tr("Not heard: “{cue}” ({why})").format(cue=text, why=why), 8000
        )
    )


def tell_where_added(window: MainWindow, drills: DrillsView, routines: RoutinesView) -> None:
    """Say in the status bar where a drill added to a routine can be found."""

    def added_to_routine(_drill_id: str, _routine_id: str) -> None:
        routine = routines.current_routine()
        if routine is not None:
            window.statusBar().showMessage(
                window.tr("Added to “{name}”. Find it under Routines.").format(name=routine.name),
                5000,
            )

    drills.add_to_routine_requested.connect(added_to_routine)
