"""The drills of a routine as a table: number, drill and dose, one row each, a long name wrapped
onto a second line rather than cut."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyleOptionViewItem,
    QTreeWidget,
    QWidget,
)

from hinge_desktop.ui.widgets.roomy_rows import RoomyRows

DRILL_COLUMN = 1


class _WrappedRows(RoomyRows):
    """Rows as tall as the drill's name needs at the width of its column."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if index.column() != DRILL_COLUMN:
            # The other columns are as wide as their texts.
            return super().sizeHint(option, index)
        measured = QStyleOptionViewItem(option)
        # The style wraps the text only within a valid rectangle (some height, too).
        measured.rect = QRect(
            0, 0, self._tree.header().sectionSize(index.column()), max(1, option.rect.height())
        )
        return super().sizeHint(measured, index)


class RoutineEntries(QTreeWidget):
    """The table of a routine's drills (``routineEntries``); the editor fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routineEntries")
        self.setAccessibleName(self.tr("Drills of the routine"))
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("#"), self.tr("Drill"), self.tr("Dose")])
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Long names wrap rather than being cut; the rows get their room from a delegate, not a
        # style sheet, so they keep the palette's colours (dark ones too).
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(_WrappedRows(self))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DRILL_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self._width = -1
        header.sectionResized.connect(self._column_resized)

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        # A narrower drill column may need taller rows: measure them again.
        if column == DRILL_COLUMN and new != self._width:
            self._width = new
            self.scheduleDelayedItemsLayout()
