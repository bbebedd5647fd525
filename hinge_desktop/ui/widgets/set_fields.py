"""The inputs of one set, made once for the set form: big steppers for the numbers, chips for
the choices, a line for the note."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from hinge_desktop.domain.training import CheckOutcome, SetKind, Side, Unit
from hinge_desktop.ui.widgets.chips import ChipRow
from hinge_desktop.ui.widgets.stepper import Stepper

BANDS = ("yellow", "red", "green", "blue", "black")
RPES = tuple(x / 2 for x in range(12, 21))
"""RPE 6 to 10 in halves."""
DIGIT_PIXELS = 30
"""The numbers a person sets (reps, weight, hold): readable from a metre or two."""
MEASURE_PIXELS = 20


def _tr(text: str) -> str:
    return QCoreApplication.translate("SetForm", text)


class SetFields:
    """Reps, hold, weight and unit, band, RPE, side, set kind, a check's result and measure,
    note, and the line that says why a value cannot be logged."""

    def __init__(self) -> None:
        self.reps = Stepper("repsInput", _tr("Reps"))
        self.hold = Stepper("holdInput", _tr("Hold seconds"), step=5, suffix=_tr(" s"))
        self.weight = Stepper(
            "weightInput", _tr("Weight"), step=1, decimals=1, empty_text=_tr("none")
        )
        self.measured = Stepper(
            "measuredInput", _tr("Measured"), step=5, unset_text=_tr("not measured")
        )
        for stepper in (self.reps, self.hold, self.weight):
            stepper.set_digit_size(DIGIT_PIXELS)
        # Smaller: "not measured" must fit.
        self.measured.set_digit_size(MEASURE_PIXELS)
        self.unit = ChipRow[Unit]("unitChoice", _tr("Unit"), [(u, u.value) for u in Unit])
        for chip in self.unit.findChildren(QPushButton):
            # Small: the unit sits on the weight's label line.
            chip.setMinimumHeight(26)
            chip.setMinimumWidth(44)
        self.unit.setMaximumWidth(100)
        self.band = ChipRow[str | None](
            "bandChoice",
            _tr("Band"),
            [(None, _tr("none")), *((b, _tr(b)) for b in BANDS)],
            columns=3,
        )
        self.rpe = ChipRow[float | None](
            "rpeChoice", _tr("RPE"), [(None, "–"), *((r, f"{r:g}") for r in RPES)], columns=5
        )
        self.side = ChipRow[Side | None](
            "sideChoice",
            _tr("Side"),
            [(None, _tr("both")), (Side.LEFT, _tr("left")), (Side.RIGHT, _tr("right"))],
        )
        self.kind = ChipRow[SetKind](
            "kindChoice",
            _tr("Set kind"),
            [
                (SetKind.WARMUP, _tr("warm-up")),
                (SetKind.WORKING, _tr("working")),
                (SetKind.FAILURE, _tr("to failure")),
            ],
        )
        self.kind.set_value(SetKind.WORKING)
        self.result = ChipRow[CheckOutcome | None](
            "resultChoice",
            _tr("Result"),
            [(None, "–"), (CheckOutcome.PASS, _tr("passed")), (CheckOutcome.FAIL, _tr("not yet"))],
        )
        self.note = QLineEdit()
        self.note.setObjectName("noteInput")
        self.note.setAccessibleName(_tr("Note"))
        self.note.setPlaceholderText(_tr("Optional note"))
        self.message = QLabel()
        self.message.setObjectName("setFormMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #d9534f; font-weight: bold;")
        self.message.hide()
