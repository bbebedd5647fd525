"""One routine, shown and edited: its name, its drills in order with their doses, its rounds.

The editor never writes anything itself: each change is offered as a new :class:`Routine`
through :attr:`RoutineEditor.changed`, and the view that owns the repository saves it (or
refuses it and shows the routine as it was, with :meth:`RoutineEditor.show_error`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.plan import InvalidPlan
from hinge_desktop.domain.routines import MAX_NAME_LENGTH, Routine
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.library.entry_dose_panel import EntryDosePanel
from hinge_desktop.ui.library.routine_entries import RoutineEntries
from hinge_desktop.ui.library.routine_model import (
    entry_dose,
    routine_description,
    routine_minutes,
    routine_name,
    routine_summary,
)
from hinge_desktop.ui.library.routine_timing import RoutineTiming
from hinge_desktop.ui.widgets.colours import ERROR_STYLE
from hinge_desktop.ui.widgets.flow_layout import flow_row
from hinge_desktop.ui.widgets.icons import icon
from hinge_desktop.ui.widgets.side_by_side import SideBySideLayout

ENTRIES_AND_DOSE_WIDTH = 680
"""The narrowest editor, in pixels, with the chosen drill's dose beside the list of drills."""


class RoutineEditor(QWidget):
    """The right-hand pane of the routines view: name, length, description, the rests between
    drills and rounds, the drills with their doses. Built-in routines are shown read-only."""

    changed = Signal(object, int)
    """A new :class:`Routine` the person made by editing the one shown, and the index of the
    drill to keep selected once it is shown."""
    refused = Signal(str)
    """Why an edit was refused before it could be offered."""

    def __init__(
        self,
        catalogue: Catalogue,
        parent: QWidget | None = None,
        *,
        names: DrillNames | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("routineEditor")
        self._catalogue = catalogue
        self._names = names
        if names is not None:
            names.changed.connect(self._names_changed)
        self._routine: Routine | None = None

        self.name = QLineEdit()
        self.name.setObjectName("routineName")
        self.name.setAccessibleName(self.tr("Routine name"))
        self.name.setPlaceholderText(self.tr("Name of the routine"))
        self.name.setMaxLength(MAX_NAME_LENGTH)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.name.editingFinished.connect(self._name_edited)
        self.summary = QLabel()
        self.summary.setObjectName("routineSummary")
        self.description = QLabel()
        self.description.setObjectName("routineDescription")
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.start_button = QPushButton(icon("workout"), self.tr("Start this routine"))
        self.start_button.setObjectName("startRoutineButton")
        self.start_button.setAccessibleName(self.tr("Start this routine"))
        self.start_button.setDefault(True)
        self.start_button.setMinimumHeight(36)
        self.start_button.setMinimumWidth(170)
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.duplicate_button.setObjectName("duplicateRoutineButton")
        self.duplicate_button.setAccessibleName(self.tr("Duplicate this routine"))
        self.duplicate_button.setMinimumHeight(36)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("deleteRoutineButton")
        self.delete_button.setAccessibleName(self.tr("Delete this routine"))
        self.delete_button.setMinimumHeight(36)
        actions = flow_row(self.start_button, self.duplicate_button, self.delete_button)

        self.timing = RoutineTiming()
        self.timing.rest_between_drills_edited.connect(self._rest_between_drills_edited)
        self.timing.rounds_edited.connect(self._rounds_edited)
        self.rounds = self.timing.rounds
        self.rest_after_round = self.timing.rest_after_round
        self.rest_between_drills = self.timing.rest_between_drills

        self.entries = RoutineEntries()
        self.entries.currentItemChanged.connect(lambda *_args: self._show_entry())
        self.empty = QLabel(
            self.tr("No drills yet. In the Drills library, open a drill and use “Add to routine”.")
        )
        self.empty.setObjectName("routineEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMinimumHeight(80)

        self._shortcut(
            self.tr("Move the drill up in the routine"),
            self.tr("Ctrl+Up"),
            lambda: self.move_entry(-1),
            "moveEntryUpAction",
        )
        self._shortcut(
            self.tr("Move the drill down in the routine"),
            self.tr("Ctrl+Down"),
            lambda: self.move_entry(1),
            "moveEntryDownAction",
        )
        self._shortcut(
            self.tr("Take the drill out of the routine"),
            QKeySequence.StandardKey.Delete,
            self.remove_entry,
            "removeEntryAction",
        )

        self.dose_panel = EntryDosePanel()
        self.dose_panel.dose_edited.connect(self._dose_edited)
        self.dose_panel.move_requested.connect(self.move_entry)
        self.dose_panel.remove_requested.connect(self.remove_entry)

        self.error = QLabel()
        self.error.setObjectName("routineError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()

        # The dose beside the drills where both fit, below them in a narrow window.
        lists = SideBySideLayout(ENTRIES_AND_DOSE_WIDTH)
        left = QVBoxLayout()
        left.addWidget(self.entries, 1)
        left.addWidget(self.empty, 1)
        lists.add_part(left, 3)
        lists.add_part(self.dose_panel, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.name)
        layout.addWidget(self.summary)
        layout.addWidget(self.description)
        layout.addSpacing(4)
        layout.addLayout(actions)
        layout.addSpacing(8)
        layout.addWidget(self.timing)
        layout.addLayout(lists, 1)
        layout.addWidget(self.error)
        self.show_routine(None)

    def _shortcut(
        self,
        text: str,
        keys: QKeySequence | QKeySequence.StandardKey | str,
        slot: object,
        name: str,
    ) -> None:
        """A key of the list of drills, named (as Help → Keyboard shortcuts lists it)."""
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.entries.addAction(action)

    # Showing -----------------------------------------------------------------------------

    def routine(self) -> Routine | None:
        return self._routine

    def current_entry(self) -> int:
        """The index of the selected drill, or -1."""
        item = self.entries.currentItem()
        return -1 if item is None else self.entries.indexOfTopLevelItem(item)

    def show_routine(self, routine: Routine | None, entry: int | None = None) -> None:
        """Show ``routine``, with drill ``entry`` selected (default: keep the selected one when
        it is the same routine, else the first)."""
        same = routine is not None and self._routine is not None and routine.id == self._routine.id
        if entry is None:
            entry = max(self.current_entry(), 0) if same else 0
        self._routine = routine
        if not same:
            self.show_error("")
        editable = routine is not None and not routine.builtin
        blocked = self.name.blockSignals(True)
        self.name.setText("" if routine is None else routine_name(routine))
        self.name.blockSignals(blocked)
        self.name.setReadOnly(not editable)
        self.name.setEnabled(routine is not None)
        self.start_button.setEnabled(routine is not None and bool(routine.entries))
        self.start_button.setToolTip(
            ""
            if routine is None or routine.entries
            else self.tr("Add a drill first: open one in the library and use “Add to routine”")
        )
        self.duplicate_button.setEnabled(routine is not None)
        self.duplicate_button.setText(
            self.tr("Duplicate to edit") if routine and routine.builtin else self.tr("Duplicate")
        )
        self.delete_button.setEnabled(editable)
        self.delete_button.setVisible(routine is None or not routine.builtin)
        if routine is None:
            self.summary.setText(self.tr("No routine chosen"))
            self.description.clear()
        else:
            self.summary.setText(
                routine_summary(routine, routine_minutes(routine, self._catalogue))
            )
            text = routine_description(routine)
            if routine.builtin:
                text = self.tr("{description}\nBuilt in: duplicate it to change it.").format(
                    description=text
                )
            self.description.setText(text)
        self.description.setVisible(bool(self.description.text()))
        self.timing.show_routine(routine, editable)
        self._fill_entries(entry)

    def _fill_entries(self, selected: int) -> None:
        routine = self._routine
        entries = () if routine is None else routine.entries
        blocked = self.entries.blockSignals(True)
        self.entries.clear()
        for number, entry in enumerate(entries, start=1):
            item = QTreeWidgetItem(
                [
                    str(number),
                    self._drill_name(entry.drill_id),
                    entry_dose(
                        entry,
                        routine is not None and routine.is_circuit,
                        self._per_side(entry.drill_id),
                    ),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, entry.drill_id)
            self.entries.addTopLevelItem(item)
        current = self.entries.topLevelItem(max(0, min(selected, len(entries) - 1)))
        if current is not None:
            self.entries.setCurrentItem(current)
        self.entries.blockSignals(blocked)
        self.entries.setVisible(bool(entries))
        self.empty.setVisible(routine is not None and not entries)
        self.empty.setText(
            self.tr("No drills yet. In the Drills library, open a drill and use “Add to routine”.")
            if routine is not None and not routine.builtin
            else ""
        )
        self._show_entry()

    def _per_side(self, drill_id: str) -> bool:
        return drill_id in self._catalogue and self._catalogue.get(drill_id).prescription.per_side

    def _names_changed(self) -> None:
        self._fill_entries(max(self.current_entry(), 0))

    def _drill_name(self, drill_id: str) -> str:
        if drill_id in self._catalogue:
            return self._catalogue.get(drill_id).name
        if self._names is not None and self._names.is_own(drill_id):
            return self._names.name(drill_id)
        return self.tr("Unknown drill ({id})").format(id=drill_id)

    def _show_entry(self) -> None:
        routine = self._routine
        index = self.current_entry()
        entry = None if routine is None or index < 0 else routine.entries[index]
        title = ""
        if entry is not None:
            title = self.tr("{number}. {drill}").format(
                number=index + 1, drill=self._drill_name(entry.drill_id)
            )
        self.dose_panel.show_entry(
            entry,
            index,
            0 if routine is None else len(routine.entries),
            title,
            circuit=routine is not None and routine.is_circuit,
            editable=routine is not None and not routine.builtin,
        )

    def show_error(self, text: str) -> None:
        """Say why the last change was refused (empty text hides the message)."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # Editing -----------------------------------------------------------------------------

    def _editable(self) -> Routine | None:
        routine = self._routine
        return None if routine is None or routine.builtin else routine

    def _offer(self, make: Callable[[Routine], Routine], select: int | None = None) -> None:
        """Build the changed routine; a refused change is reported and the routine re-shown."""
        routine = self._editable()
        if routine is None:
            return
        try:
            changed = make(routine)
        except InvalidPlan as error:
            self.show_routine(routine)
            self.show_error(str(error))
            self.refused.emit(str(error))
            return
        self.show_error("")
        self.changed.emit(changed, max(self.current_entry(), 0) if select is None else select)

    def _name_edited(self) -> None:
        routine = self._editable()
        if routine is None or self.name.text() == routine.name:
            return
        text = self.name.text()
        self._offer(lambda r: r.renamed(text))

    def _rounds_edited(self, rounds: int, rest: int) -> None:
        self._offer(lambda r: r.with_rounds(rounds, rest))

    def _rest_between_drills_edited(self, seconds: int) -> None:
        self._offer(lambda r: r.with_rest_between_drills(seconds))

    def _dose_edited(self) -> None:
        routine = self._editable()
        index = self.current_entry()
        if routine is None or index < 0:
            return
        entry = self.dose_panel.entry(routine.entries[index])
        self._offer(lambda r: r.with_entry(index, entry))

    def move_entry(self, step: int) -> None:
        index = self.current_entry()
        routine = self._editable()
        if routine is None or index < 0 or not 0 <= index + step < len(routine.entries):
            return
        self._offer(lambda r: r.moved(index, index + step), index + step)

    def remove_entry(self) -> None:
        index = self.current_entry()
        if index >= 0:
            self._offer(lambda r: r.without_entry(index), index)
