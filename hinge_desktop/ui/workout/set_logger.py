"""Logging the sets of the workout under way, and keeping that workout on disk as it goes.

The player says where the workout is; this keeps the workout's plan and step in the database
(so a crash loses nothing and the workout can be resumed), fills the log panel for the set just
under way and logs it through the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from hinge_desktop.domain.plan import WorkoutPlan
from hinge_desktop.domain.timeline import Moment, Step, StepKind
from hinge_desktop.domain.training import InvalidSet, LoggedSet, Side
from hinge_desktop.storage.errors import DatabaseFailed, Fault, classify
from hinge_desktop.storage.session import Unfinished
from hinge_desktop.storage.sets import SetRepository
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.log_changes import LogChanges
from hinge_desktop.ui.set_commands import LogSet
from hinge_desktop.ui.workout.log_panel import LogPanel
from hinge_desktop.ui.workout.set_summary import last_time_text
from hinge_desktop.ui.workout.workout_text import step_text
from hinge_desktop.ui.workout.workout_view import WorkoutView

SetKey = tuple[str, int, Side | None]


def local_now() -> datetime:
    return datetime.now().astimezone()


def _key(drill_id: str, set_number: int, side: Side | None) -> SetKey:
    return (drill_id, set_number, side)


class _LogSetOnce(LogSet):
    """Logs a set; when the first write fails (a full disk, a read-only folder) nothing was
    written, so the command reports the error and leaves the undo stack (Qt drops an obsolete
    command from ``push``) instead of raising out of it."""

    def __init__(
        self,
        sets: SetRepository,
        logged: LoggedSet,
        changed: Callable[[], None],
        failed: Callable[[DatabaseFailed], None],
    ) -> None:
        super().__init__(sets, logged, changed)
        self._failed = failed

    def redo(self) -> None:
        if self.stored is not None:
            super().redo()
            return
        try:
            super().redo()
        except DatabaseFailed as exc:
            self.setObsolete(True)
            self._failed(exc)


class SetLogger(QObject):
    set_logged = Signal(object)
    """A set of the workout was logged (the stored LoggedSet, with its id)."""
    message = Signal(str)
    target_changed = Signal()
    """The panel now shows another set to log (the next one began)."""

    def __init__(
        self,
        view: WorkoutView,
        panel: LogPanel,
        store: Store,
        undo_stack: QUndoStack,
        now: Callable[[], datetime] = local_now,
        parent: QObject | None = None,
        *,
        log_changes: LogChanges | None = None,
    ) -> None:
        """``log_changes`` is the app's; a set logger built on its own hears only its own."""
        super().__init__(parent)
        self._log_changes = log_changes if log_changes is not None else LogChanges(self)
        self._view, self._panel, self._store = view, panel, store
        self._stack = undo_stack
        self._now = now
        self._workout_id: int | None = None
        self._in_progress = False
        self._shut_down = False
        self._target: int | None = None
        self._logged: set[SetKey] = set()
        view.workout_loaded.connect(self._on_loaded)
        view.workout_started.connect(self._on_started)
        view.step_reached.connect(self._on_step)
        panel.log_requested.connect(self.log)
        self._log_changes.changed.connect(self._reload_logged)
        panel.hide()

    # Public ------------------------------------------------------------------------------

    def workout_id(self) -> int | None:
        """The workout under way on disk (None before Start)."""
        return self._workout_id

    def resume(self, unfinished: Unfinished, steps: Sequence[Step]) -> None:
        """Load an interrupted workout at the step where it stopped, ready to go on."""
        index = min(max(unfinished.step_index, 0), len(steps) - 1)
        self._view.load(steps, plan=unfinished.plan, start_index=index)
        # Set after loading: loading closes the workout that was shown before, not this one.
        self._workout_id = unfinished.workout.id
        self._in_progress = True
        self._reload_logged()
        self._refresh_target()

    def close_workout(self) -> None:
        """Leave the workout shown: one under way is ended as it stands, and a workout in which
        nothing was logged is not kept."""
        if self._workout_id is None:
            return
        workout_id, self._workout_id = self._workout_id, None
        if self._in_progress:
            self._store.session.finish(workout_id, self._now())
        else:
            self._store.session.discard_if_empty(workout_id)
        self._in_progress = False
        self._target = None
        self._logged = set()

    def shutdown(self) -> None:
        """Hinge is quitting: a workout under way stays on disk, to be resumed next time."""
        if self._workout_id is not None and not self._in_progress:
            self._store.session.discard_if_empty(self._workout_id)
        self._workout_id = None
        self._target = None
        if not self._shut_down:
            self._shut_down = True
            self._log_changes.changed.disconnect(self._reload_logged)

    def log(self) -> LoggedSet | None:
        """Log the set shown with the panel's values; returns it as stored (None if refused)."""
        step = self._target_step()
        if step is None or step.drill is None or self._workout_id is None:
            return None
        key = _key(step.drill.id, step.set_number, step.side)
        if key in self._logged:
            return None
        try:
            logged = self._panel.form.build(
                performed_at=self._now(), set_number=step.set_number, workout_id=self._workout_id
            )
        except InvalidSet as exc:
            self.message.emit(str(exc))
            return None
        failures: list[DatabaseFailed] = []
        command = _LogSetOnce(self._store.sets, logged, self._log_changes.announce, failures.append)
        self._stack.push(command)
        if failures:
            self._tell_not_logged(failures[0])
            return None
        stored = command.stored
        moment = self._moment()
        if moment is not None and moment.index == self._target and moment.step.is_work:
            # A click during a set ends it early, with the values shown.
            self._view.skip()
        self._refresh_target()
        if stored is not None:
            self.set_logged.emit(stored)
        return stored

    # Inside ------------------------------------------------------------------------------

    def _moment(self) -> Moment | None:
        timeline = self._view.timeline()
        return timeline.moment() if timeline is not None else None

    def _on_loaded(self) -> None:
        self.close_workout()
        self._panel.setVisible(self._view.plan() is not None)
        self._refresh_target()

    def _on_started(self) -> None:
        plan: WorkoutPlan | None = self._view.plan()
        if plan is None or self._workout_id is not None:
            return
        try:
            workout = self._store.session.begin(plan, self._now())
        except DatabaseFailed as exc:
            self._refresh_target()
            self._panel.set_status(self._tell_not_saved(exc))
            return
        self._workout_id = workout.id
        self._in_progress = True
        self._logged = set()

    def _on_step(self, index: int) -> None:
        timeline = self._view.timeline()
        if self._workout_id is not None and self._in_progress and timeline is not None:
            try:
                if timeline.steps[index].kind is StepKind.DONE:
                    # Ended, but kept: the last set may still be logged.
                    self._store.session.finish(self._workout_id, self._now(), keep_empty=True)
                    self._in_progress = False
                else:
                    self._store.session.reach(self._workout_id, index)
            except DatabaseFailed as exc:
                self._tell_not_saved(exc)
        self._refresh_target()

    def _target_index(self) -> int | None:
        """The set to log: the one under way, or the last one that ended."""
        moment = self._moment()
        timeline = self._view.timeline()
        if moment is None or timeline is None:
            return None
        for index in range(moment.index, -1, -1):
            if timeline.steps[index].is_work:
                return index
        return None

    def _target_step(self) -> Step | None:
        timeline = self._view.timeline()
        if self._target is None or timeline is None:
            return None
        return timeline.steps[self._target]

    def _refresh_target(self) -> None:
        index = self._target_index()
        timeline = self._view.timeline()
        if index is None or timeline is None:
            self._target = None
            self._panel.set_target(self.tr("Sets are logged here as you do them."), "")
            self._panel.set_can_log(False)
            return
        step = timeline.steps[index]
        assert step.drill is not None
        if index != self._target:
            self._target = index
            self._fill(step)
            self.target_changed.emit()
        logged = _key(step.drill.id, step.set_number, step.side) in self._logged
        self._panel.set_can_log(not logged and self._workout_id is not None)
        self._panel.set_status(
            self.tr("Logged: {what}").format(what=step_text(step)) if logged else ""
        )

    def _fill(self, step: Step) -> None:
        drill = step.drill
        assert drill is not None
        this_workout = [
            s for s in self._workout_sets() if s.drill_id == drill.id and s.side == step.side
        ]
        before = self._store.sets.last_time(drill.id, before_workout=self._workout_id)
        last = this_workout[-1] if this_workout else (before[-1] if before else None)
        self._panel.form.show_drill(
            drill,
            last=last,
            reps=step.reps if step.kind is StepKind.REPS else None,
            hold_seconds=step.seconds if step.kind is StepKind.HOLD else None,
            side=step.side,
        )
        self._panel.set_target(f"{drill.name} · {step_text(step)}", last_time_text(before))

    def _workout_sets(self) -> list[LoggedSet]:
        if self._workout_id is None:
            return []
        return self._store.sets.for_workout(self._workout_id)

    def _fault_text(self, exc: DatabaseFailed) -> str:
        fault = classify(exc)
        if fault is Fault.DISK_FULL:
            return self.tr("the disk is full. Free some space, then try again")
        if fault is Fault.READ_ONLY:
            return self.tr("the training log cannot be written (its folder is read-only)")
        if fault is Fault.IN_USE:
            return self.tr("another program is writing to the training log. Try again")
        if fault is Fault.DISK_ERROR:
            return self.tr("the disk reported an error")
        return str(exc)

    def _tell_not_logged(self, exc: DatabaseFailed) -> None:
        text = self.tr("The set was not logged: {reason}. The sets logged before are safe.")
        text = text.format(reason=self._fault_text(exc))
        self._refresh_target()
        self._panel.set_status(text)
        self.message.emit(text)

    def _tell_not_saved(self, exc: DatabaseFailed) -> str:
        text = self.tr("The workout's progress was not saved: {reason}.")
        text = text.format(reason=self._fault_text(exc))
        self.message.emit(text)
        return text

    def _reload_logged(self) -> None:
        self._logged = {_key(s.drill_id, s.set_number, s.side) for s in self._workout_sets()}
        if self._target is not None:
            self._refresh_target()
