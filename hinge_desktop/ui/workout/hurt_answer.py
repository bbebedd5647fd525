"""Saying a set hurt, in the player: "This hurt" (or H) marks the set logged last, from its log
until the next set begins, as an undoable change on the app's one undo stack (Ctrl+Z takes it
back), and says what follows: the set does not count towards the ladder, and next time Hinge
offers the easier drill first, or, with nothing easier, to stop and have it checked.

The ladder's "easily" questions offer the same answer; it comes here as :meth:`HurtAnswer.mark`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.hurt import easier_drill
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.errors import DatabaseFailed
from hinge_desktop.storage.sets import SetRepository
from hinge_desktop.ui.log_changes import LogChanges
from hinge_desktop.ui.workout.hurt_text import noted_text
from hinge_desktop.ui.workout.log_panel import LogPanel
from hinge_desktop.ui.workout.log_writes import MarkHurtOnce, fault_text
from hinge_desktop.ui.workout.set_logger import SetLogger
from hinge_desktop.ui.workout.workout_view import WorkoutView


class HurtAnswer(QObject):
    """Keeps "This hurt" of ``panel`` on the set ``logger`` logged last."""

    message = Signal(str)

    def __init__(
        self,
        view: WorkoutView,
        logger: SetLogger,
        panel: LogPanel,
        sets: SetRepository,
        catalogue: Catalogue,
        undo_stack: QUndoStack,
        log_changes: LogChanges,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._panel, self._sets, self._catalogue = panel, sets, catalogue
        self._stack, self._log_changes = undo_stack, log_changes
        self._last: LoggedSet | None = None
        self._shown_marked = False
        self._shut_down = False
        logger.set_logged.connect(self._logged)
        logger.target_changed.connect(self._forget)
        view.workout_loaded.connect(self._forget)
        panel.hurt_requested.connect(self.mark_last)
        log_changes.changed.connect(self._refresh)

    def last(self) -> LoggedSet | None:
        """The set "This hurt" is about now (None: none)."""
        return self._last

    def mark_last(self) -> None:
        """The set logged last hurt."""
        if self._last is not None and self._last.id is not None:
            self.mark(self._last.id)

    def mark(self, set_id: int) -> None:
        """The set ``set_id`` hurt: mark it, undoably, and say what follows."""
        failures: list[DatabaseFailed] = []
        command = MarkHurtOnce(
            self._sets, set_id, True, self._log_changes.announce, failures.append
        )
        self._stack.push(command)
        if failures:
            self.message.emit(
                self.tr("The set was not marked: {reason}.").format(reason=fault_text(failures[0]))
            )
        elif not command.found:
            self.message.emit(self.tr("That set was taken back, so nothing was marked."))
        else:
            self.message.emit(self._note())

    def shutdown(self) -> None:
        """Stop following the log (Hinge is quitting; the database is about to close)."""
        if not self._shut_down:
            self._shut_down = True
            self._log_changes.changed.disconnect(self._refresh)

    def _note(self) -> str:
        last = self._last
        if last is None or last.drill_id not in self._catalogue:
            return noted_text(None)
        return noted_text(easier_drill(self._catalogue.get(last.drill_id), self._catalogue))

    def _logged(self, logged: LoggedSet) -> None:
        self._last = logged
        self._show()

    def _forget(self) -> None:
        self._last = None
        self._show()

    def _refresh(self) -> None:
        """The log changed: the set may be taken back, or its mark (then the status bar says
        so, instead of still saying it was noted)."""
        was_marked = self._shown_marked
        if self._last is not None and self._last.id is not None:
            try:
                self._sets.get(self._last.id)
            except KeyError:
                self._last = None
        self._show()
        if was_marked and self._last is not None and not self._marked():
            self.message.emit(self.tr("Taken back: the set no longer counts as one that hurt."))

    def _marked(self) -> bool:
        last = self._last
        return last is not None and last.id is not None and self._sets.marked_hurt(last.id)

    def _show(self) -> None:
        marked = self._marked()
        self._shown_marked = marked
        self._panel.show_hurt(self._last is not None, marked, self._note() if marked else "")
