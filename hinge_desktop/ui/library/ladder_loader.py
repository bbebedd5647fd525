"""The ladder's reading of the log, on the background reader: what the rules make of the whole
history (on a long log, a read of many thousands of sets) never runs on the GUI thread. The
newest request wins; its answer, a :class:`LadderReading`, comes back on the GUI thread.

The reading is Python work for a while (a tenth of a second on ten years of training), so it
runs as the import's worker does (:func:`gc_pauses.working`): the GIL changes hands every
half millisecond, or the window waits up to five each time Qt calls into Python, and the
collector does not run on the reader's thread meanwhile; what it leaves is not frozen."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.storage.database import Database
from hinge_desktop.storage.ladder import LadderReading, read_ladder
from hinge_desktop.ui import gc_pauses
from hinge_desktop.ui.tasks import BackgroundReader
from hinge_desktop.ui.waiting import wait_until


class LadderLoader(QObject):
    loaded = Signal(object)
    """The newest reading, as a :class:`LadderReading`."""
    failed = Signal(object)
    """The newest request could not be read: the exception."""

    def __init__(
        self, reader: BackgroundReader, catalogue: Catalogue, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._catalogue = catalogue
        self._pending = 0
        self._answered = 0
        self._closed = False

    def request(self, now: datetime, asked: Sequence[int] = ()) -> None:
        """Read the ladder as of ``now``, and whether the sets ``asked`` about still stand; an
        answer to an older request still on its way is dropped."""
        if self._closed:
            return
        self._pending += 1
        number = self._pending
        catalogue, ids = self._catalogue, tuple(asked)

        def job(db: Database) -> LadderReading:
            with gc_pauses.working():
                return read_ladder(db, now, catalogue, ids)

        try:
            self._reader.submit(
                job,
                lambda reading: self._arrived(number, reading),
                lambda error: self._failed(number, error),
                context=self,
            )
        except RuntimeError:
            # The reader was shut down: Hinge is quitting.
            self.close()

    def close(self) -> None:
        """Ask no more, and drop the answers on their way (Hinge is quitting)."""
        self._closed = True
        self._answered = self._pending

    def is_loading(self) -> bool:
        """Whether the answer to the newest request is still to come."""
        return self._answered != self._pending

    def unanswered(self) -> int:
        """The requests made since the last answer came (answers to older ones are dropped)."""
        return self._pending - self._answered

    def wait(self, timeout_ms: int) -> bool:
        """Wait, handling events, until the newest answer is in; False on a timeout."""
        return wait_until(lambda: not self.is_loading(), [self.loaded, self.failed], timeout_ms)

    def _arrived(self, number: int, reading: LadderReading) -> None:
        if number != self._pending or self._closed:
            return
        self._answered = number
        self.loaded.emit(reading)

    def _failed(self, number: int, error: Exception) -> None:
        if number != self._pending or self._closed:
            return
        self._answered = number
        self.failed.emit(error)
