"""Deleting one of the person's routines as a command on the app's one undo stack, so that
Edit → Undo (Ctrl+Z) brings it back like any other change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from hinge_desktop.domain.routines import Routine
from hinge_desktop.storage.routines import RoutineRepository


def _tr(text: str) -> str:
    return QCoreApplication.translate("RoutineCommands", text)


class DeleteRoutine(QUndoCommand):
    """Delete a routine; undo puts it back with its drills, at the place it had in the list.

    The command keeps the deleted routine and its place: the repository keeps nothing. A change
    that fails is reported through ``failed`` and changes nothing; a delete that fails leaves
    the stack (Qt drops an obsolete command from ``push``).
    """

    def __init__(
        self,
        routines: RoutineRepository,
        routine: Routine,
        position: int,
        deleted: Callable[[Routine, int], None],
        restored: Callable[[Routine], None],
        failed: Callable[[Exception], None],
        errors: tuple[type[Exception], ...],
    ) -> None:
        super().__init__(_tr("Delete routine “{name}”").format(name=routine.name))
        self._routines = routines
        self._routine, self._position = routine, position
        self._deleted, self._restored, self._failed = deleted, restored, failed
        self._errors = errors

    def redo(self) -> None:
        try:
            self._routine = self._routines.delete(self._routine.id)
        except self._errors as error:
            self.setObsolete(True)
            self._failed(error)
            return
        self._deleted(self._routine, self._position)

    def undo(self) -> None:
        try:
            restored = self._routines.restore(self._routine, self._position)
        except self._errors as error:
            self._failed(error)
            return
        self._restored(restored)
