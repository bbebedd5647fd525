"""Changes to the training log as undoable commands, on the app's one undo stack.

Each command writes to the database in its own transaction before ``redo``/``undo`` returns, so
a set is on disk when the click that logged it returns, and undo is as durable as the log. What
an undo needs to put a deleted set or workout back is kept by the command that deleted it, never
by the repositories.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.sets import RemovedSet, SetRepository
from hinge_desktop.storage.workouts import RemovedWorkout, WorkoutRepository

Listener = Callable[[], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("LogCommands", text)


class LogSet(QUndoCommand):
    """Log one set; undo deletes it, redo puts it back under the same id."""

    def __init__(self, sets: SetRepository, logged: LoggedSet, changed: Listener) -> None:
        super().__init__(_tr("Log set"))
        self._sets = sets
        self._logged = logged
        self._changed = changed
        self.stored: LoggedSet | None = None
        self._removed: RemovedSet | None = None

    def redo(self) -> None:
        if self._removed is not None:
            self._sets.restore(self._removed)
            self._removed = None
        elif self.stored is None:
            self.stored = self._sets.add(self._logged)
        self._changed()

    def undo(self) -> None:
        if self.stored is not None and self.stored.id is not None:
            self._removed = self._sets.delete(self.stored.id)
        self._changed()


class EditSet(QUndoCommand):
    def __init__(
        self, sets: SetRepository, before: LoggedSet, after: LoggedSet, changed: Listener
    ) -> None:
        super().__init__(_tr("Edit set"))
        self._sets, self._before, self._after, self._changed = sets, before, after, changed

    def redo(self) -> None:
        self._sets.update(self._after)
        self._changed()

    def undo(self) -> None:
        self._sets.update(self._before)
        self._changed()


class MarkSetHurt(QUndoCommand):
    """Say that a logged set hurt (``hurt=True``) or take that back; undo puts the mark as it
    was. The set's values are untouched.

    When the set is gone (taken back before the answer came), nothing is written and the
    command makes itself obsolete, so ``QUndoStack.push`` drops it: check :attr:`found` after
    pushing to tell the person."""

    def __init__(self, sets: SetRepository, set_id: int, hurt: bool, changed: Listener) -> None:
        super().__init__(_tr("Mark set as hurt") if hurt else _tr("Unmark set as hurt"))
        self._sets, self._id, self._hurt, self._changed = sets, set_id, hurt, changed
        self._before: bool | None = None
        self.found = True

    def redo(self) -> None:
        try:
            before = self._sets.mark_hurt(self._id, self._hurt)
        except KeyError:
            self.found = False
            self.setObsolete(True)
            return
        if self._before is None:
            self._before = before
        self._changed()

    def undo(self) -> None:
        if self._before is not None:
            with suppress(KeyError):  # the set went another way (an import taken back)
                self._sets.mark_hurt(self._id, self._before)
        self._changed()


class DeleteSet(QUndoCommand):
    def __init__(self, sets: SetRepository, logged: LoggedSet, changed: Listener) -> None:
        super().__init__(_tr("Delete set"))
        if logged.id is None:
            raise ValueError("Only a stored set can be deleted")
        self._sets, self._logged, self._changed = sets, logged, changed
        self._removed: RemovedSet | None = None

    def redo(self) -> None:
        assert self._logged.id is not None
        self._removed = self._sets.delete(self._logged.id)
        self._changed()

    def undo(self) -> None:
        if self._removed is not None:
            self._sets.restore(self._removed)
        self._changed()


class DeleteWorkout(QUndoCommand):
    """Delete a workout with all its sets; undo brings back every one of them."""

    def __init__(self, workouts: WorkoutRepository, workout_id: int, changed: Listener) -> None:
        super().__init__(_tr("Delete workout"))
        self._workouts, self._id, self._changed = workouts, workout_id, changed
        self._deleted: RemovedWorkout | None = None

    def redo(self) -> None:
        self._deleted = self._workouts.delete(self._id)
        self._changed()

    def undo(self) -> None:
        if self._deleted is not None:
            self._workouts.restore(self._deleted)
        self._changed()


class DeleteSets(QUndoCommand):
    """Delete several sets (a day of quick logs) in one transaction; undo puts all back."""

    def __init__(
        self, sets: SetRepository, logged: Sequence[LoggedSet], text: str, changed: Listener
    ) -> None:
        super().__init__(text)
        if any(one.id is None for one in logged):
            raise ValueError("Only stored sets can be deleted")
        self._sets, self._ids, self._changed = sets, [one.id or 0 for one in logged], changed
        self._removed: tuple[RemovedSet, ...] = ()

    def redo(self) -> None:
        self._removed = self._sets.delete_many(self._ids)
        self._changed()

    def undo(self) -> None:
        self._sets.restore_many(self._removed)
        self._changed()


def with_id(logged: LoggedSet, set_id: int) -> LoggedSet:
    return replace(logged, id=set_id)
