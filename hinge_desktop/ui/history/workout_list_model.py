"""History's list of workouts as item models: workouts (and quick-logged days) newest first,
loaded a page at a time, and the sets of the one that is open.

What the list holds and how it is read a page at a time is storage's
(:mod:`hinge_desktop.storage.workout_list_queries`); these models show it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
)

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.training import CheckOutcome, LoggedSet, SetKind, Side
from hinge_desktop.storage.workout_list_queries import (
    PAGE,
    EntryKey,
    LogEntry,
    WorkoutListPages,
    WorkoutListQueries,
)
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.plurals import plural

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


def drill_name(drill_id: str, names: DrillNames) -> str:
    """The drill's name, a drill of one's own's as the person named it; a drill Hinge knows
    nothing of reads as its id."""
    return names.name(drill_id)


def drill_names(drill_ids: tuple[str, ...], names: DrillNames) -> str:
    return ", ".join(names.name(d) for d in drill_ids)


def date_text(moment: datetime, today: date | None = None) -> str:
    """ "Today", "Yesterday" or the date in the person's locale."""
    today = today if today is not None else datetime.now().astimezone().date()
    day = moment.date()
    if day == today:
        return _tr("Today")
    if day == today - timedelta(days=1):
        return _tr("Yesterday")
    locale = QLocale()
    shown = QDate(day.year, day.month, day.day)
    pattern = "ddd d MMM" if day.year == today.year else "ddd d MMM yyyy"
    return locale.toString(shown, pattern)


def time_text(moment: datetime) -> str:
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


