"""Merging a drill of one's own into another drill as a command on the app's one undo stack, so
that Edit → Undo (Ctrl+Z) puts the drill and every one of its sets back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from hinge_desktop.storage.drill_merge import MergedDrill
from hinge_desktop.storage.errors import DatabaseFailed
from hinge_desktop.ui.drill_names import DrillNames


def _tr(text: str) -> str:
    return QCoreApplication.translate("MergeOwnDrill", text)


class MergeOwnDrill(QUndoCommand):
    """Merge a drill of one's own into another; undo takes the merge back.

    The command keeps what the merge changed: the repository keeps nothing. ``changed`` is
    called once a merge or its undo is in the database (the log changed). A first merge that
    fails (the drill gone, a full disk) is reported through ``failed`` and leaves the stack (Qt
    drops an obsolete command from ``push``).
    """

    def __init__(
        self,
        names: DrillNames,
        drill_id: str,
        into: str,
        changed: Callable[[], None],
        failed: Callable[[Exception], None],
    ) -> None:
        super().__init__(
            _tr("Merge “{drill}” into “{into}”").format(
                drill=names.name(drill_id), into=names.name(into)
            )
        )
        self._names, self._id, self._into = names, drill_id, into
        self._changed, self._failed = changed, failed
        self.merged: MergedDrill | None = None
        self._first = True

    def redo(self) -> None:
        first, self._first = self._first, False
        try:
            self.merged = self._names.merge(self._id, self._into)
        except (KeyError, DatabaseFailed) as error:
            if first:
                self.setObsolete(True)
            self.merged = None
            self._failed(error)
            return
        self._changed()

    def undo(self) -> None:
        if self.merged is None:
            return
        try:
            self._names.unmerge(self.merged)
        except DatabaseFailed as error:
            self._failed(error)
            return
        self._changed()
