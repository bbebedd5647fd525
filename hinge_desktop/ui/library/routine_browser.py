"""The left of Library → Routines: its title, the New routine button and the list of routines,
the person's own first, then the built-in ones, under headings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.plan import DrillLookup
from hinge_desktop.ui.library.routine_model import RoutineDelegate, RoutineListModel


class RoutineBrowser(QWidget):
    """The list (:attr:`list` over :attr:`model`) and :attr:`new_button`; the routines view
    connects them."""

    def __init__(
        self, parent: QWidget | None = None, *, catalogue: DrillLookup | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("routineBrowser")
        self.model = RoutineListModel(self, catalogue=catalogue)
        self.list = QListView()
        self.list.setObjectName("routineList")
        self.list.setAccessibleName(self.tr("Routines"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(RoutineDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMouseTracking(True)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        self.new_button = QPushButton(self.tr("New routine"))
        self.new_button.setObjectName("newRoutineButton")
        self.new_button.setAccessibleName(self.tr("New routine"))
        self.new_button.setToolTip(self.tr("Make an empty routine of your own (Ctrl+N)"))
        title = QLabel(self.tr("Routines"))
        title.setObjectName("routinesTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.new_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 6, 12)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        self.setMinimumWidth(200)
