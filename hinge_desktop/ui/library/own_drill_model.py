"""The table behind Library → Your drills and the list that shows it: one row per drill of one's
own, with its sets, last day and the name it was imported as; editing the name renames the drill
everywhere.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView

from hinge_desktop.storage.custom_drills import DrillNameTaken, InvalidDrillName
from hinge_desktop.storage.own_drill_stats import OwnDrillStats
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.widgets.roomy_rows import RoomyRows

ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class OwnDrillColumn(IntEnum):
    NAME = 0
    SETS = 1
    LAST_TRAINED = 2
    IMPORTED_AS = 3


class OwnDrillModel(QAbstractTableModel):
    """One row per drill of one's own; the name is editable, and renames the drill."""

    refused = Signal(str)
    """A rename was refused; the message says why, for the person."""
    taken = Signal(str, str)
    """(drill id, id of the drill whose name it is) after a rename refused for a name taken."""
    renamed = Signal(str, str)
    """(old name, new name) after a rename."""

    def __init__(self, names: DrillNames, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = names
        self._drills: list[OwnDrillStats] = []
        self._titles = {
            OwnDrillColumn.NAME: self.tr("Name"),
            OwnDrillColumn.SETS: self.tr("Sets"),
            OwnDrillColumn.LAST_TRAINED: self.tr("Last trained"),
            OwnDrillColumn.IMPORTED_AS: self.tr("Imported as"),
        }

    def set_drills(self, drills: list[OwnDrillStats]) -> None:
        """Show ``drills``; the same drills as shown are updated in place (a rename keeps the
        row, its selection and an open editor), others replace the list."""
        fresh = {drill.id: drill for drill in drills}
        if self._drills and set(fresh) == {drill.id for drill in self._drills}:
            self._drills = [fresh[drill.id] for drill in self._drills]
            last = self.index(len(self._drills) - 1, len(OwnDrillColumn) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._drills = list(drills)
        self.endResetModel()

    def drill_at(self, row: int) -> OwnDrillStats:
        return self._drills[row]

    def row_of(self, drill_id: str) -> int | None:
        for row, drill in enumerate(self._drills):
            if drill.id == drill_id:
                return row
        return None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._drills)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(OwnDrillColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._titles.get(OwnDrillColumn(section)) if 0 <= section < 4 else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == OwnDrillColumn.NAME:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._drills):
            return None
        drill = self._drills[index.row()]
        column = OwnDrillColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(drill, column)
        if role == Qt.ItemDataRole.EditRole and column is OwnDrillColumn.NAME:
            return drill.name
        if role == Qt.ItemDataRole.ToolTipRole and column is OwnDrillColumn.NAME:
            return self.tr("Rename with F2 or a double click")
        if role == Qt.ItemDataRole.TextAlignmentRole and column is OwnDrillColumn.SETS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == SORT_ROLE:
            return self._sort_key(drill, column)
        if role == ID_ROLE:
            return drill.id
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() != OwnDrillColumn.NAME
        ):
            return False
        drill = self._drills[index.row()]
        name = str(value)
        if " ".join(name.split()) == drill.name:
            return False
        try:
            renamed = self._names.rename(drill.id, name)
        except DrillNameTaken as exc:
            self.refused.emit(self._taken_text(drill.name, exc))
            self.taken.emit(drill.id, exc.drill_id)
            return False
        except InvalidDrillName as exc:
            self.refused.emit(
                self.tr("{reason} “{name}” keeps its name.").format(reason=exc, name=drill.name)
            )
            return False
        except KeyError:
            self.refused.emit(self.tr("That drill is no longer in your log."))
            return False
        # DrillNames.changed has usually updated the row by now; this covers a view that
        # does not reload on it.
        row = self.row_of(drill.id)
        if row is not None and self._drills[row].name != renamed.name:
            self._drills[row] = OwnDrillStats(
                drill.id, renamed.name, drill.imported_as, drill.sets, drill.last_trained
            )
            self.dataChanged.emit(self.index(row, 0), self.index(row, 0))
        self.renamed.emit(drill.name, renamed.name)
        return True

    def _taken_text(self, name: str, taken: DrillNameTaken) -> str:
        if taken.own:
            text = self.tr(
                "“{taken}” is the name of another of your drills, and two drills cannot share "
                "a name. “{name}” keeps its name; if they are the same exercise, merge them."
            )
        else:
            text = self.tr(
                "“{taken}” is the name of one of Hinge's drills, and two drills cannot share a "
                "name. “{name}” keeps its name; if it is that drill, merge it into it."
            )
        return text.format(taken=taken.name, name=name)

    def _text(self, drill: OwnDrillStats, column: OwnDrillColumn) -> str:
        locale = QLocale()
        if column is OwnDrillColumn.NAME:
            return drill.name
        if column is OwnDrillColumn.SETS:
            return locale.toString(drill.sets)
        if column is OwnDrillColumn.LAST_TRAINED:
            if drill.last_trained is None:
                return self.tr("never")
            day = drill.last_trained.date()
            return locale.toString(QDate(day.year, day.month, day.day), "d MMM yyyy")
        return drill.imported_as

    @staticmethod
    def _sort_key(drill: OwnDrillStats, column: OwnDrillColumn) -> Any:
        if column is OwnDrillColumn.SETS:
            return drill.sets
        if column is OwnDrillColumn.LAST_TRAINED:
            return drill.last_trained.timestamp() if drill.last_trained is not None else 0.0
        text = drill.name if column is OwnDrillColumn.NAME else drill.imported_as
        return text.casefold()


def own_drill_list(model: QAbstractItemModel) -> QTreeView:
    """The list of one's own drills over ``model`` (the table, sorted): one row at a time is
    chosen, sorted by a click on a heading, the name wide and the numbers narrow."""
    view = QTreeView()
    view.setObjectName("ownDrillList")
    view.setModel(model)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    # Editing always starts on the name, whichever cell was clicked: see rename_selected.
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.sortByColumn(OwnDrillColumn.NAME, Qt.SortOrder.AscendingOrder)
    view.setItemDelegate(RoomyRows(view))
    header = view.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(OwnDrillColumn.NAME, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(OwnDrillColumn.IMPORTED_AS, QHeaderView.ResizeMode.Stretch)
    digits = view.fontMetrics().horizontalAdvance("000,000")
    header.setSectionResizeMode(OwnDrillColumn.SETS, QHeaderView.ResizeMode.Fixed)
    header.resizeSection(OwnDrillColumn.SETS, digits + 32)
    header.setSectionResizeMode(OwnDrillColumn.LAST_TRAINED, QHeaderView.ResizeMode.Fixed)
    last = QCoreApplication.translate("OwnDrillsView", "Last trained")
    dates = view.fontMetrics().horizontalAdvance(last + "00000")
    header.resizeSection(OwnDrillColumn.LAST_TRAINED, max(dates, digits * 2) + 32)
    return view
