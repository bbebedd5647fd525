"""The one signal that the training log changed, given after the write has landed.

A set or workout logged, edited, deleted or put back (by a command on the undo stack, on its
redo and its undo), or an import stored or taken back: each says so here once. The views that
show the log (History's list and charts, the ladder, the workout's logged sets) listen to this,
never to the undo stack's moves, which also follow changes to routines and say nothing about
whether a write landed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class LogChanges(QObject):
    changed = Signal()
    """The log changed; read it again."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logChanges")

    def announce(self) -> None:
        """Say that the log changed (call once the write is in the database)."""
        self.changed.emit()
