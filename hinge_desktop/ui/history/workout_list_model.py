"""History's list of workouts as an item model: workouts (and quick-logged days) newest
first, loaded a page at a time. The sets of the one that is open are
:mod:`~hinge_desktop.ui.history.set_table_model`'s.

What the list holds and how it is read a page at a time is storage's
(:mod:`hinge_desktop.storage.workout_list_queries`); this model shows it.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.storage.workout_list_queries import (
    PAGE,
    EntryKey,
    LogEntry,
    WorkoutListPages,
    WorkoutListQueries,
)
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.history.workout_list_text import (
    drill_name,
    drill_names,
    summary_text,
    when_text,
)

ModelIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkoutList", text)


class LogRole(IntEnum):
    KEY = Qt.ItemDataRole.UserRole + 1
    WHEN = Qt.ItemDataRole.UserRole + 2
    SUMMARY = Qt.ItemDataRole.UserRole + 3
    IN_PROGRESS = Qt.ItemDataRole.UserRole + 4
    QUICK = Qt.ItemDataRole.UserRole + 5


class WorkoutListModel(QAbstractListModel):
    """Workouts and quick-log days, newest first; more are fetched as the list scrolls down."""

    def __init__(
        self,
        source: WorkoutListQueries,
        catalogue: Catalogue,
        parent: QObject | None = None,
        *,
        names: DrillNames | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._catalogue = catalogue
        self._names = names if names is not None else DrillNames(catalogue, parent=self)
        self._names.changed.connect(self._names_changed)
        self._entries: list[LogEntry] = []
        self._pages = WorkoutListPages(source)

    def _names_changed(self) -> None:
        if self._entries:
            self.dataChanged.emit(self.index(0), self.index(len(self._entries) - 1))

    # Loading ---------------------------------------------------------------------------------

    def _restart(self) -> None:
        self._entries = []
        self._pages = WorkoutListPages(self._source)

    def reload(self) -> None:
        """Read the log again from the database, as many entries as were loaded."""
        wanted = max(len(self._entries), PAGE)
        self.beginResetModel()
        self._restart()
        while len(self._entries) < wanted:
            page = self._pages.next_page()
            if not page:
                break
            self._entries.extend(page)
        self.endResetModel()

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return self._pages.has_more()

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._pages.next_page()
        if not page:
            return
        first = len(self._entries)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._entries.extend(page)
        self.endInsertRows()

    # Reading ---------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def source(self) -> WorkoutListQueries:
        return self._source

    def entry(self, row: int) -> LogEntry:
        return self._entries[row]

    def row_of(self, key: EntryKey) -> int | None:
        for row, entry in enumerate(self._entries):
            if entry.key == key:
                return row
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.title(entry)
        if role == LogRole.WHEN:
            return when_text(entry)
        if role == LogRole.SUMMARY:
            return summary_text(entry, self._names)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [self.title(entry), when_text(entry), summary_text(entry, self._names)]
            if entry.in_progress:
                parts.append(_tr("in progress"))
            return ", ".join(parts)
        if role == Qt.ItemDataRole.ToolTipRole:
            return drill_names(entry.drill_ids, self._names) or None
        if role == LogRole.KEY:
            return list(entry.key)
        if role == LogRole.IN_PROGRESS:
            return entry.in_progress
        if role == LogRole.QUICK:
            return entry.is_quick
        return None

    def title(self, entry: LogEntry) -> str:
        """What was trained: the routine or drill as named then, or "Quick log"."""
        if entry.is_quick:
            return _tr("Quick log")
        if entry.name:
            return entry.name
        workout = entry.workout
        started = workout.drill_id if workout is not None else None
        if started and (started in self._catalogue or self._names.is_own(started)):
            return self._names.name(started)
        if len(entry.drill_ids) == 1:
            return drill_name(entry.drill_ids[0], self._names)
        return _tr("Workout")
