"""The start page's reading of the log, on the background reader: the newest request wins, and
the answer comes back on the GUI thread as a :class:`TodaySummary`."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date

from PySide6.QtCore import QObject, Signal

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.snacks import WORKING_WEEK
from hinge_desktop.domain.today import TodaySummary, today_summary
from hinge_desktop.storage.database import Database
from hinge_desktop.storage.today_queries import read_today
from hinge_desktop.ui.tasks import BackgroundReader
from hinge_desktop.ui.waiting import wait_until


class TodayLoader(QObject):
    loaded = Signal(object)
    """The newest reading, as a :class:`TodaySummary`."""
    failed = Signal(object)
    """The newest request could not be read: the exception."""

    def __init__(
        self,
        reader: BackgroundReader,
        catalogue: Catalogue,
        today: Callable[[], date],
        desk_days: Callable[[], Collection[int]] = lambda: WORKING_WEEK,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._catalogue = catalogue
        self._today = today
        self._desk_days = desk_days
        self._pending = 0
        self._answered = 0
        self._closed = False

    def request(self) -> None:
        """Read the log again; an answer to an older request still on its way is dropped."""
        if self._closed:
            return
        self._pending += 1
        number = self._pending
        catalogue, today, desk_days = self._catalogue, self._today(), self._desk_days()

        def job(db: Database) -> TodaySummary:
            return today_summary(read_today(db, catalogue, today), today, catalogue, desk_days)

        try:
            self._reader.submit(
                job,
                lambda summary: self._arrived(number, summary),
                lambda error: self._failed(number, error),
                context=self,
            )
        except RuntimeError:
            # The reader was shut down: Hinge is quitting.
            self._closed = True
            self._answered = self._pending

    def close(self) -> None:
        """Ask no more (Hinge is quitting)."""
        self._closed = True
        self._answered = self._pending

    def is_loading(self) -> bool:
        return self._answered != self._pending

    def wait(self, timeout_ms: int) -> bool:
        """Wait, handling events, until the newest reading is in; False on a timeout."""
        return wait_until(lambda: not self.is_loading(), [self.loaded, self.failed], timeout_ms)

    def _arrived(self, number: int, summary: TodaySummary) -> None:
        if number != self._pending or self._closed:
            return
        self._answered = number
        self.loaded.emit(summary)

    def _failed(self, number: int, error: Exception) -> None:
        if number != self._pending or self._closed:
            return
        self._answered = number
        self.failed.emit(error)
