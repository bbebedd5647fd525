"""What History's list of workouts changes in the log: a set edited or deleted, a workout or a
day's quick log deleted (each after a confirmation), a set quick-logged.

Every change is a command on the app's undo stack that writes to the database and then says the
log changed; the list reloads on that, so nothing here redraws it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.store import Store
from hinge_desktop.storage.workout_list_queries import (
    QUICK,
    WORKOUT,
    LogEntry,
    WorkoutListQueries,
    local_day,
)
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.history.set_dialog import EditSetDialog, QuickLogDialog, stand_in_drill
from hinge_desktop.ui.history.workout_list_text import drill_name, when_text
from hinge_desktop.ui.set_commands import DeleteSet, DeleteSets, DeleteWorkout, EditSet, LogSet
from hinge_desktop.ui.widgets.dialogs import confirm_delete


class WorkoutListEdits(QObject):
    """The list's changes, asked for (dialogs and confirmations) over ``view``."""

    message = Signal(str)
    """A short note for the status bar, like "Set deleted — Ctrl+Z to undo"."""
    gone = Signal()
    """What was to be changed is no longer in the log: the list should be read again."""
    quick_logged = Signal(object)
    """A set was quick-logged: the key of its day's entry in the list."""

    def __init__(
        self,
        view: QWidget,
        store: Store,
        catalogue: Catalogue,
        names: DrillNames,
        undo_stack: QUndoStack,
        source: WorkoutListQueries,
        announce: Callable[[], None],
    ) -> None:
        """``announce`` says the log changed, once each command's write has landed."""
        super().__init__(view)
        self._view = view
        self._store = store
        self._sets = store.sets
        self._catalogue = catalogue
        self._names = names
        self._undo = undo_stack
        self._source = source
        self._announce = announce

    def edit(self, logged: LoggedSet) -> EditSetDialog:
        """Open the edit dialog for ``logged``; saving pushes the change on the stack."""
        dialog = EditSetDialog(logged, self._drill_for(logged), self._view)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save_edit(logged, dialog.edited_set()))
        dialog.open()
        return dialog

    def delete_set(self, logged: LoggedSet) -> QMessageBox:
        return self._confirm(
            "confirmDeleteSet",
            self.tr("Delete this set?"),
            self.tr("Set {number} of {drill} will be deleted. Ctrl+Z brings it back.").format(
                number=logged.set_number, drill=drill_name(logged.drill_id, self._names)
            ),
            lambda: self._delete_set(logged),
        )

    def delete_entry(self, entry: LogEntry, title: str) -> QMessageBox:
        """Ask, then delete the workout (or the day's quick log) ``entry``, listed as
        ``title``."""
        return self._confirm(
            "confirmDeleteWorkout",
            self.tr("Delete this workout?")
            if not entry.is_quick
            else self.tr("Delete these sets?"),
            self.tr(
                "{title}, {when}: all {count} sets will be deleted. Ctrl+Z brings them back."
            ).format(title=title, when=when_text(entry), count=entry.set_count),
            lambda: self._delete_entry(entry),
        )

    def quick_log(self, drill_id: str) -> QuickLogDialog | None:
        """Open the quick-log dialog for a drill; saving logs the set outside any workout."""
        if drill_id not in self._catalogue:
            return None
        drill = self._catalogue.get(drill_id)
        dialog = QuickLogDialog(drill, self._recent_sets(drill_id), self._view.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._log_quick(dialog.logged_set()))
        dialog.open()
        return dialog

    def _recent_sets(self, drill_id: str) -> list[LoggedSet]:
        """The drill's sets of last time, and every set of it done today, in workouts or
        quick-logged (last time may be a workout done after them), oldest first."""
        found = {s.id: s for s in self._sets.last_time(drill_id)}
        for logged in self._sets.for_drill_on_day(drill_id, datetime.now().astimezone()):
            found[logged.id] = logged
        return sorted(found.values(), key=lambda s: (s.performed_at.timestamp(), s.id or 0))

    def _drill_for(self, logged: LoggedSet) -> Drill:
        if logged.drill_id in self._catalogue:
            return self._catalogue.get(logged.drill_id)
        stand_in = stand_in_drill(logged, next(iter(self._catalogue)))
        return replace(stand_in, name=self._names.name(logged.drill_id))

    def _confirm(
        self, name: str, question: str, detail: str, on_yes: Callable[[], None]
    ) -> QMessageBox:
        return confirm_delete(
            self._view, name, question, question, on_yes, detail=detail, delete_by_default=True
        )

    def _still_stored(self, logged: LoggedSet) -> LoggedSet | None:
        if logged.id is None:
            return None
        try:
            return self._sets.get(logged.id)
        except KeyError:
            self.message.emit(self.tr("That set is no longer in the log."))
            self.gone.emit()
            return None

    def _delete_set(self, logged: LoggedSet) -> None:
        current = self._still_stored(logged)
        if current is None:
            return
        self._undo.push(DeleteSet(self._sets, current, self._announce))
        self.message.emit(self.tr("Set deleted — Ctrl+Z to undo"))

    def _delete_entry(self, entry: LogEntry) -> None:
        if entry.key[0] == WORKOUT:
            try:
                self._store.workouts.get(entry.key[1])
            except KeyError:
                self.gone.emit()
                return
            self._undo.push(DeleteWorkout(self._store.workouts, entry.key[1], self._announce))
            self.message.emit(self.tr("Workout deleted — Ctrl+Z to undo"))
            return
        sets = self._source.sets_of(entry.key)
        if not sets:
            self.gone.emit()
            return
        self._undo.push(DeleteSets(self._sets, sets, self.tr("Delete quick log"), self._announce))
        self.message.emit(self.tr("Sets deleted — Ctrl+Z to undo"))

    def _save_edit(self, before: LoggedSet, after: LoggedSet) -> None:
        current = self._still_stored(before)
        if current is None or current == after:
            return
        self._undo.push(EditSet(self._sets, current, after, self._announce))
        self.message.emit(self.tr("Set changed — Ctrl+Z to undo"))

    def _log_quick(self, logged: LoggedSet) -> None:
        self._undo.push(LogSet(self._sets, logged, self._announce))
        self.quick_logged.emit((QUICK, local_day(logged.performed_at)))
        self.message.emit(self.tr("Set logged — Ctrl+Z to undo"))
