"""The training log: workouts newest first on the left, the open one's sets on the right; edit a
set, delete a set or a whole workout (after a confirmation, and undoable), quick-log a set.

Every change goes through the app's undo stack as a command that writes to the database
(:mod:`~hinge_desktop.ui.history.workout_list_edits`), and the view reloads whenever the log
changes (at once while shown, otherwise when shown next), so sets logged from other views show
up here too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.database import is_open
from hinge_desktop.storage.errors import DatabaseFailed
from hinge_desktop.storage.store import Store
from hinge_desktop.storage.workout_list_queries import (
    WORKOUT,
    EntryKey,
    LogEntry,
    WorkoutListQueries,
)
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.history.set_dialog import EditSetDialog, QuickLogDialog
from hinge_desktop.ui.history.set_table_model import SetTableModel
from hinge_desktop.ui.history.workout_delegate import WorkoutDelegate
from hinge_desktop.ui.history.workout_list_edits import WorkoutListEdits
from hinge_desktop.ui.history.workout_list_model import WorkoutListModel
from hinge_desktop.ui.history.workout_list_text import summary_text, when_text
from hinge_desktop.ui.history.workout_sets_pane import WorkoutSetsPane
from hinge_desktop.ui.log_changes import LogChanges
from hinge_desktop.ui.widgets.empty_state import EmptyState


class WorkoutListView(QWidget):
    """The log of workouts and their sets, with edit, delete and undo."""

    message = Signal(str)
    """A short note for the status bar, like "Set deleted — Ctrl+Z to undo"."""
    choose_drill_requested = Signal()
    """The empty log's button: show the drill library."""

    def __init__(
        self,
        store: Store,
        catalogue: Catalogue,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        names: DrillNames | None = None,
        log_changes: LogChanges | None = None,
    ) -> None:
        """``log_changes`` is the app's; a list built on its own hears only its own edits."""
        super().__init__(parent)
        self.setObjectName("logView")
        self._log_changes = log_changes if log_changes is not None else LogChanges(self)
        self.setAccessibleName(self.tr("Training log"))
        self._store = store
        self._shown_key: EntryKey | None = None
        self._refreshing = False
        self._stale = False

        # Drills of one's own show under their names; a rename shows at once.
        self._names = names if names is not None else DrillNames(catalogue, parent=self)
        self._names.changed.connect(self._names_changed)
        self.model = WorkoutListModel(
            WorkoutListQueries(store.db, store.sets), catalogue, self, names=self._names
        )
        self.set_model = SetTableModel(catalogue, self, names=self._names)
        self._edits = WorkoutListEdits(
            self,
            store,
            catalogue,
            self._names,
            undo_stack,
            self.model.source(),
            self._log_changes.announce,
        )
        self._edits.message.connect(self.message)
        self._edits.gone.connect(self.refresh)
        self._edits.quick_logged.connect(self._quick_logged)

        self.workout_list = QListView()
        self.workout_list.setObjectName("workoutList")
        self.workout_list.setAccessibleName(self.tr("Workouts"))
        self.workout_list.setModel(self.model)
        self.workout_list.setItemDelegate(WorkoutDelegate(self.workout_list))
        self.workout_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.workout_list.setUniformItemSizes(True)
        self.workout_list.setMouseTracking(True)
        self.workout_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.workout_list.selectionModel().currentChanged.connect(self._entry_changed)

        self.edit_action = self._action(
            "editSetAction",
            self.tr("Edit set…"),
            [QKeySequence(Qt.Key.Key_F2)],
            self.edit_selected_set,
        )
        self.delete_set_action = self._action(
            "deleteSetAction",
            self.tr("Delete set"),
            [QKeySequence(QKeySequence.StandardKey.Delete)],
            self.delete_selected_set,
        )
        self.delete_workout_action = self._action(
            "deleteWorkoutAction",
            self.tr("Delete workout"),
            [QKeySequence("Shift+Delete")],
            self.delete_selected_workout,
        )
        self.sets_pane = WorkoutSetsPane(
            self.set_model, self.edit_action, self.delete_set_action, self.delete_workout_action
        )
        self.set_table = self.sets_pane.set_table
        self.set_table.activated.connect(lambda _index: self.edit_selected_set())
        self.set_table.selectionModel().selectionChanged.connect(self._update_actions)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("logSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.workout_list)
        splitter.addWidget(self.sets_pane)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        self.workout_list.setMinimumWidth(280)
        splitter.setSizes([340, 740])

        choose = QPushButton(self.tr("Choose a drill"))
        choose.setObjectName("emptyLogChooseDrillButton")
        choose.setAccessibleName(self.tr("Choose a drill"))
        choose.setMinimumSize(180, 38)
        choose.clicked.connect(self.choose_drill_requested)
        self.empty = EmptyState(
            "history",
            self.tr("Nothing logged yet"),
            self.tr(
                "Start a drill or a routine and log your sets: each workout will be listed "
                "here with its sets, reps and loads. From a drill's page you can also "
                "quick-log a set without starting the player."
            ),
            action=choose,
        )
        self.empty.setObjectName("emptyLog")

        self._pages = QStackedWidget()
        self._pages.addWidget(self.empty)
        self._content = splitter
        self._pages.addWidget(splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._pages)

        self._log_changes.changed.connect(self.mark_stale)
        self.refresh()

    # Public ----------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Reload the log from the database, keeping the workout and the set selected (or the
        one that took a deleted one's place)."""
        self._stale = False
        key = self._shown_key
        row = self.workout_list.currentIndex().row()
        set_id = self._selected_set_id()
        set_row = self._selected_set_row()
        self._refreshing = True
        try:
            self.model.reload()
            empty = self.model.rowCount() == 0
            self._pages.setCurrentWidget(self.empty if empty else self._content)
            if empty:
                self._show_entry(None)
                return
            found = self.model.row_of(key) if key is not None else None
            same = found is not None
            if found is None:
                found = min(max(row, 0), self.model.rowCount() - 1)
            self._select_row(found)
        finally:
            self._refreshing = False
        if same:
            self._show_entry(self.model.entry(found), set_id=set_id, set_row=set_row)
        else:
            self._show_entry(self.model.entry(found))

    @Slot()
    def mark_stale(self) -> None:
        """The log changed: reload now if shown, else when next shown."""
        if not self.isVisible():
            # Logging from the player should not pay for a view nobody sees: reload on show.
            self._stale = True
            return
        try:
            self.refresh()
        except DatabaseFailed:
            # A change said after the database was closed (as the app shuts down): there is
            # nothing left to show.
            if is_open(self._store.db):
                raise

    def select_workout(self, workout_id: int) -> bool:
        """Open a workout (for "show in log" after it ends); False if it is not in the log."""
        return self._select_key((WORKOUT, workout_id))

    def shown_entry(self) -> LogEntry | None:
        row = self.workout_list.currentIndex().row()
        return self.model.entry(row) if row >= 0 else None

    def selected_set(self) -> LoggedSet | None:
        row = self._selected_set_row()
        return self.set_model.set_at(row) if row is not None else None

    @Slot()
    def edit_selected_set(self) -> EditSetDialog | None:
        """Open the edit dialog for the selected set; saving pushes the change on the stack."""
        logged = self.selected_set()
        return None if logged is None else self._edits.edit(logged)

    @Slot()
    def delete_selected_set(self) -> QMessageBox | None:
        logged = self.selected_set()
        return None if logged is None else self._edits.delete_set(logged)

    @Slot()
    def delete_selected_workout(self) -> QMessageBox | None:
        entry = self.shown_entry()
        if entry is None or entry.in_progress:
            return None
        return self._edits.delete_entry(entry, self.model.title(entry))

    @Slot(str)
    def quick_log(self, drill_id: str) -> QuickLogDialog | None:
        """Open the quick-log dialog for a drill; saving logs the set outside any workout."""
        return self._edits.quick_log(drill_id)

    # Inside ----------------------------------------------------------------------------------

    def _action(self, name: str, text: str, keys: list[QKeySequence], slot: Any) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def _names_changed(self) -> None:
        self.mark_stale()

    def _select_key(self, key: EntryKey) -> bool:
        row = self.model.row_of(key)
        while row is None and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(key)
        if row is None:
            return False
        self._select_row(row)
        return True

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.workout_list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.workout_list.scrollTo(index)

    def _entry_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._refreshing:
            entry = self.model.entry(current.row())
            if entry.key != self._shown_key:
                self._show_entry(entry)

    def _show_entry(
        self, entry: LogEntry | None, *, set_id: int | None = None, set_row: int | None = None
    ) -> None:
        self._shown_key = entry.key if entry is not None else None
        if entry is None:
            self.sets_pane.clear()
            self._update_actions()
            return
        details = [when_text(entry), summary_text(entry, self._names)]
        if entry.in_progress:
            details.append(self.tr("in progress"))
        if entry.is_quick:
            details.append(self.tr("logged outside a workout"))
        text = " · ".join(details)
        if entry.workout is not None and entry.workout.notes:
            text += "\n" + entry.workout.notes
        self.sets_pane.show_sets(
            self.model.source().sets_of(entry.key),
            self.model.title(entry),
            text,
            set_id=set_id,
            set_row=set_row,
        )
        self._update_actions()

    def _selected_set_row(self) -> int | None:
        return self.sets_pane.selected_row()

    def _selected_set_id(self) -> int | None:
        logged = self.selected_set()
        return logged.id if logged is not None else None

    def _update_actions(self) -> None:
        has_set = self._selected_set_row() is not None
        entry = self.shown_entry() if self._shown_key is not None else None
        self.edit_action.setEnabled(has_set)
        self.delete_set_action.setEnabled(has_set)
        can_delete = entry is not None and not entry.in_progress
        self.delete_workout_action.setEnabled(can_delete)
        quick = entry is not None and entry.is_quick
        text = self.tr("Delete day's quick log") if quick else self.tr("Delete workout")
        self.delete_workout_action.setText(text)
        self.sets_pane.delete_workout_button.setText(text)
        self.sets_pane.delete_workout_button.setAccessibleName(text)
        for button, action in (
            (self.sets_pane.edit_button, self.edit_action),
            (self.sets_pane.delete_set_button, self.delete_set_action),
            (self.sets_pane.delete_workout_button, self.delete_workout_action),
        ):
            button.setEnabled(action.isEnabled())
        if entry is not None and entry.in_progress:
            tip = self.tr("A workout in progress can be deleted once it has ended.")
        else:
            keys = self.delete_workout_action.shortcut()
            tip = f"{text} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})"
        self.sets_pane.delete_workout_button.setToolTip(tip)

    def _quick_logged(self, key: EntryKey) -> None:
        if self._stale:
            self.refresh()
        self._select_key(key)
