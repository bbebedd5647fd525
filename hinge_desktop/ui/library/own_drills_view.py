"""Library → Your drills: the drills of one's own that imports brought, with how much each was
trained and the name it had in the other app; renamed in place (F2, a double click or Rename).

A rename goes through the shared :class:`DrillNames`, so the log, the progress charts and the
routines say the new name at once.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.storage.custom_drills import InvalidDrillName
from hinge_desktop.storage.own_drill_stats import OwnDrillStats, OwnDrillStatsReader
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.widgets.colours import ERROR_STYLE
from hinge_desktop.ui.widgets.empty_state import EmptyState
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


class OwnDrillsView(QWidget):
    """The drills of one's own, or a sentence saying where they come from."""

    message = Signal(str)
    """A line for the status bar."""

    def __init__(
        self, names: DrillNames, stats: OwnDrillStatsReader, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ownDrillsView")
        self.setAccessibleName(self.tr("Your drills"))
        self._names = names
        self._stats = stats
        self._stale = True

        self.model = OwnDrillModel(names, self)
        self.model.refused.connect(self._refused)
        self.model.renamed.connect(self._renamed)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setDynamicSortFilter(True)

        self.list = QTreeView()
        self.list.setObjectName("ownDrillList")
        self.list.setAccessibleName(self.tr("Your drills"))
        self.list.setModel(self.proxy)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Editing always starts on the name, whichever cell was clicked: see rename_selected.
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSortingEnabled(True)
        self.list.sortByColumn(OwnDrillColumn.NAME, Qt.SortOrder.AscendingOrder)
        self.list.doubleClicked.connect(lambda _index: self.rename_selected())
        self.list.setItemDelegate(RoomyRows(self.list))
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(OwnDrillColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(OwnDrillColumn.IMPORTED_AS, QHeaderView.ResizeMode.Stretch)
        digits = self.list.fontMetrics().horizontalAdvance("000,000")
        header.setSectionResizeMode(OwnDrillColumn.SETS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(OwnDrillColumn.SETS, digits + 32)
        header.setSectionResizeMode(OwnDrillColumn.LAST_TRAINED, QHeaderView.ResizeMode.Fixed)
        dates = self.list.fontMetrics().horizontalAdvance(self.tr("Last trained") + "00000")
        header.resizeSection(OwnDrillColumn.LAST_TRAINED, max(dates, digits * 2) + 32)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_button())

        self.rename_action = QAction(self.tr("Rename…"), self)
        self.rename_action.setObjectName("renameOwnDrillAction")
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.rename_action.triggered.connect(self.rename_selected)
        self.addAction(self.rename_action)
        self.rename_button = QPushButton(self.tr("Rename"))
        self.rename_button.setObjectName("renameOwnDrillButton")
        self.rename_button.setAccessibleName(self.tr("Rename the drill"))
        self.rename_button.setToolTip(self.tr("Rename the selected drill (F2)"))
        self.rename_button.setMinimumHeight(34)
        self.rename_button.clicked.connect(self.rename_selected)

        title = QLabel(self.tr("Your drills"))
        title.setObjectName("ownDrillsTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Exercises from other apps that Hinge has no drill for. Their sets are in your "
                "log under these names; give them the names you like."
            )
        )
        intro.setObjectName("ownDrillsIntro")
        intro.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("ownDrillMessage")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setStyleSheet(ERROR_STYLE)
        self.notice.hide()

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.rename_button)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(8)
        column.addLayout(top)
        column.addWidget(intro)
        column.addWidget(self.list, 1)
        column.addWidget(self.notice)

        self.empty = EmptyState(
            "drills",
            self.tr("No drills of your own yet"),
            self.tr(
                "Drills of your own appear here after an import from another app (File → "
                "Import): exercises Hinge has no drill for, such as a bench press, keep their "
                "sets under their own names, and you can rename them here."
            ),
        )
        self.empty.setObjectName("ownDrillsEmpty")
        self._pages = QStackedWidget()
        self._pages.addWidget(self.empty)
        self._pages.addWidget(content)
        self._content = content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._pages)

        names.changed.connect(self.mark_stale)
        self._update_button()

    # Public ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the drills and their sets again."""
        self._stale = False
        selected = self.selected_drill_id()
        self.model.set_drills(self._stats.all())
        empty = self.model.rowCount() == 0
        self._pages.setCurrentWidget(self.empty if empty else self._content)
        if selected is not None:
            self.select_drill(selected)
        elif not empty and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
        self._update_button()

    def mark_stale(self) -> None:
        """The log or the names changed: read again now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def selected_drill_id(self) -> str | None:
        index = self.list.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def select_drill(self, drill_id: str) -> bool:
        row = self.model.row_of(drill_id)
        if row is None:
            return False
        self.list.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))
        return True

    def rename_selected(self) -> None:
        """Edit the selected drill's name in place."""
        index = self.list.currentIndex()
        if not index.isValid():
            return
        name = index.siblingAtColumn(OwnDrillColumn.NAME)
        self.list.setCurrentIndex(name)
        self.list.setFocus()
        self.list.edit(name)

    # Inside ----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def _update_button(self) -> None:
        has = self.list.currentIndex().isValid()
        self.rename_button.setEnabled(has)
        self.rename_action.setEnabled(has)

    def _refused(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def _renamed(self, old: str, new: str) -> None:
        self.notice.hide()
        self.message.emit(
            self.tr("“{old}” is now “{new}” everywhere in Hinge.").format(old=old, new=new)
        )