def duration_text(duration: timedelta) -> str:
    minutes = max(0, round(duration.total_seconds() / 60))
    if minutes < 60:
        return _tr("{minutes} min").format(minutes=minutes)
    return _tr("{hours} h {minutes:02d} min").format(hours=minutes // 60, minutes=minutes % 60)


def seconds_text(seconds: float) -> str:
    whole = round(seconds)
    if whole < 120:
        return _tr("{seconds} s").format(seconds=whole)
    return _tr("{minutes}:{seconds:02d} min").format(minutes=whole // 60, seconds=whole % 60)


def number_text(value: float) -> str:
    """A count or load with the locale's grouping, and a decimal only when it has one."""
    locale = QLocale()
    if float(value).is_integer():
        return locale.toString(int(value))
    return locale.toString(float(value), "f", 1)


def when_text(entry: LogEntry) -> str:
    parts = [date_text(entry.started_at), time_text(entry.started_at)]
    if entry.duration is not None:
        parts.append(duration_text(entry.duration))
    return " · ".join(parts)


def load_text(volume_kg: float) -> str:
    if volume_kg <= 0:
        return _tr("bodyweight")
    return _tr("{volume} kg").format(volume=number_text(round(volume_kg)))


def summary_text(entry: LogEntry, names: DrillNames) -> str:
    """Drills, sets, reps or hold time, and load, in one line."""
    drills = len(entry.drill_ids)
    parts = []
    if drills == 1:
        parts.append(names.name(entry.drill_ids[0]))
    elif drills > 1:
        parts.append(_plural("drill", drills))
    parts.append(_plural("set", entry.set_count))
    if entry.total_reps:
        parts.append(_plural("rep", entry.total_reps))
    if entry.total_seconds:
        parts.append(_tr("{time} held").format(time=seconds_text(entry.total_seconds)))
    if entry.set_count:
        parts.append(load_text(entry.volume_kg))
    return " · ".join(parts)


def _plural(noun: str, count: int) -> str:
    texts = {
        "drill": QCoreApplication.translate("WorkoutList", "%n drill(s)", None, count),
        "set": QCoreApplication.translate("WorkoutList", "%n set(s)", None, count),
        "rep": QCoreApplication.translate("WorkoutList", "%n rep(s)", None, count),
    }
    return plural(texts[noun], count).replace("%n", number_text(count))


class SetColumn(IntEnum):
    TIME = 0
    DRILL = 1
    SET = 2
    SIDE = 3
    DOSE = 4
    WEIGHT = 5
    BAND = 6
    RPE = 7
    KIND = 8
    RESULT = 9
    NOTE = 10


SET_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_COLUMNS = len(SetColumn)
_TIP_COLUMNS = frozenset({SetColumn.NOTE.value, SetColumn.DRILL.value})
_NUMBER_COLUMNS = frozenset(
    {SetColumn.SET.value, SetColumn.DOSE.value, SetColumn.WEIGHT.value, SetColumn.RPE.value}
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _column_titles() -> dict[SetColumn, str]:
    return {
        SetColumn.TIME: _tr("Time"),
        SetColumn.DRILL: _tr("Drill"),
        SetColumn.SET: _tr("Set"),
        SetColumn.SIDE: _tr("Side"),
        SetColumn.DOSE: _tr("Reps / hold"),
        SetColumn.WEIGHT: _tr("Weight"),
        SetColumn.BAND: _tr("Band"),
        SetColumn.RPE: _tr("RPE"),
        SetColumn.KIND: _tr("Kind"),
        SetColumn.RESULT: _tr("Result"),
        SetColumn.NOTE: _tr("Note"),
    }


def kind_text(kind: SetKind) -> str:
    return {
        SetKind.WARMUP: _tr("warm-up"),
        SetKind.WORKING: _tr("working"),
        SetKind.FAILURE: _tr("to failure"),
        SetKind.DROP: _tr("drop set"),
    }[kind]


def side_text(side: Side | None) -> str:
    if side is None:
        return ""
    return _tr("left") if side is Side.LEFT else _tr("right")


def dose_text(logged: LoggedSet) -> str:
    parts = []
    if logged.reps is not None:
        parts.append(_plural("rep", logged.reps))
    if logged.hold_seconds is not None:
        parts.append(seconds_text(logged.hold_seconds))
    return " · ".join(parts)


def weight_text(logged: LoggedSet) -> str:
    if logged.weight is None or logged.unit is None:
        return ""
    return f"{number_text(logged.weight)} {logged.unit.value}"


class SetTableModel(QAbstractTableModel):
    """The sets of the open workout, one row each."""

    def __init__(
        self,
        catalogue: Catalogue,
        parent: QObject | None = None,
        *,
        names: DrillNames | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._names = names if names is not None else DrillNames(catalogue, parent=self)
        self._names.changed.connect(self._names_changed)
        self._sets: list[LoggedSet] = []
        self._texts: list[list[str]] = []
        self._titles = _column_titles()

    def _names_changed(self) -> None:
        if not self._sets:
            return
        for row, logged in enumerate(self._sets):
            self._texts[row][SetColumn.DRILL] = self.text(logged, SetColumn.DRILL)
        column = int(SetColumn.DRILL)
        self.dataChanged.emit(self.index(0, column), self.index(len(self._sets) - 1, column))

    def set_sets(self, sets: list[LoggedSet]) -> None:
        self.beginResetModel()
        self._sets = list(sets)
        # Worked out once: the view asks for every cell many times (sizing the columns).
        self._texts = [[self.text(s, column) for column in SetColumn] for s in self._sets]
        self.endResetModel()

    def sets(self) -> list[LoggedSet]:
        return list(self._sets)

    def set_at(self, row: int) -> LoggedSet:
        return self._sets[row]

    def row_of(self, set_id: int) -> int | None:
        for row, logged in enumerate(self._sets):
            if logged.id == set_id:
                return row
        return None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sets)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < _COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[SetColumn(section)]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = index.row(), index.column()
        if not index.isValid() or not 0 <= row < len(self._sets) or not 0 <= column < _COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.AccessibleTextRole:
            return self._texts[row][column]
        if role == Qt.ItemDataRole.ToolTipRole and column in _TIP_COLUMNS:
            return self._texts[row][column] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBER_COLUMNS:
            return _RIGHT
        if role == SET_ID_ROLE:
            return self._sets[row].id
        return None

    def text(self, logged: LoggedSet, column: SetColumn) -> str:
        if column is SetColumn.TIME:
            return time_text(logged.performed_at)
        if column is SetColumn.DRILL:
            return self._names.name(logged.drill_id)
        if column is SetColumn.SET:
            return str(logged.set_number)
        if column is SetColumn.SIDE:
            return side_text(logged.side)
        if column is SetColumn.DOSE:
            return dose_text(logged)
        if column is SetColumn.WEIGHT:
            return weight_text(logged)
        if column is SetColumn.BAND:
            return QCoreApplication.translate("SetForm", logged.band) if logged.band else ""
        if column is SetColumn.RPE:
            return f"{logged.rpe:g}" if logged.rpe is not None else ""
        if column is SetColumn.KIND:
            return "" if logged.result is not None else kind_text(logged.kind)
        if column is SetColumn.RESULT:
            return self.result_text(logged)
        return logged.note

    def result_text(self, logged: LoggedSet) -> str:
        """A check's outcome: "✓ passed" or "✗ not yet", with the measured value if any."""
        parts = []
        if logged.result is CheckOutcome.PASS:
            parts.append(_tr("✓ passed"))
        elif logged.result is CheckOutcome.FAIL:
            parts.append(_tr("✗ not yet"))
        if logged.measured is not None:
            unit = ""
            if logged.drill_id in self._catalogue:
                check = self._catalogue.get(logged.drill_id).check
                unit = check.unit or "" if check is not None else ""
            parts.append(f"{number_text(logged.measured)} {unit}".strip())
        return " · ".join(parts)
