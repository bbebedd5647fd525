"""The right of History's list of workouts: the open workout's title and details, its sets in
a table, and the buttons that edit a set or delete a set or the workout."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.ui.history.set_table_model import SetColumn, SetTableModel


class WorkoutSetsPane(QWidget):
    """Shows one workout's sets (:meth:`show_sets`); the buttons trigger the list's edit set,
    delete set and delete workout actions, whose shortcuts work in the whole list."""

    def __init__(
        self,
        set_model: SetTableModel,
        edit: QAction,
        delete_set: QAction,
        delete_workout: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workoutSets")
        self._set_model = set_model
        self.title = QLabel()
        self.title.setObjectName("workoutTitle")
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QLabel()
        self.details.setObjectName("workoutDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)

        self.set_table = QTableView()
        self.set_table.setObjectName("setTable")
        self.set_table.setAccessibleName(self.tr("Sets"))
        self.set_table.setModel(set_model)
        self.set_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.set_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.set_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.set_table.setAlternatingRowColors(True)
        self.set_table.setShowGrid(False)
        self.set_table.setWordWrap(False)
        self.set_table.verticalHeader().hide()
        self.set_table.verticalHeader().setDefaultSectionSize(
            self.set_table.fontMetrics().height() + 14
        )
        header = self.set_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SetColumn.NOTE, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)

        self.edit_button = _button("editSetButton", edit)
        self.delete_set_button = _button("deleteSetButton", delete_set)
        self.delete_workout_button = _button("deleteWorkoutButton", delete_workout)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addSpacing(4)
        layout.addWidget(self.set_table, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_set_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_workout_button)
        layout.addLayout(buttons)

    def show_sets(
        self,
        sets: Sequence[LoggedSet],
        title: str,
        details: str,
        *,
        set_id: int | None = None,
        set_row: int | None = None,
    ) -> None:
        """Show ``sets`` under ``title`` and ``details``, selecting the set ``set_id`` (or the
        one now at ``set_row`` if it is gone, or else the first)."""
        model = self._set_model
        model.set_sets(list(sets))
        self.title.setText(title)
        self.details.setText(details)
        row: int | None = None
        if set_id is not None:
            row = model.row_of(set_id)
            if row is None and set_row is not None:
                row = min(set_row, model.rowCount() - 1)
        if row is None and model.rowCount():
            row = 0
        if row is not None and row >= 0:
            self.set_table.selectRow(row)

    def clear(self) -> None:
        self._set_model.set_sets([])
        self.title.clear()
        self.details.clear()

    def selected_row(self) -> int | None:
        rows = self.set_table.selectionModel().selectedRows()
        return rows[0].row() if rows else None


def _button(name: str, action: QAction) -> QPushButton:
    button = QPushButton(action.text())
    button.setObjectName(name)
    button.setAccessibleName(action.text().rstrip("…"))
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    button.setToolTip(f"{action.text()} ({shortcut})")
    button.setMinimumHeight(34)
    button.clicked.connect(action.trigger)
    return button
