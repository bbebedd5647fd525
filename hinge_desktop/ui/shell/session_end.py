"""The end of a session, put together: the player's summary with the log's figures (read on the
background reader: the records look through each drill's whole history), what the ladder counted
and the next session, whose Start button starts it."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QCoreApplication, QObject

from hinge_desktop.domain.plan import WorkoutPlan
from hinge_desktop.domain.session_summary import SessionEnd, SessionSummary
from hinge_desktop.domain.today import TodaySummary
from hinge_desktop.storage.database import Database
from hinge_desktop.storage.summary_queries import read_summary
from hinge_desktop.ui.log_changes import LogChanges
from hinge_desktop.ui.tasks import BackgroundReader
from hinge_desktop.ui.today.today_text import gate_title, gate_value
from hinge_desktop.ui.today.today_view import TodayView
from hinge_desktop.ui.workout.set_logger import SetLogger
from hinge_desktop.ui.workout.workout_view import WorkoutView


def ladder_note(facts: TodaySummary) -> str:
    """What the ladder counted, as the start page says it ("What opens light loading: 1 of 3
    days with an easy standing hinge")."""
    return QCoreApplication.translate("SessionEnd", "{what}: {count}").format(
        what=gate_title(facts.ladder), count=gate_value(facts.ladder)
    )


class SessionEndAssembler(QObject):
    """Fills the summary when a session ends, and again when a set is logged after the end or the
    start page has read the log anew (the ladder's count follows the last set)."""

    def __init__(
        self,
        workout: WorkoutView,
        set_logger: SetLogger,
        reader: BackgroundReader,
        today: TodayView,
        log_changes: LogChanges,
        start_plan: Callable[[WorkoutPlan], None],
    ) -> None:
        super().__init__(workout)
        self._workout = workout
        self._set_logger = set_logger
        self._reader = reader
        self._summary: SessionSummary | None = None
        self._asked = 0
        self._today = today
        self._start_plan = start_plan
        self._ended: SessionEnd | None = None
        self._next: WorkoutPlan | None = None
        workout.session_ended.connect(self._session_ended)
        workout.next_requested.connect(self._start_next)
        log_changes.changed.connect(self._log_changed)
        today.summary_changed.connect(lambda _facts: self._show())

    def _session_ended(self, end: SessionEnd) -> None:
        self._ended = end
        self._summary = None
        self._read()
        # The ladder's count and the next session follow the sets just logged.
        self._today.refresh()

    def _log_changed(self) -> None:
        if self._ended is not None and self._workout.summary_shown():
            self._read()
            self._today.refresh()

    def _read(self) -> None:
        """Read the session's figures; only the newest answer is shown."""
        end, workout_id = self._ended, self._set_logger.workout_id()
        if end is None:
            return
        self._asked += 1
        number = self._asked

        def job(db: Database) -> SessionSummary:
            return read_summary(db, end, workout_id)

        def arrived(summary: SessionSummary) -> None:
            if number == self._asked:
                self._summary = summary
                self._show()

        # A read that fails leaves the player's own figures; a reader shut down means Hinge is
        # quitting.
        with suppress(RuntimeError):
            self._reader.submit(job, arrived, lambda _error: None, context=self)

    def _show(self) -> None:
        end = self._ended
        if end is None or not self._workout.summary_shown():
            return
        facts = self._today.summary()
        note = label = None
        self._next = None
        if facts is not None:
            note = ladder_note(facts)
            following = facts.next_routine.to_plan()
            # The same session next time is what "Do it again" starts: not offered twice.
            if following != self._workout.plan():
                self._next = following
                label = facts.next_routine.name
        if self._summary is not None:
            self._workout.show_summary(self._summary, ladder_note=note, next_label=label)

    def _start_next(self) -> None:
        if self._next is not None:
            self._start_plan(self._next)
