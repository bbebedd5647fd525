"""Logging the sets of the workout under way, and keeping that workout on disk as it goes.

The player says where the workout is; this keeps its plan and step in the database (a crash
loses nothing, and it can be resumed), fills the log panel for the set ``set_to_log`` offers and
logs it through the undo stack. A note typed after a set goes with it, as an undoable edit.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from hinge_desktop.domain.plan import WorkoutPlan
from hinge_desktop.domain.set_to_log import Offer, SetKey, SetToLog, moved_on, set_to_log
from hinge_desktop.domain.timeline import Step, StepKind
from hinge_desktop.domain.training import InvalidSet, LoggedSet
from hinge_desktop.storage.errors import DatabaseFailed
from hinge_desktop.storage.session import Unfinished
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.log_changes import LogChanges
from hinge_desktop.ui.workout import log_text
from hinge_desktop.ui.workout.log_panel import LogPanel
from hinge_desktop.ui.workout.log_writes import EditNoteOnce, LogSetOnce, fault_text
from hinge_desktop.ui.workout.set_summary import last_time_text
from hinge_desktop.ui.workout.workout_view import WorkoutView


def local_now() -> datetime:
    return datetime.now().astimezone()


def _key(logged: LoggedSet) -> SetKey:
    return (logged.drill_id, logged.set_number, logged.side)


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
        self._target: SetToLog | None = None
        self._logged: set[SetKey] = set()
        self._note_owner: LoggedSet | None = None
        """The set logged last: the note field edits its note until the next set begins."""
        self._said = ""
        """What the last click did ("Extra set 4 logged."), until the next set begins."""
        self._missed = ""
        """A set the panel moved on from without it being logged."""
        self._last_time = ""
        view.workout_loaded.connect(self._on_loaded)
        view.workout_started.connect(self._on_started)
        view.step_reached.connect(self._on_step)
        view.sides_changed.connect(self._refresh_target)
        panel.log_requested.connect(self.log)
        panel.note_done.connect(self._commit_note)
        self._log_changes.changed.connect(self._reload_logged)
        me = weakref.ref(self)  # the view holds this: no cycle between the two
        view.logged_sets = lambda: len({key[:2] for key in me()._logged}) if me() else 0
        panel.hide()

    # Public ------------------------------------------------------------------------------

    def workout_id(self) -> int | None:
        """The workout under way on disk (None before Start)."""
        return self._workout_id

    def resume(self, unfinished: Unfinished, steps: Sequence[Step]) -> None:
        """Load an interrupted workout at the step where it stopped, ready to go on: the same
        workout on disk, and the panel as it was (the set offered, a set logged shown)."""
        index = min(max(unfinished.step_index, 0), len(steps) - 1)
        self._view.load(steps, plan=unfinished.plan, start_index=index, resumed=True)
        # Set after loading: loading closes the workout that was shown before, not this one.
        self._workout_id = unfinished.workout.id
        self._in_progress = True
        self._target = None
        self._reload_logged()

    def close_workout(self) -> None:
        """Leave the workout shown: one under way is ended as it stands, and a workout in which
        nothing was logged is not kept."""
        self._commit_note()
        if self._workout_id is None:
            return
        workout_id, self._workout_id = self._workout_id, None
        if self._in_progress:
            self._store.session.finish(workout_id, self._now())
        else:
            self._store.session.discard_if_empty(workout_id)
        self._in_progress = False
        self._forget()

    def shutdown(self) -> None:
        """Hinge is quitting: a workout under way stays on disk, to be resumed next time."""
        if not self._shut_down:
            self._commit_note()
        if self._workout_id is not None and not self._in_progress:
            self._store.session.discard_if_empty(self._workout_id)
        self._workout_id = None
        self._forget()
        if not self._shut_down:
            self._shut_down = True
            self._log_changes.changed.disconnect(self._reload_logged)

    def log(self) -> LoggedSet | None:
        """Log the set offered with the panel's values; returns it as stored (None if there is
        nothing to log now: the panel says why)."""
        target = self._target
        if target is None or not target.can_log or self._workout_id is None:
            return None
        if target.key in self._logged:
            return None
        self._commit_note()
        form = self._panel.form
        form.set_side(target.side)
        try:
            logged = form.build(
                performed_at=self._now(),
                set_number=target.set_number,
                workout_id=self._workout_id,
            )
        except InvalidSet as exc:
            self.message.emit(str(exc))
            return None
        if self._note_owner is not None:
            # The note shown belongs to the set logged before; this one starts without one.
            logged = replace(logged, note="")
        failures: list[DatabaseFailed] = []
        command = LogSetOnce(self._store.sets, logged, self._log_changes.announce, failures.append)
        self._stack.push(command)
        if failures:
            self._tell_not_logged(failures[0])
            return None
        stored = command.stored
        if stored is None:
            return None
        self._note_owner = stored
        self._said = log_text.logged_text(target)
        self._missed = ""
        form.set_note(stored.note)
        if self._is_under_way(target):
            # A click during a set ends it early (its parts still to come too), as shown.
            self._view.end_set()
        self._refresh_target()
        self.set_logged.emit(stored)
        return stored

    # Where the workout is ----------------------------------------------------------------

    def _position(self) -> tuple[int, bool] | None:
        """The step shown and whether the workout has started (a resumed one waits at its
        step before Start)."""
        timeline = self._view.timeline()
        if timeline is None:
            return None
        moment = timeline.moment()
        if moment.started:
            return moment.index, True
        found = next((i for i, s in enumerate(timeline.steps) if s is moment.step), 0)
        return found, False

    def _is_under_way(self, target: SetToLog) -> bool:
        timeline = self._view.timeline()
        if timeline is None or target.offer is not Offer.UNDER_WAY:
            return False
        step = timeline.moment().step
        return timeline.moment().started and step.in_set and step.set_key == target.key

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
        self._refresh_target()

    def _on_step(self, index: int) -> None:
        # A note typed for the set logged last is kept before the panel moves on.
        self._commit_note()
        timeline = self._view.timeline()
        if self._workout_id is not None and self._in_progress and timeline is not None:
            try:
                if timeline.steps[index].kind is StepKind.DONE:
                    # Ended, but kept: the last set, and extra sets, may still be logged.
                    self._store.session.finish(self._workout_id, self._now(), keep_empty=True)
                    self._in_progress = False
                else:
                    self._store.session.reach(self._workout_id, index)
            except DatabaseFailed as exc:
                self._tell_not_saved(exc)
        self._refresh_target()

    # The set offered ---------------------------------------------------------------------

    def _refresh_target(self) -> None:
        where = self._position()
        timeline = self._view.timeline()
        target = None
        if where is not None and timeline is not None:
            target = set_to_log(timeline.steps, where[0], where[1], self._logged)
        self._move_to(target)
        if target is None:
            self._panel.set_target(self.tr("Sets are logged here as you do them."), "")
            self._panel.set_can_log(False)
            self._panel.set_status("")
            return
        self._show(target, where)

    def _move_to(self, target: SetToLog | None) -> None:
        """Make ``target`` the set offered. A new set to do gets a fresh form (its own drill's
        values, the load carried on within a drill); an extra set, or a step back to a set of
        the same drill (an undo, Back), keeps the values shown."""
        before = self._target
        self._target = target
        if target is None:
            return
        if before is None:
            self._fill(target, carry=False)
            return
        if before.key == target.key:
            return
        forward = moved_on(before, target)
        if forward and before.can_log and before.key not in self._logged and not before.is_extra:
            self._missed = log_text.not_logged_text(before)
        same_drill = before.drill.id == target.drill.id
        if same_drill and (target.offer is Offer.EXTRA or not forward):
            self._panel.form.set_side(target.side)
            return
        # The note of the set logged last was kept already (on the step, or before a log); a
        # note typed for a set that was not logged stays in the field for the next one.
        unsent = "" if self._note_owner is not None else self._panel.form.note.text()
        self._note_owner = None
        self._said = ""
        self._fill(target, carry=same_drill)
        if unsent.strip():
            self._panel.form.set_note(unsent)
        if forward:
            self.target_changed.emit()

    def _fill(self, target: SetToLog, *, carry: bool) -> None:
        form = self._panel.form
        drill = target.drill
        load = form.load_shown() if carry else None
        workout = self._workout_sets()
        this_workout = [s for s in workout if s.drill_id == drill.id and s.side == target.side]
        before = self._store.sets.last_time(drill.id, before_workout=self._workout_id)
        last = this_workout[-1] if this_workout else (before[-1] if before else None)
        form.show_drill(
            drill,
            last=last,
            reps=target.reps,
            hold_seconds=target.seconds,
            side=target.side,
            side_choice=False,
        )
        if load is not None:
            form.show_load(*load)
        self._last_time = last_time_text(before)
        if target.offer is Offer.LOGGED:
            # A set logged already (a resumed workout): its values, and its note to edit.
            stored = next((s for s in workout if _key(s) == target.key), None)
            if stored is not None:
                form.set_values(stored)
                form.set_side(target.side)
                self._note_owner = stored

    def _show(self, target: SetToLog, where: tuple[int, bool] | None) -> None:
        panel = self._panel
        panel.show_target(
            log_text.set_name(target),
            log_text.target_side(target),
            target.drill.name,
            self._last_time,
        )
        owner = self._note_owner
        if owner is None:
            panel.set_note_for_logged(None)
        else:
            same = owner.drill_id == target.drill.id
            panel.set_note_for_logged(
                log_text.note_label(owner, target.sets if same else owner.set_number)
            )
        can = target.can_log and self._workout_id is not None
        panel.set_can_log(can, log_text.button_text(target), extra=target.offer is Offer.EXTRA)
        following = None
        started = where is not None and where[1]
        timeline = self._view.timeline()
        if where is not None and timeline is not None:
            following = timeline.steps[where[0]].kind
        why = log_text.waiting_text(target, following, started)
        if target.can_log and self._workout_id is None and started:
            why = self.tr("This workout could not be saved, so its sets cannot be logged.")
        panel.set_status(" ".join(t for t in (self._missed, self._said, why) if t))

    def _forget(self) -> None:
        self._target = None
        self._logged = set()
        self._note_owner = None
        self._said = self._missed = ""

    # The note of a set already logged ----------------------------------------------------

    def _commit_note(self) -> None:
        """Keep the note typed for the set logged last with it, as an undoable edit."""
        owner = self._note_owner
        if owner is None or owner.id is None or self._shut_down:
            return
        text = self._panel.form.note.text().strip()
        if text == owner.note:
            return
        try:
            current = self._store.sets.get(owner.id)
        except KeyError:
            self._note_owner = None
            return
        edited = replace(current, note=text)
        failures: list[DatabaseFailed] = []
        command = EditNoteOnce(
            self._store.sets, current, edited, self._log_changes.announce, failures.append
        )
        self._note_owner = edited
        self._stack.push(command)
        if failures:
            self._note_owner = current
            self._tell_not_logged(failures[0], what=self.tr("The note was not saved"))

    def _reload_logged(self) -> None:
        sets = self._workout_sets()
        self._logged = {_key(s) for s in sets}
        owner = self._note_owner
        if owner is not None:
            fresh = next((s for s in sets if s.id == owner.id), None)
            self._note_owner = fresh
            if fresh is None:
                self._said = ""  # the set it told of was undone
            note = self._panel.form.note
            if fresh is not None and not note.hasFocus() and note.text().strip() != fresh.note:
                self._panel.form.set_note(fresh.note)
        if self._view.timeline() is not None:
            self._refresh_target()

    def _workout_sets(self) -> list[LoggedSet]:
        if self._workout_id is None:
            return []
        return self._store.sets.for_workout(self._workout_id)

    # When the disk says no ---------------------------------------------------------------

    def _tell_not_logged(self, exc: DatabaseFailed, what: str = "") -> None:
        text = self.tr("{what}: {reason}. The sets logged before are safe.").format(
            what=what or self.tr("The set was not logged"), reason=fault_text(exc)
        )
        self._refresh_target()
        self._panel.set_status(text)
        self.message.emit(text)

    def _tell_not_saved(self, exc: DatabaseFailed) -> str:
        text = self.tr("The workout's progress was not saved: {reason}.").format(
            reason=fault_text(exc)
        )
        self.message.emit(text)
        return text
