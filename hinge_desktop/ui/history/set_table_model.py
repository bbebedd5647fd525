"""The sets of the workout open in History's list, one row each, as a table model."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.training import CheckOutcome, LoggedSet
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.history.workout_list_text import (
    dose_text,
    kind_text,
    number_text,
    side_text,
    time_text,
    weight_text,
)

ModelIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkoutList", text)


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
