"""Writing a set, a note on one or its hurt mark, from the player: undoable commands that leave the
undo stack when their first write fails (a full disk, a read-only folder), and the words for
why."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.errors import DatabaseFailed, Fault, classify
from hinge_desktop.storage.sets import SetRepository
from hinge_desktop.ui.set_commands import EditSet, LogSet, MarkSetHurt


def _t(text: str) -> str:
    return QCoreApplication.translate("SetLogger", text)


class LogSetOnce(LogSet):
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


def first_write_may_fail(
    command: QUndoCommand,
    failed: Callable[[DatabaseFailed], None] | None,
    redo: Callable[[], None],
) -> None:
    """Run ``redo``; on the command's first run (``failed`` given), a failed write makes the
    command obsolete and is reported to ``failed`` instead of raising out of ``push``."""
    if failed is None:
        redo()
        return
    try:
        redo()
    except DatabaseFailed as exc:
        command.setObsolete(True)
        failed(exc)


class EditNoteOnce(EditSet):
    """A logged set's note changed; a first write that fails leaves the stack, as above."""

    def __init__(
        self,
        sets: SetRepository,
        before: LoggedSet,
        after: LoggedSet,
        changed: Callable[[], None],
        failed: Callable[[DatabaseFailed], None],
    ) -> None:
        super().__init__(sets, before, after, changed)
        self.setText(QCoreApplication.translate("SetLogger", "Note on a set"))
        self._failed: Callable[[DatabaseFailed], None] | None = failed

    def redo(self) -> None:
        failed, self._failed = self._failed, None
        first_write_may_fail(self, failed, super().redo)


class MarkHurtOnce(MarkSetHurt):
    """A set said to hurt; a first write that fails leaves the stack, as above."""

    def __init__(
        self,
        sets: SetRepository,
        set_id: int,
        hurt: bool,
        changed: Callable[[], None],
        failed: Callable[[DatabaseFailed], None],
    ) -> None:
        super().__init__(sets, set_id, hurt, changed)
        self._failed: Callable[[DatabaseFailed], None] | None = failed

    def redo(self) -> None:
        failed, self._failed = self._failed, None
        first_write_may_fail(self, failed, super().redo)


def fault_text(exc: DatabaseFailed) -> str:
    """Why a write failed, in words that say what to do."""
    fault = classify(exc)
    if fault is Fault.DISK_FULL:
        return _t("the disk is full. Free some space, then try again")
    if fault is Fault.READ_ONLY:
        return _t("the training log cannot be written (its folder is read-only)")
    if fault is Fault.IN_USE:
        return _t("another program is writing to the training log. Try again")
    if fault is Fault.DISK_ERROR:
        return _t("the disk reported an error")
    return str(exc)
