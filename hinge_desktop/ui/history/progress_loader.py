"""History → Progress's data read on the background reader, the newest request winning, and put
on screen a step per turn of the event loop, so the window never stops answering for longer
than a frame. The read, Python work over every day a drill was trained, runs as the ladder's
does (:func:`gc_pauses.working`): no pass of the collector on the reader's thread, and a GIL
that changes hands every half millisecond."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from hinge_desktop.storage.database import Database
from hinge_desktop.ui import gc_pauses
from hinge_desktop.ui.history.progress_data import ProgressSnapshot, load_progress
from hinge_desktop.ui.tasks import BackgroundReader
from hinge_desktop.ui.waiting import wait_until

Steps = list[Callable[[], None]]

STEP_GAP_MS = 1
"""Wait between two steps on screen. Queued with 0 ms, the next step runs in the turn that
paints the one before, and both then hold the window (about 20 ms for the chart of ten years);
on a timer, it runs only once that paint is done and the event loop has looked at its timers
and input."""


class ProgressLoader(QObject):
    """Reads snapshots for ``view``; an answer to a request that a newer one replaced is
    dropped, and so are the remaining steps of a snapshot a newer one replaced."""

    loaded = Signal()
    """The newest snapshot is on screen: its last step has run."""
    failed = Signal(object)
    """The newest request could not be read: the exception."""

    def __init__(self, reader: BackgroundReader, view: QWidget) -> None:
        super().__init__(view)
        self._reader = reader
        self._view = view
        self._pending = 0
        self._shown = 0

    def request(
        self,
        drill_id: str | None,
        today: date,
        show: Callable[[ProgressSnapshot], Steps],
    ) -> None:
        """Read the snapshot charting ``drill_id`` (None: the default drill) as of ``today``;
        ``show`` gets it when it comes and returns the steps that put it on screen."""
        self._pending += 1
        request = self._pending

        def job(db: Database) -> ProgressSnapshot:
            with gc_pauses.working():
                return load_progress(db, drill_id, today)

        self._reader.submit(
            job,
            lambda snapshot: self._arrived(request, snapshot, show),
            lambda error: self._failed(request, error),
            context=self._view,
        )

    def is_loading(self) -> bool:
        return self._shown != self._pending

    def wait(self, timeout_ms: int) -> bool:
        """Wait, handling events, until the newest snapshot is on screen; False on a
        timeout."""
        return wait_until(lambda: not self.is_loading(), [self.loaded], timeout_ms)

    def _failed(self, request: int, error: Exception) -> None:
        if request != self._pending:
            return  # a newer request is on its way
        self._shown = request
        self.failed.emit(error)

    def _arrived(
        self, request: int, snapshot: ProgressSnapshot, show: Callable[[ProgressSnapshot], Steps]
    ) -> None:
        if request != self._pending:
            return  # a newer request is on its way
        steps = show(snapshot)
        steps.append(lambda: self._done(request))
        self._next_step(request, steps)

    def _next_step(self, request: int, steps: Steps) -> None:
        if request != self._pending:
            return  # replaced by a newer snapshot, which draws itself
        steps.pop(0)()
        if steps:
            QTimer.singleShot(STEP_GAP_MS, self._view, lambda: self._next_step(request, steps))

    def _done(self, request: int) -> None:
        self._shown = request
        self.loaded.emit()
