"""Routines: the built-in ones and the person's own, edited in place and started in the player.

Every change is saved as it is made; a change that cannot be saved is refused where it was made,
with a message, and the routine is shown as it still is on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.plan import InvalidPlan, PlanEntry
from hinge_desktop.domain.routines import MAX_NAME_LENGTH, Routine, builtin_routines
from hinge_desktop.storage.errors import DatabaseFailed
from hinge_desktop.storage.routines import RoutineRepository
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.library.routine_browser import RoutineBrowser
from hinge_desktop.ui.library.routine_deletion import RoutineDeletion
from hinge_desktop.ui.library.routine_editor import RoutineEditor
from hinge_desktop.ui.library.routine_model import (
    RoutineRole,
    routine_name,
)

T = TypeVar("T")

SAVE_ERRORS = (InvalidPlan, LookupError, DatabaseFailed)


class RoutinesView(QWidget):
    """The list of routines on the left, the chosen one on the right."""

    start_requested = Signal(object)
    """The :class:`WorkoutPlan` of the routine to run in the player."""
    message = Signal(str)
    """A line for the status bar."""
    routines_changed = Signal()
    """The person's routines were created, renamed, deleted or reordered."""

    def __init__(
        self,
        catalogue: Catalogue,
        repository: RoutineRepository,
        parent: QWidget | None = None,
        *,
        names: DrillNames | None = None,
        undo_stack: QUndoStack | None = None,
        rung: Phase = Phase.CHECK,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("routinesView")
        self.setAccessibleName(self.tr("Routines"))
        self._catalogue = catalogue
        self._repository = repository
        self._rung = rung
        self._builtin = builtin_routines(catalogue, rung)
        self._undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)

        browser = RoutineBrowser(catalogue=catalogue)
        self.model, self.list, self.new_button = browser.model, browser.list, browser.new_button
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.doubleClicked.connect(lambda _index: self._focus_start())
        self.new_button.clicked.connect(self.new_routine)
        self._deletion = RoutineDeletion(self, repository, self._undo_stack, SAVE_ERRORS)
        self._deletion.deleted.connect(self._deleted)
        self._deletion.restored.connect(self._restored)
        self._deletion.failed.connect(self._fail)

        self.editor = RoutineEditor(catalogue, names=names)
        self.editor.changed.connect(self._save)
        self.editor.refused.connect(self.message)
        self.editor.start_button.clicked.connect(self.start_current)
        self.editor.duplicate_button.clicked.connect(self.duplicate_current)
        self.editor.delete_button.clicked.connect(self.ask_delete)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("routinesSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(browser)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._action(
            "newRoutineAction",
            self.tr("New routine"),
            QKeySequence(QKeySequence.StandardKey.New),
            self.new_routine,
            self,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self._action(
            "moveRoutineUpAction",
            self.tr("Move the routine up"),
            QKeySequence(self.tr("Ctrl+Up")),
            lambda: self.move_current(-1),
            self.list,
            Qt.ShortcutContext.WidgetShortcut,
        )
        self._action(
            "moveRoutineDownAction",
            self.tr("Move the routine down"),
            QKeySequence(self.tr("Ctrl+Down")),
            lambda: self.move_current(1),
            self.list,
            Qt.ShortcutContext.WidgetShortcut,
        )
        self._action(
            "renameRoutineAction",
            self.tr("Rename the routine"),
            QKeySequence(Qt.Key.Key_F2),
            self.focus_name,
            self,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.setFocusProxy(self.list)
        self.reload()

    def _action(
        self,
        name: str,
        text: str,
        keys: QKeySequence,
        slot: Callable[[], object],
        owner: QWidget,
        context: Qt.ShortcutContext,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(keys)
        action.setShortcutContext(context)
        action.triggered.connect(slot)
        owner.addAction(action)
        return action

    # Reading -----------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Read the person's routines again and show ``select`` (default: the one shown)."""
        shown = self.editor.routine()
        if select is None and shown is not None:
            select = shown.id
        try:
            own = self._repository.all()
        except SAVE_ERRORS as error:
            own = ()
            self._fail(self.tr("Your routines could not be read: {error}").format(error=error))
        self.model.set_routines(own, self._builtin)
        row = self.model.row_of(select) if select else -1
        if row < 0:
            rows = self.model.routine_rows()
            row = rows[0] if rows else -1
        if row >= 0:
            self._set_current(row)
        else:
            self.editor.show_routine(None)

    def set_rung(self, rung: Phase) -> None:
        """The rung the person has reached: the assistance routines offer its lifts."""
        if rung is not self._rung:
            self._rung = rung
            self._builtin = builtin_routines(self._catalogue, rung)
            self.reload()

    def routine_names(self) -> list[tuple[str, str]]:
        """(id, name) of each of the person's routines, in their order."""
        try:
            return [(routine.id, routine.name) for routine in self._repository.all()]
        except SAVE_ERRORS:
            return []

    def current_routine(self) -> Routine | None:
        return self.editor.routine()

    def select_routine(self, routine_id: str) -> None:
        row = self.model.row_of(routine_id)
        if row >= 0:
            self._set_current(row)

    def _set_current(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.list.scrollTo(index)
        # A model reset keeps no current row: show the routine even if the row number is the
        # same as before.
        self._show_row(row)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_row(current.row())

    def _show_row(self, row: int) -> None:
        routine = self.model.routine(row)
        if routine is not None:
            shown = self.editor.routine()
            if shown is None or shown != routine:
                self.editor.show_routine(routine)

    def _focus_start(self) -> None:
        self.editor.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_name(self) -> None:
        routine = self.editor.routine()
        if routine is not None and not routine.builtin:
            self.editor.name.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.editor.name.selectAll()

    # Changes -----------------------------------------------------------------------------

    def _attempt(self, work: Callable[[], T]) -> T | None:
        """Run one change; a refused or failed one is reported and nothing is changed."""
        try:
            return work()
        except SAVE_ERRORS as error:
            self._fail(str(error))
            return None

    def _fail(self, text: str) -> None:
        self.editor.show_error(text)
        self.message.emit(text)

    def _save(self, routine: Routine, entry: int) -> None:
        before = self.editor.routine()
        saved = self._attempt(lambda: self._repository.save(routine))
        if saved is None:
            # Show what is still on disk, with the message the failure left.
            error = self.editor.error.text()
            if before is not None:
                self.editor.show_routine(before)
            self.editor.show_error(error)
            return
        renamed = before is not None and before.name != saved.name
        self.model.set_routines(self._own(), self._builtin)
        row = self.model.row_of(saved.id)
        blocked = self.list.selectionModel().blockSignals(True)
        self.list.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.list.selectionModel().blockSignals(blocked)
        self.editor.show_routine(saved, entry)
        if renamed:
            self.routines_changed.emit()

    def _own(self) -> tuple[Routine, ...]:
        try:
            return self._repository.all()
        except SAVE_ERRORS:
            return ()

    def _unused_name(self, base: str) -> str:
        names = {routine.name for routine in self._own()}
        if base not in names:
            return base
        number = 2
        while f"{base} {number}" in names:
            number += 1
        return f"{base} {number}"[:MAX_NAME_LENGTH]

    @Slot()
    def new_routine(self) -> Routine | None:
        """An empty routine, shown with its name selected so that typing names it."""
        name = self._unused_name(self.tr("New routine"))
        routine = self._attempt(lambda: self._repository.create(name))
        if routine is None:
            return None
        self.reload(routine.id)
        self.routines_changed.emit()
        self.message.emit(self.tr("Made “{name}”: add drills from the library.").format(name=name))
        self.focus_name()
        return routine

    @Slot()
    def duplicate_current(self) -> Routine | None:
        routine = self.editor.routine()
        if routine is None:
            return None
        if routine.builtin:
            name = self._unused_name(routine_name(routine))
            copy = self._attempt(lambda: self._repository.create_from(routine, name))
        else:
            copy = self._attempt(lambda: self._repository.duplicate(routine.id))
        if copy is None:
            return None
        self.reload(copy.id)
        self.routines_changed.emit()
        self.message.emit(self.tr("Made “{name}”.").format(name=copy.name))
        return copy

    @Slot()
    def ask_delete(self) -> None:
        """Ask before deleting the routine shown; the question does not block."""
        routine = self.editor.routine()
        if routine is None or routine.builtin:
            return
        self._deletion.ask(routine)

    def delete_routine(self, routine_id: str) -> None:
        """Delete at once, on the undo stack, so that Edit → Undo brings the routine back."""
        self._deletion.delete(routine_id)

    def _deleted(self, routine: Routine, position: int) -> None:
        own = self._own()
        self.reload(own[min(position, len(own) - 1)].id if own else None)
        self.routines_changed.emit()
        self.message.emit(
            self.tr("Deleted “{name}”. Edit → Undo (Ctrl+Z) brings it back.").format(
                name=routine.name
            )
        )

    def _restored(self, routine: Routine) -> None:
        self.reload(routine.id)
        self.routines_changed.emit()
        self.message.emit(self.tr("“{name}” is back.").format(name=routine.name))

    def move_current(self, step: int) -> None:
        """Move the person's routine shown up (-1) or down (1) in their list."""
        routine = self.editor.routine()
        if routine is None or routine.builtin:
            return
        position = self._attempt(lambda: self._repository.position(routine.id))
        if position is None or position + step < 0:
            return

        def move() -> bool:
            self._repository.move(routine.id, position + step)
            return True

        if not self._attempt(move):
            return
        self.reload(routine.id)
        self.routines_changed.emit()

    @Slot(str, str)
    def add_drill(self, drill_id: str, routine_id: str) -> None:
        """Add a drill at its default dose to a routine, or (for an empty ``routine_id``) to a
        new routine named after the drill."""
        if drill_id not in self._catalogue:
            self._fail(self.tr("There is no drill {id} in the library.").format(id=drill_id))
            return
        drill = self._catalogue.get(drill_id)
        entry = PlanEntry.of(drill)
        if routine_id:
            routine = self._attempt(lambda: self._repository.add_drill(routine_id, entry))
        else:
            name = self._unused_name(drill.name)

            def create() -> Routine:
                made = self._repository.create(name)
                try:
                    return self._repository.add_drill(made.id, entry)
                except SAVE_ERRORS:
                    self._repository.delete(made.id)
                    raise

            routine = self._attempt(create)
        if routine is None:
            return
        self.reload(routine.id)
        self.editor.show_routine(routine, len(routine.entries) - 1)
        self.routines_changed.emit()
        self.message.emit(
            self.tr("Added {drill} to “{routine}”.").format(drill=drill.name, routine=routine.name)
        )

    @Slot()
    def start_current(self) -> None:
        routine = self.editor.routine()
        if routine is None:
            return
        try:
            plan = routine.to_plan()
            plan.drills(self._catalogue)
        except InvalidPlan as error:
            self._fail(str(error))
            return
        self.start_requested.emit(plan)


__all__ = ["RoutineRole", "RoutinesView"]
