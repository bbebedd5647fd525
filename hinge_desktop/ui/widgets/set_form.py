"""The values of one set, adjustable by mouse alone: used by the player's log panel, quick log
and the log's edit dialog.

The form shows only what applies to the drill (reps or a hold, a side, a band, a check's result)
and checks every value with the domain's own rules as it changes, so a value out of range is
refused where it is entered, with the domain's message beside it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from hinge_desktop.domain.drills import CheckResult, Drill, DrillKind, Equipment
from hinge_desktop.domain.training import (
    CheckOutcome,
    InvalidSet,
    LoggedSet,
    SetKind,
    Side,
    Unit,
    validate_set,
)
from hinge_desktop.ui.widgets.chips import ChipRow
from hinge_desktop.ui.widgets.stepper import Stepper

BANDS = ("yellow", "red", "green", "blue", "black")
RPES = tuple(x / 2 for x in range(12, 21))
"""RPE 6 to 10 in halves."""
WEIGHT_STEP = {Unit.KG: 1.0, Unit.LB: 2.5}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SetForm", text)


class SetForm(QWidget):
    """Reps, hold, weight and unit, band, RPE, side, set kind, a check's result, note."""

    changed = Signal()
    """Any value changed; :meth:`problem` says whether the set can be logged."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setForm")
        self._drill: Drill | None = None
        self._problem: InvalidSet | None = None

        self.reps = Stepper("repsInput", self.tr("Reps"))
        self.hold = Stepper("holdInput", self.tr("Hold seconds"), step=5, suffix=self.tr(" s"))
        self.weight = Stepper(
            "weightInput", self.tr("Weight"), step=1, decimals=1, empty_text=self.tr("none")
        )
        self.unit = ChipRow[Unit]("unitChoice", self.tr("Unit"), [(u, u.value) for u in Unit])
        self.band = ChipRow[str | None](
            "bandChoice",
            self.tr("Band"),
            [(None, self.tr("none")), *((b, _tr(b)) for b in BANDS)],
        )
        self.rpe = ChipRow[float | None](
            "rpeChoice",
            self.tr("RPE"),
            [(None, "–"), *((r, f"{r:g}") for r in RPES)],
            columns=5,
        )
        self.side = ChipRow[Side | None](
            "sideChoice",
            self.tr("Side"),
            [(None, self.tr("both")), (Side.LEFT, self.tr("left")), (Side.RIGHT, self.tr("right"))],
        )
        self.kind = ChipRow[SetKind](
            "kindChoice",
            self.tr("Set kind"),
            [
                (SetKind.WARMUP, self.tr("warm-up")),
                (SetKind.WORKING, self.tr("working")),
                (SetKind.FAILURE, self.tr("to failure")),
            ],
        )
        self.kind.set_value(SetKind.WORKING)
        self.result = ChipRow[CheckOutcome | None](
            "resultChoice",
            self.tr("Result"),
            [
                (None, "–"),
                (CheckOutcome.PASS, self.tr("passed")),
                (CheckOutcome.FAIL, self.tr("not yet")),
            ],
        )
        self.measured = Stepper("measuredInput", self.tr("Measured"), step=5)
        self.note = QLineEdit()
        self.note.setObjectName("noteInput")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Optional note"))
        self.message = QLabel()
        self.message.setObjectName("setFormMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #d9534f; font-weight: bold;")
        self.message.hide()

        self._form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(4)
        # Labels above their fields: the chips get the whole width of a narrow panel.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.tr("Reps"), self.reps)
        form.addRow(self.tr("Hold"), self.hold)
        form.addRow(self.tr("Result"), self.result)
        form.addRow(self.tr("Measured"), self.measured)
        weight_row = QWidget()
        weight_row.setObjectName("weightRow")
        weight_layout = QHBoxLayout(weight_row)
        weight_layout.setContentsMargins(0, 0, 0, 0)
        weight_layout.addWidget(self.weight, 1)
        weight_layout.addWidget(self.unit)
        self._weight_row = weight_row
        form.addRow(self.tr("Weight"), weight_row)
        form.addRow(self.tr("Band"), self.band)
        form.addRow(self.tr("RPE"), self.rpe)
        form.addRow(self.tr("Side"), self.side)
        form.addRow(self.tr("Set"), self.kind)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.message)

        for stepper in (self.reps, self.hold, self.weight, self.measured):
            stepper.changed.connect(self._on_change)
        for chips in (self.unit, self.band, self.rpe, self.side, self.kind, self.result):
            chips.changed.connect(self._on_change)
        self.unit.changed.connect(self._unit_changed)
        self.note.textChanged.connect(self._on_change)

    # Public ------------------------------------------------------------------------------

    def drill(self) -> Drill | None:
        return self._drill

    def show_drill(
        self,
        drill: Drill,
        *,
        last: LoggedSet | None = None,
        reps: int | None = None,
        hold_seconds: float | None = None,
        side: Side | None = None,
    ) -> None:
        """Fill the form for ``drill``: the dose given (or the drill's own), and the load, band
        and unit of ``last`` (the set done last time)."""
        self._drill = drill
        p = drill.prescription
        is_check = drill.kind is DrillKind.CHECK
        measures = (
            is_check and drill.check is not None and drill.check.result is CheckResult.MEASURE
        )
        show_reps = p.reps is not None or (last is not None and last.reps is not None)
        show_hold = p.hold_seconds is not None or (
            last is not None and last.hold_seconds is not None
        )
        has_band = Equipment.BAND in drill.equipment or (last is not None and last.band is not None)
        self._show_row(self.reps, show_reps)
        self._show_row(self.hold, show_hold)
        self._show_row(self.result, is_check)
        self._show_row(self.measured, measures)
        self._show_row(self.band, has_band)
        self._show_row(self.side, p.per_side)
        self._show_row(self.kind, not is_check)
        self._show_row(self.rpe, not is_check)
        self._show_row(self._weight_row, not is_check)
        if measures and drill.check is not None:
            self.measured.spin.setSuffix(f" {drill.check.unit or ''}".rstrip())
        with _Quiet(self):
            self.reps.set_value(
                reps if reps is not None else (p.reps or (last.reps if last else 0) or 0)
            )
            self.hold.set_value(
                hold_seconds
                if hold_seconds is not None
                else (p.hold_seconds or (last.hold_seconds if last else 0) or 0)
            )
            self.weight.set_value(last.weight if last and last.weight is not None else 0)
            if last is not None and last.unit is not None:
                self.unit.set_value(last.unit)
            self.band.set_value(last.band if last is not None else None)
            self.rpe.set_value(None)
            self.side.set_value(side)
            self.kind.set_value(SetKind.WORKING)
            self.result.set_value(None)
            self.measured.set_value(0)
            self.note.clear()
        self._unit_changed()
        self._on_change()

    def set_values(self, logged: LoggedSet) -> None:
        """Show a stored set's values exactly (for editing it)."""
        with _Quiet(self):
            self.reps.set_value(logged.reps or 0)
            self.hold.set_value(logged.hold_seconds or 0)
            self.weight.set_value(logged.weight or 0)
            if logged.unit is not None:
                self.unit.set_value(logged.unit)
            self.band.set_value(logged.band)
            self.rpe.set_value(logged.rpe)
            self.side.set_value(logged.side)
            self.kind.set_value(logged.kind)
            self.result.set_value(logged.result)
            self.measured.set_value(logged.measured or 0)
            self.note.setText(logged.note)
        self._show_row(self.reps, self._row_visible(self.reps) or logged.reps is not None)
        self._show_row(self.hold, self._row_visible(self.hold) or logged.hold_seconds is not None)
        self._show_row(self.band, self._row_visible(self.band) or logged.band is not None)
        self._show_row(self.side, self._row_visible(self.side) or logged.side is not None)
        self._unit_changed()
        self._on_change()

    def set_side(self, side: Side | None) -> None:
        self.side.set_value(side)

    def build(
        self,
        *,
        performed_at: datetime,
        set_number: int = 1,
        workout_id: int | None = None,
    ) -> LoggedSet:
        """The set as shown; raises InvalidSet (and shows its message) for a value out of range."""
        if self._drill is None:
            raise InvalidSet("drill_id", self.tr("Choose a drill first."))
        shown = self._row_visible
        weight = self.weight.value() if shown(self._weight_row) else 0.0
        candidate = dict(
            drill_id=self._drill.id,
            performed_at=performed_at,
            set_number=set_number,
            workout_id=workout_id,
            reps=round(self.reps.value()) if shown(self.reps) else None,
            hold_seconds=self.hold.value() if shown(self.hold) else None,
            weight=weight if weight > 0 else None,
            unit=self.unit.value() if weight > 0 else None,
            band=self.band.value() if shown(self.band) else None,
            rpe=self.rpe.value() if shown(self.rpe) else None,
            side=self.side.value() if shown(self.side) else None,
            kind=self.kind.value() if shown(self.kind) else SetKind.WORKING,
            result=self.result.value() if shown(self.result) else None,
            measured=self.measured.value() if shown(self.measured) else None,
            note=self.note.text().strip(),
        )
        try:
            built = LoggedSet(**candidate)  # type: ignore[arg-type]
            validate_set(built)
            self._check_measure(built)
            return built
        except InvalidSet as exc:
            self._show_problem(exc)
            raise

    def problem(self) -> InvalidSet | None:
        """Why the values shown cannot be logged, or None."""
        return self._problem

    def edited(self, original: LoggedSet) -> LoggedSet:
        """``original`` with the values shown (same id, workout, time and set number)."""
        built = self.build(
            performed_at=original.performed_at,
            set_number=original.set_number,
            workout_id=original.workout_id,
        )
        return replace(built, id=original.id, drill_id=original.drill_id)

    # Inside ------------------------------------------------------------------------------

    def _check_measure(self, built: LoggedSet) -> None:
        check = self._drill.check if self._drill is not None else None
        if check is None or built.measured is None:
            return
        low = check.minimum if check.minimum is not None else 0.0
        high = check.maximum if check.maximum is not None else built.measured
        if not low <= built.measured <= high:
            raise InvalidSet(
                "measured",
                self.tr("{what} must be between {low:g} and {high:g} {unit}.").format(
                    what=check.measure or self.tr("The measured value"),
                    low=low,
                    high=high,
                    unit=check.unit or "",
                ),
            )

    def _show_row(self, field: QWidget, visible: bool) -> None:
        self._form.setRowVisible(field, visible)

    def _row_visible(self, field: QWidget) -> bool:
        return not field.isHidden()

    def _unit_changed(self) -> None:
        self.weight.set_step(WEIGHT_STEP[self.unit.value()])
        self.weight.spin.setSuffix(f" {self.unit.value().value}")

    def _on_change(self) -> None:
        if self.signalsBlocked():
            return
        problem: InvalidSet | None = None
        if self._drill is not None:
            try:
                self.build(performed_at=datetime.now().astimezone())
            except InvalidSet as exc:
                problem = exc
        self._show_problem(problem)
        self.changed.emit()

    def _show_problem(self, problem: InvalidSet | None) -> None:
        self._problem = problem
        fields = {
            "reps": self.reps.spin,
            "hold_seconds": self.hold.spin,
            "weight": self.weight.spin,
            "rpe": self.rpe,
            "measured": self.measured.spin,
        }
        for name, widget in fields.items():
            bad = problem is not None and problem.field_name == name
            # A tinted box with red digits: a style sheet border would squeeze the digits out.
            palette = QPalette(self.palette())
            if bad:
                palette.setColor(QPalette.ColorRole.Base, QColor("#f8d7da"))
                palette.setColor(QPalette.ColorRole.Text, QColor("#a4161a"))
            widget.setPalette(palette)
        self.message.setText(str(problem) if problem is not None else "")
        self.message.setVisible(problem is not None)


class _Quiet:
    """Change many values without a ``changed`` for each."""

    def __init__(self, form: SetForm) -> None:
        self._form = form

    def __enter__(self) -> None:
        self._was = self._form.blockSignals(True)
        for child in (self._form.reps, self._form.hold, self._form.weight, self._form.measured):
            child.blockSignals(True)

    def __exit__(self, *exc: object) -> None:
        for child in (self._form.reps, self._form.hold, self._form.weight, self._form.measured):
            child.blockSignals(False)
        self._form.blockSignals(self._was)
