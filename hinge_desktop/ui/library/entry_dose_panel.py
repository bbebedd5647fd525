"""The dose of the drill chosen in a routine: its sets, reps or hold, and rest, with the
buttons that move it up or down or take it out of the routine.

Its fields and buttons flow: a column in a narrow panel beside the drills, a row or two in a wide
one below them, never cut short."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.plan import (
    BETWEEN_CIRCUIT_DRILLS_SECONDS,
    MAX_REST_SECONDS,
    MAX_SETS,
    PlanEntry,
)
from hinge_desktop.domain.training import MAX_HOLD_SECONDS, MAX_REPS
from hinge_desktop.ui.widgets.flow_layout import FlowLayout


def spin_box(name: str, label: str, low: int, high: int) -> QSpinBox:
    """A number field of the routine editor: named, labelled for screen readers, and changed
    only when the person is done typing."""
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setAccessibleName(label)
    spin.setRange(low, high)
    spin.setKeyboardTracking(False)
    spin.setMinimumWidth(90)
    return spin


class EntryDosePanel(QFrame):
    """The chosen drill's dose, editable in a routine of one's own; in a circuit only its reps
    or hold (a circuit does one set of each drill per round)."""

    dose_edited = Signal()
    """A number of the dose changed: read it with :meth:`entry`."""
    move_requested = Signal(int)
    """Move the drill by this many places (-1 up, 1 down)."""
    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryDosePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.entry_title = QLabel()
        self.entry_title.setObjectName("entryTitle")
        bold = self.entry_title.font()
        bold.setBold(True)
        self.entry_title.setFont(bold)
        self.entry_title.setWordWrap(True)
        self.sets = spin_box("entrySetsInput", self.tr("Sets"), 1, MAX_SETS)
        self.reps = spin_box("entryRepsInput", self.tr("Reps"), 1, MAX_REPS)
        self.hold = spin_box("entryHoldInput", self.tr("Hold, seconds"), 1, int(MAX_HOLD_SECONDS))
        self.hold.setSuffix(self.tr(" s"))
        self.hold.setSingleStep(5)
        self.rest = spin_box(
            "entryRestInput", self.tr("Rest between sets, seconds"), 0, MAX_REST_SECONDS
        )
        self.rest.setSuffix(self.tr(" s"))
        self.rest.setSingleStep(15)
        for spin in (self.sets, self.reps, self.hold, self.rest):
            spin.valueChanged.connect(self.dose_edited)
        self._fields = {
            self.sets: labelled(self.tr("&Sets"), self.sets),
            self.reps: labelled(self.tr("Re&ps"), self.reps),
            self.hold: labelled(self.tr("&Hold"), self.hold),
            self.rest: labelled(self.tr("Res&t between sets"), self.rest),
        }
        fields = FlowLayout(spacing=16)
        for field in self._fields.values():
            fields.addWidget(field)
        self.circuit_note = QLabel(
            self.tr(
                "In a circuit each drill is done once per round, with {seconds} s to move on "
                "to the next drill."
            ).format(seconds=f"{BETWEEN_CIRCUIT_DRILLS_SECONDS:g}")
        )
        self.circuit_note.setObjectName("circuitNote")
        self.circuit_note.setWordWrap(True)

        self.move_up_button = _tool(
            "moveEntryUpButton", self.tr("↑ Move up"), self.tr("Move the drill up (Ctrl+Up)")
        )
        self.move_down_button = _tool(
            "moveEntryDownButton",
            self.tr("↓ Move down"),
            self.tr("Move the drill down (Ctrl+Down)"),
        )
        self.remove_button = _tool(
            "removeEntryButton", self.tr("Remove"), self.tr("Remove the drill (Delete)")
        )
        self.move_up_button.clicked.connect(lambda: self.move_requested.emit(-1))
        self.move_down_button.clicked.connect(lambda: self.move_requested.emit(1))
        self.remove_button.clicked.connect(self.remove_requested)

        layout = QVBoxLayout(self)
        layout.addWidget(self.entry_title)
        layout.addLayout(fields)
        layout.addWidget(self.circuit_note)
        buttons = FlowLayout()
        buttons.addWidget(self.move_up_button)
        buttons.addWidget(self.move_down_button)
        buttons.addWidget(self.remove_button)
        layout.addLayout(buttons)

    def show_entry(
        self,
        entry: PlanEntry | None,
        index: int,
        count: int,
        title: str,
        *,
        circuit: bool,
        editable: bool,
    ) -> None:
        """Show drill ``index`` of ``count`` (hidden when ``entry`` is None), under ``title``."""
        self.setVisible(entry is not None)
        for button in (self.move_up_button, self.move_down_button, self.remove_button):
            button.setVisible(editable)
        self.move_up_button.setEnabled(editable and index > 0)
        self.move_down_button.setEnabled(editable and 0 <= index < count - 1)
        self.remove_button.setEnabled(editable and entry is not None)
        if entry is None:
            return
        self.entry_title.setText(title)
        values = (
            (self.sets, entry.sets),
            (self.reps, entry.reps or 1),
            (self.hold, entry.hold_seconds or 1),
            (self.rest, entry.rest_seconds),
        )
        for spin, value in values:
            blocked = spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(blocked)
            spin.setEnabled(editable)
        by_reps = entry.reps is not None
        self._fields[self.reps].setVisible(by_reps)
        self._fields[self.hold].setVisible(not by_reps)
        self._fields[self.sets].setVisible(not circuit)
        self._fields[self.rest].setVisible(not circuit)
        self.circuit_note.setVisible(circuit)

    def entry(self, shown: PlanEntry) -> PlanEntry:
        """``shown`` with the dose as the fields now say (by reps or by hold, as it was)."""
        by_reps = shown.reps is not None
        return PlanEntry(
            shown.drill_id,
            self.sets.value(),
            self.reps.value() if by_reps else None,
            None if by_reps else self.hold.value(),
            self.rest.value(),
        )


def labelled(label: str, spin: QSpinBox) -> QWidget:
    """A number field with its label (whose underlined letter moves the keyboard to it)."""
    field = QWidget()
    field.setObjectName(spin.objectName() + "Field")
    name = QLabel(label)
    name.setBuddy(spin)
    layout = QHBoxLayout(field)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(name)
    layout.addWidget(spin)
    field.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return field


def _tool(name: str, text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setObjectName(name)
    button.setText(text)
    button.setAccessibleName(tip.split(" (")[0])
    button.setToolTip(tip)
    return button
