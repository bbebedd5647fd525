"""The last year of training at a glance: one square per day, a column per week, and the streaks.

Consistency matters more than any single session when learning the hinge, so the calendar shows
how regularly a person trained, the way a GitHub contribution graph shows how often one commits.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hinge_desktop.domain.snacks import SnackSummary
from hinge_desktop.domain.statistics import Streaks
from hinge_desktop.ui.history.calendar_grid import DAYS_PER_WEEK, LABEL_GAP, DayGrid, qdate
from hinge_desktop.ui.plurals import plural

SUMMARY_MIN_WIDTH = 160
"""The streaks beside the squares never get narrower than this."""

_NO_STREAKS = Streaks(current=0, longest=0, longest_start=None, longest_end=None)


class ConsistencyCalendar(QWidget):
    """A year of training days GitHub-style, with the current and longest week streaks beside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consistencyCalendar")
        self.setAccessibleName(self.tr("Training consistency over the last year"))
        self._grid = DayGrid(self)
        self._current = QLabel(self)
        self._current.setObjectName("currentStreak")
        self._longest = QLabel(self)
        self._longest.setObjectName("longestStreak")
        self._days = QLabel(self)
        self._days.setObjectName("daysTrained")
        self._snacks = QLabel(self)
        self._snacks.setObjectName("snackStreak")
        emphasis = self._current.font()
        emphasis.setBold(True)
        self._current.setFont(emphasis)
        for label in (self._current, self._longest, self._days, self._snacks):
            # In a narrow window the squares shrink first, then the words take two lines.
            label.setWordWrap(True)
            label.setMinimumWidth(SUMMARY_MIN_WIDTH)
        self._all_counts: dict[date, int] = {}

        summary = QVBoxLayout()
        summary.setSpacing(4)
        summary.addSpacing(self._grid.fontMetrics().height() + LABEL_GAP)
        summary.addWidget(self._current)
        summary.addWidget(self._longest)
        summary.addWidget(self._days)
        summary.addSpacing(4)
        summary.addWidget(self._snacks)
        summary.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(20)
        layout.addWidget(self._grid, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(summary, 1)
        self.set_days({}, self._grid.today, _NO_STREAKS)

    def set_days(
        self,
        day_counts: Mapping[date, int],
        today: date,
        streaks: Streaks,
        snacks: Mapping[date, int] | None = None,
        snack_summary: SnackSummary | None = None,
    ) -> None:
        """Show the sets per local day up to ``today`` and the week streaks worked out for them;
        with ``snacks``, a dot on each day with an activation snack, and ``snack_summary``'s
        count of today's and their streak of days beside.

        Days before the first column or after ``today`` are not shown; levels are worked out
        among the days on show, so an old record day does not fade the whole year.
        """
        self._all_counts = dict(day_counts)
        self._grid.show_days(day_counts, today, snacks or {})
        self._snacks.setVisible(snack_summary is not None)
        if snack_summary is not None:
            self._snacks.setText(self._snack_text(snack_summary))
        self._current.setText(
            self._count_text(
                self.tr("Current streak: %n week(s)", None, streaks.current), streaks.current
            )
        )
        self._longest.setText(self._longest_text(streaks))
        trained = len(self._grid.day_counts)
        self._days.setText(
            self._count_text(self.tr("%n day(s) trained in the last year", None, trained), trained)
        )

    def _snack_text(self, summary: SnackSummary) -> str:
        today = self.tr("Activation snacks today: {done} of {goal}").format(
            done=self.locale().toString(summary.done), goal=self.locale().toString(summary.goal)
        )
        days = summary.streak_days
        streak = self._count_text(self.tr("%n day(s) in a row with a snack", None, days), days)
        return f"{today}\n{streak}" if days else today

    def day_at(self, pos: QPoint) -> date | None:
        """The day of the square under ``pos`` (in this widget's coordinates), if one is drawn."""
        return self._grid.day_at(self._grid.mapFrom(self, pos))

    def level_of(self, day: date) -> int:
        """The colour level of a day on show, 1 to ``LEVELS``; 0 for no training."""
        return self._grid.levels.get(day, 0)

    def tooltip_for(self, day: date) -> str:
        return self._grid.tooltip_for(day)

    def square_of(self, day: date) -> QRect:
        """Where a day's square is, in this widget's coordinates."""
        square = self._grid.square_of(day)
        return square.translated(self._grid.pos())

    def _count_text(self, text: str, count: int) -> str:
        return plural(text, count).replace("%n", self.locale().toString(count))

    def _longest_text(self, streaks: Streaks) -> str:
        count = streaks.longest
        if not count or streaks.longest_start is None or streaks.longest_end is None:
            return self._count_text(self.tr("Longest: %n week(s)", None, count), count)
        start, end = self._streak_span(streaks.longest_start, streaks.longest_end)
        locale = self.locale()
        first = locale.toString(qdate(start), "MMM yyyy")
        last = locale.toString(qdate(end), "MMM yyyy")
        if first == last:
            text = self.tr("Longest: %n week(s)\n({month})", None, count).format(month=first)
        else:
            text = self.tr("Longest: %n week(s)\n({start} – {end})", None, count).format(
                start=first, end=last
            )
        return self._count_text(text, count)

    def _streak_span(self, first_monday: date, last_monday: date) -> tuple[date, date]:
        """The first and last trained days of a streak, when known, else its first and last
        Mondays: a streak from Monday 30 June to Wednesday 2 July reads "Jul", not "Jun"."""
        counts = self._all_counts
        first_week = [first_monday + timedelta(days=i) for i in range(DAYS_PER_WEEK)]
        last_week = [last_monday + timedelta(days=i) for i in range(DAYS_PER_WEEK)]
        start = min((day for day in first_week if counts.get(day, 0) > 0), default=first_monday)
        end = max((day for day in last_week if counts.get(day, 0) > 0), default=last_monday)
        return start, end
