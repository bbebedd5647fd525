"""A routine's pacing between its drills: the rest from one drill to the next, and the rounds
of a circuit with the rest after each.

The fields flow onto as many lines as the editor's width needs. They never write anything:
an edit is offered through a signal, and the editor turns it into a changed routine.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from hinge_desktop.domain.plan import BETWEEN_CIRCUIT_DRILLS_SECONDS, MAX_REST_SECONDS, MAX_ROUNDS
from hinge_desktop.domain.routines import Routine
from hinge_desktop.ui.library.entry_dose_panel import labelled, spin_box
from hinge_desktop.ui.widgets.flow_layout import FlowLayout


class RoutineTiming(QWidget):
    """Rest between drills, rounds, rest after each round (``routineTiming``).

    A circuit moves from drill to drill in a short walk of its own: its rest between drills
    shows that walk and cannot be changed; the rest after a round is a circuit's only.
    """

    rest_between_drills_edited = Signal(int)
    """The seconds from one drill to the next, as the person set them."""
    rounds_edited = Signal(int, int)
    """The rounds and the rest after each round, as the person set them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routineTiming")
        self.rest_between_drills = spin_box(
            "restBetweenDrillsInput",
            self.tr("Rest between drills, seconds"),
            0,
            MAX_REST_SECONDS,
        )
        self.rest_between_drills.setSuffix(self.tr(" s"))
        self.rest_between_drills.setSingleStep(15)
        self.rounds = spin_box("roundsInput", self.tr("Rounds"), 1, MAX_ROUNDS)
        self.rounds.setToolTip(
            self.tr("Above 1 the routine runs as a circuit: one set of each drill per round")
        )
        self.rest_after_round = spin_box(
            "restAfterRoundInput", self.tr("Rest after each round, seconds"), 0, MAX_REST_SECONDS
        )
        self.rest_after_round.setSuffix(self.tr(" s"))
        self.rest_after_round.setSingleStep(15)
        self.rest_between_drills.valueChanged.connect(self.rest_between_drills_edited)
        self.rounds.valueChanged.connect(self._rounds_changed)
        self.rest_after_round.valueChanged.connect(self._rounds_changed)

        row = FlowLayout(self, spacing=16)
        row.addWidget(labelled(self.tr("Rest &between drills"), self.rest_between_drills))
        row.addWidget(labelled(self.tr("&Rounds"), self.rounds))
        row.addWidget(labelled(self.tr("R&est after each round"), self.rest_after_round))

    def show_routine(self, routine: Routine | None, editable: bool) -> None:
        """Show the routine's numbers, editable only in a routine of the person's own."""
        circuit = routine is not None and routine.is_circuit
        if circuit:
            between = int(BETWEEN_CIRCUIT_DRILLS_SECONDS)
        else:
            between = 0 if routine is None else routine.rest_between_drills
        for spin, value in (
            (self.rest_between_drills, between),
            (self.rounds, 1 if routine is None else routine.rounds),
            (self.rest_after_round, 0 if routine is None else routine.rest_after_round),
        ):
            blocked = spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(blocked)
        self.rounds.setEnabled(editable)
        self.rest_after_round.setEnabled(editable and circuit)
        self.rest_between_drills.setEnabled(editable and not circuit)
        self.rest_between_drills.setToolTip(
            self.tr("In a circuit, {seconds} s to move on from each drill to the next").format(
                seconds=between
            )
            if circuit
            else self.tr("From the last set of one drill to the first set of the next")
        )

    def _rounds_changed(self) -> None:
        self.rounds_edited.emit(self.rounds.value(), self.rest_after_round.value())
