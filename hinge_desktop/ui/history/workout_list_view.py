"""The training log: workouts newest first on the left, the open one's sets on the right; edit a
set, delete a set or a whole workout (after a confirmation, and undoable), quick-log a set.

Every change goes through the app's undo stack as a command that writes to the database, and the
view reloads whenever that stack moves (at once while shown, otherwise when shown next), so sets
logged from other views show up here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QMargins,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QShowEvent,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.database import is_open
from hinge_desktop.storage.errors import DatabaseFailed
from hinge_desktop.storage.sets import SetRepository
from hinge_desktop.storage.store import Store
from hinge_desktop.storage.workout_list_queries import (
    QUICK,
    WORKOUT,
    EntryKey,
    LogEntry,
    WorkoutListQueries,
    local_day,
)
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.history.set_dialog import EditSetDialog, QuickLogDialog, stand_in_drill
from hinge_desktop.ui.history.workout_list_model import (
    LogRole,
    SetColumn,
    SetTableModel,
    WorkoutListModel,
    drill_name,
    summary_text,
    when_text,
)
from hinge_desktop.ui.set_commands import DeleteSet, DeleteWorkout, EditSet, LogSet
from hinge_desktop.ui.widgets.card_delegate import Card, CardDelegate
from hinge_desktop.ui.widgets.dialogs import confirm_delete
from hinge_desktop.ui.widgets.empty_state import EmptyState

ModelIndex = QModelIndex | QPersistentModelIndex


def _nothing() -> None:
    """The commands' own callback: the stack's ``indexChanged`` follows every push, undo and
    redo, and that reloads the view once."""


class _DeleteSets(QUndoCommand):
    """Delete several sets (a day of quick logs) in one transaction; undo puts all back."""

    def __init__(self, store: Store, sets: Sequence[LoggedSet], text: str) -> None:
        super().__init__(text)
        self._db = store.db
        self._deletes = [DeleteSet(store.sets, logged, _nothing) for logged in sets]

    def redo(self) -> None:
        with self._db.atomic():
            for command in self._deletes:
                command.redo()

    def undo(self) -> None:
        with self._db.atomic():
            for command in reversed(self._deletes):
                command.undo()


class WorkoutDelegate(CardDelegate):
    """Three lines per workout: what was trained (and a marker while in progress), when and
    how long, then drills, sets, reps and load."""

    PADDING = 10
    WIDTH = 240
    SEPARATOR = True

    def margins(self) -> QMargins:
        return QMargins(self.PADDING + 2, self.PADDING, self.PADDING, self.PADDING)

    def card_height(self, metrics: QFontMetrics) -> int:
        return metrics.height() * 3 + 6 + 2 * self.PADDING

    def lines(self, index: ModelIndex) -> list[tuple[str, bool]]:
        return [(str(index.data(LogRole.WHEN)), False), (str(index.data(LogRole.SUMMARY)), True)]

    def paint_mark(
        self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex, card: Card
    ) -> int:
        """The "in progress" badge of the workout being trained."""
        if not index.data(LogRole.IN_PROGRESS):
            return 6
        palette = option.palette
        badge = self.tr("in progress")
        badge_font = QFont(option.font)
        badge_font.setPointSizeF(badge_font.pointSizeF() * 0.85)
        badge_font.setBold(True)
        badge_width = QFontMetrics(badge_font).horizontalAdvance(badge) + 14
        inner = card.inner
        badge_rect = QRect(inner.right() - badge_width, inner.top() + 1, badge_width, card.line - 2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(card.text if card.selected else palette.color(palette.ColorRole.Link))
        painter.drawRoundedRect(badge_rect, badge_rect.height() / 2, badge_rect.height() / 2)
        painter.setFont(badge_font)
        painter.setPen(palette.highlight().color() if card.selected else palette.base().color())
        painter.drawText(badge_rect, int(Qt.AlignmentFlag.AlignCenter), badge)
        return badge_width + 6


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
    ) -> None:
        super().__init__(parent)
        self.setObjectName("logView")
        self.setAccessibleName(self.tr("Training log"))
        self._store = store
        self._catalogue = catalogue
        self._undo = undo_stack
        self._sets: SetRepository = store.sets
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
        self.set_table.setModel(self.set_model)
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
        self.set_table.activated.connect(lambda _index: self.edit_selected_set())
        self.set_table.selectionModel().selectionChanged.connect(self._update_actions)

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
        self.edit_button = self._button("editSetButton", self.edit_action)
        self.delete_set_button = self._button("deleteSetButton", self.delete_set_action)
        self.delete_workout_button = self._button("deleteWorkoutButton", self.delete_workout_action)

        right = QWidget()
        right.setObjectName("workoutSets")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(16, 8, 8, 8)
        right_layout.setSpacing(6)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.details)
        right_layout.addSpacing(4)
        right_layout.addWidget(self.set_table, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_set_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_workout_button)
        right_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("logSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.workout_list)
        splitter.addWidget(right)
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

        undo_stack.indexChanged.connect(self._stack_moved)
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

    def mark_stale(self) -> None:
        """The log changed outside the undo stack's moves (an import stored on another
        thread): reload now if shown, else when next shown."""
        self._stack_moved(0)

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
        if logged is None:
            return None
        dialog = EditSetDialog(logged, self._drill_for(logged), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save_edit(logged, dialog.edited_set()))
        dialog.open()
        return dialog

    @Slot()
    def delete_selected_set(self) -> QMessageBox | None:
        logged = self.selected_set()
        if logged is None:
            return None
        return self._confirm(
            "confirmDeleteSet",
            self.tr("Delete this set?"),
            self.tr("Set {number} of {drill} will be deleted. Ctrl+Z brings it back.").format(
                number=logged.set_number, drill=drill_name(logged.drill_id, self._names)
            ),
            lambda: self._delete_set(logged),
        )

    @Slot()
    def delete_selected_workout(self) -> QMessageBox | None:
        entry = self.shown_entry()
        if entry is None or entry.in_progress:
            return None
        return self._confirm(
            "confirmDeleteWorkout",
            self.tr("Delete this workout?")
            if not entry.is_quick
            else self.tr("Delete these sets?"),
            self.tr(
                "{title}, {when}: all {count} sets will be deleted. Ctrl+Z brings them back."
            ).format(title=self.model.title(entry), when=when_text(entry), count=entry.set_count),
            lambda: self._delete_entry(entry),
        )

    @Slot(str)
    def quick_log(self, drill_id: str) -> QuickLogDialog | None:
        """Open the quick-log dialog for a drill; saving logs the set outside any workout."""
        if drill_id not in self._catalogue:
            return None
        drill = self._catalogue.get(drill_id)
        dialog = QuickLogDialog(drill, self._recent_sets(drill_id), self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._log_quick(dialog.logged_set()))
        dialog.open()
        return dialog

    # Inside ----------------------------------------------------------------------------------

    def _recent_sets(self, drill_id: str) -> list[LoggedSet]:
        """The drill's sets of last time, and any quick-logged today (last time may be a
        workout done after them), oldest first."""
        found = {s.id: s for s in self._sets.last_time(drill_id)}
        today = local_day(datetime.now().astimezone())
        for logged in self.model.source().sets_of((QUICK, today)):
            if logged.drill_id == drill_id:
                found[logged.id] = logged
        return sorted(found.values(), key=lambda s: (s.performed_at.timestamp(), s.id or 0))

    def _action(self, name: str, text: str, keys: list[QKeySequence], slot: Any) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _button(self, name: str, action: QAction) -> QPushButton:
        button = QPushButton(action.text())
        button.setObjectName(name)
        button.setAccessibleName(action.text().rstrip("…"))
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{action.text()} ({shortcut})")
        button.setMinimumHeight(34)
        button.clicked.connect(action.trigger)
        return button

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def _stack_moved(self, _index: int) -> None:
        if not self.isVisible():
            # Logging from the player should not pay for a view nobody sees: reload on show.
            self._stale = True
            return
        try:
            self.refresh()
        except DatabaseFailed:
            # A stack cleared as the app shuts down, after the database was closed: there is
            # nothing left to show.
            if is_open(self._store.db):
                raise

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
            self.set_model.set_sets([])
            self.title.clear()
            self.details.clear()
            self._update_actions()
            return
        self.set_model.set_sets(self.model.source().sets_of(entry.key))
        self.title.setText(self.model.title(entry))
        details = [when_text(entry), summary_text(entry, self._names)]
        if entry.in_progress:
            details.append(self.tr("in progress"))
        if entry.is_quick:
            details.append(self.tr("logged outside a workout"))
        text = " · ".join(details)
        if entry.workout is not None and entry.workout.notes:
            text += "\n" + entry.workout.notes
        self.details.setText(text)
        row: int | None = None
        if set_id is not None:
            row = self.set_model.row_of(set_id)
            if row is None and set_row is not None:
                row = min(set_row, self.set_model.rowCount() - 1)
        if row is None and self.set_model.rowCount():
            row = 0
        if row is not None and row >= 0:
            self.set_table.selectRow(row)
        self._update_actions()

    def _selected_set_row(self) -> int | None:
        rows = self.set_table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

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
        self.delete_workout_button.setText(text)
        self.delete_workout_button.setAccessibleName(text)
        for button, action in (
            (self.edit_button, self.edit_action),
            (self.delete_set_button, self.delete_set_action),
            (self.delete_workout_button, self.delete_workout_action),
        ):
            button.setEnabled(action.isEnabled())
        if entry is not None and entry.in_progress:
            tip = self.tr("A workout in progress can be deleted once it has ended.")
        else:
            keys = self.delete_workout_action.shortcut()
            tip = f"{text} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})"
        self.delete_workout_button.setToolTip(tip)

    def _drill_for(self, logged: LoggedSet) -> Drill:
        if logged.drill_id in self._catalogue:
            return self._catalogue.get(logged.drill_id)
        stand_in = stand_in_drill(logged, next(iter(self._catalogue)))
        return replace(stand_in, name=self._names.name(logged.drill_id))

    def _confirm(self, name: str, question: str, detail: str, on_yes: Any) -> QMessageBox:
        return confirm_delete(
            self, name, question, question, on_yes, detail=detail, delete_by_default=True
        )

    def _still_stored(self, logged: LoggedSet) -> LoggedSet | None:
        if logged.id is None:
            return None
        try:
            return self._sets.get(logged.id)
        except KeyError:
            self.message.emit(self.tr("That set is no longer in the log."))
            self.refresh()
            return None

    def _delete_set(self, logged: LoggedSet) -> None:
        current = self._still_stored(logged)
        if current is None:
            return
        self._undo.push(DeleteSet(self._sets, current, _nothing))
        self.message.emit(self.tr("Set deleted — Ctrl+Z to undo"))

    def _delete_entry(self, entry: LogEntry) -> None:
        if entry.key[0] == WORKOUT:
            try:
                self._store.workouts.get(entry.key[1])
            except KeyError:
                self.refresh()
                return
            self._undo.push(DeleteWorkout(self._store.workouts, entry.key[1], _nothing))
            self.message.emit(self.tr("Workout deleted — Ctrl+Z to undo"))
            return
        sets = self.model.source().sets_of(entry.key)
        if not sets:
            self.refresh()
            return
        self._undo.push(_DeleteSets(self._store, sets, self.tr("Delete quick log")))
        self.message.emit(self.tr("Sets deleted — Ctrl+Z to undo"))

    def _save_edit(self, before: LoggedSet, after: LoggedSet) -> None:
        current = self._still_stored(before)
        if current is None or current == after:
            return
        self._undo.push(EditSet(self._sets, current, after, _nothing))
        self.message.emit(self.tr("Set changed — Ctrl+Z to undo"))

    def _log_quick(self, logged: LoggedSet) -> None:
        self._undo.push(LogSet(self._sets, logged, _nothing))
        if self._stale:
            self.refresh()
        self._select_key((QUICK, local_day(logged.performed_at)))
        self.message.emit(self.tr("Set logged — Ctrl+Z to undo"))
