"""Sets reach the log file itself within seconds of being logged: a checkpoint runs on a thread of
its own once the log has had no change for a moment, and at once when a workout ends."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot

from hinge_desktop.storage.checkpoint import checkpoint
from hinge_desktop.storage.errors import StorageError
from hinge_desktop.ui.log_changes import LogChanges
from hinge_desktop.ui.tasks import TaskRunner

QUIET_MS = 2000
"""How long after the last change the checkpoint runs (changes in a burst share one)."""
RETRY_MS = 5000
"""When a checkpoint could not copy everything (a long read was under way), it tries again."""


class Checkpointer(QObject):
    """Runs :func:`checkpoint` on the log at ``database`` after its changes settle."""

    def __init__(self, database: Path, changes: LogChanges, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkpointer")
        self._database = database
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(QUIET_MS)
        self._timer.timeout.connect(self.checkpoint_now)
        self._tasks: TaskRunner[None] = TaskRunner(
            "checkpoints", keep_thread=False, finish_all=True, parent=self
        )
        self._again = False
        self._closed = False
        self.done = 0
        """How many checkpoints copied everything (for tests and the curious)."""
        changes.changed.connect(self.soon)

    @Slot()
    def soon(self) -> None:
        """Checkpoint once the log has had no change for :data:`QUIET_MS`."""
        if not self._closed:
            self._timer.start(QUIET_MS)

    @Slot()
    @Slot(object)
    def checkpoint_now(self, _reason: object = None) -> None:
        """Checkpoint now (after the one under way, if any)."""
        self._timer.stop()
        if self._closed:
            return
        if self._tasks.is_busy():
            self._again = True
            return
        database = self._database
        self._tasks.submit(lambda _none: checkpoint(database), self._finished, self._failed, self)

    def shutdown(self) -> None:
        """Stop: the checkpoint under way finishes; the log's close does the last one."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self._tasks.shutdown()

    def _finished(self, complete: bool) -> None:
        if complete:
            self.done += 1
        if self._again:
            self._again = False
            self.checkpoint_now()
        elif not complete and not self._closed:
            self._timer.start(RETRY_MS)

    def _failed(self, error: Exception) -> None:
        # A log that cannot be written says so at the next write; the checkpoint waits for it.
        if not isinstance(error, StorageError | OSError):
            raise error
