"""After a crash: a workout left under way is offered for resuming where it stopped, or for
finishing as it stands."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from hinge_desktop.domain.plan import InvalidPlan
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.shell.main_window import MainWindow
from hinge_desktop.ui.workout.resume_prompt import ResumePrompt
from hinge_desktop.ui.workout.workout_text import step_text

if TYPE_CHECKING:
    from hinge_desktop.ui.shell.wiring import InstalledViews


def offer_resume(window: MainWindow, store: Store, views: InstalledViews) -> None:
    """Ask about the session left under way, if there is one; a session whose plan no longer
    makes sense is finished as it stands without asking."""
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
        views.set_logger.resume(unfinished, steps)
        window.show_view("workout")

    def finish() -> None:
        if unfinished.workout.id is not None:
            store.session.finish(unfinished.workout.id, datetime.now().astimezone())
        window.statusBar().showMessage(window.tr("The workout was finished as it stood."), 5000)

    prompt.resume_chosen.connect(resume)
    prompt.finish_chosen.connect(finish)
    prompt.open()
