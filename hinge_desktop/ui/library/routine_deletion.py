"""Deleting one of the person's routines: asked first, without blocking, then done as a command
on the app's one undo stack, so that Edit → Undo (Ctrl+Z) brings it back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from hinge_desktop.domain.routines import Routine
from hinge_desktop.storage.routines import RoutineRepository
from hinge_desktop.ui.library.routine_commands import DeleteRoutine
from hinge_desktop.ui.widgets.dialogs import confirm_delete

T = TypeVar("T")


class RoutineDeletion(QObject):
    """Asks over ``view`` and deletes from ``repository``; an error of ``errors`` is reported
    through :attr:`failed` and changes nothing."""

    deleted = Signal(object, int)
    """The routine deleted and the place it had in the person's list."""
    restored = Signal(object)
    """The routine that Undo brought back."""
    failed = Signal(str)
    """Why a delete or its undo could not be done."""

    def __init__(
        self,
        view: QWidget,
        repository: RoutineRepository,
        undo_stack: QUndoStack,
        errors: tuple[type[Exception], ...],
    ) -> None:
        super().__init__(view)
        self._view = view
        self._repository = repository
        self._undo_stack = undo_stack
        self._errors = errors
        self._confirm: QMessageBox | None = None

    def ask(self, routine: Routine) -> None:
        """Ask before deleting ``routine`` (one question at a time); the question does not
        block."""
        if self._confirm is not None:
            self._confirm.close()
        routine_id = routine.id
        box = confirm_delete(
            self._view,
            "deleteRoutineConfirm",
            self.tr("Delete the routine?"),
            self.tr("Delete “{name}”? Edit → Undo (Ctrl+Z) brings it back.").format(
                name=routine.name
            ),
            lambda: self.delete(routine_id),
        )
        box.finished.connect(self._confirm_closed)
        self._confirm = box

    def _confirm_closed(self) -> None:
        self._confirm = None

    def delete(self, routine_id: str) -> None:
        """Delete at once, on the undo stack."""
        position = self._attempt(lambda: self._repository.position(routine_id))
        routine = self._attempt(lambda: self._repository.get(routine_id))
        if position is None or routine is None:
            return
        self._undo_stack.push(
            DeleteRoutine(
                self._repository,
                routine,
                position,
                self.deleted.emit,
                self.restored.emit,
                lambda error: self.failed.emit(str(error)),
                self._errors,
            )
        )

    def _attempt(self, work: Callable[[], T]) -> T | None:
        try:
            return work()
        except self._errors as error:
            self.failed.emit(str(error))
            return None
