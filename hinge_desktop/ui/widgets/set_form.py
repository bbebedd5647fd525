"""The values of one set, adjustable by mouse alone: used by the player's log panel, quick log
and the log's edit dialog.

The form shows only what applies to the drill (reps or a hold, a side, a band, a check's result)
and checks every value with the domain's own rules as it changes, so a value out of range is
refused where it is entered, with the domain's message beside it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from hinge_desktop.domain.drills import CheckResult, Drill, DrillKind, Equipment
from hinge_desktop.domain.training import (
    InvalidSet,
    LoggedSet,
    SetKind,
    Side,
    Unit,
    validate_set,
)
from hinge_desktop.domain.weight_steps import weight_steps
from hinge_desktop.ui.widgets.set_fields import SetFields


class SetForm(QWidget):
    """Reps, hold, weight and unit, band, RPE, side, set kind, a check's result, note."""

    changed = Signal()
    """Any value changed; :meth:`problem` says whether the set can be logged."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setForm")
        self._drill: Drill | None = None
        self._problem: InvalidSet | None = None
        self._fixed_side: Side | None = None
        self._side_choice = True

        fields = SetFields()
        self.reps, self.hold, self.weight, self.unit = (
            fields.reps,
            fields.hold,
            fields.weight,
            fields.unit,
        )
        self.band, self.rpe, self.side, self.kind = (
            fields.band,
            fields.rpe,
            fields.side,
            fields.kind,
        )
        self.result, self.measured, self.note, self.message = (
            fields.result,
            fields.measured,
            fields.note,
            fields.message,
        )

        self._form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(4)
        # Labels above their fields: the chips get the whole width of a narrow panel.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.tr("Reps"), self.reps)
        form.addRow(self.tr("Hold"), self.hold)
        form.addRow(self.tr("Result"), self.result)
        form.addRow(self.tr("Measured"), self.measured)
        # The unit sits on the weight's label line: the number keeps the panel's whole width.
        weight_label = QWidget()
        weight_label.setObjectName("weightLabelRow")
        weight_layout = QHBoxLayout(weight_label)
        weight_layout.setContentsMargins(0, 0, 0, 0)
        weight_layout.addWidget(QLabel(self.tr("Weight")))
        weight_layout.addStretch(1)
        weight_layout.addWidget(self.unit)
        form.addRow(weight_label, self.weight)
        form.addRow(self.tr("Band"), self.band)
        form.addRow(self.tr("RPE"), self.rpe)
        form.addRow(self.tr("Side"), self.side)
        form.addRow(self.tr("Set"), self.kind)
        self.note_label = QLabel(self.tr("Note"))
        self.note_label.setObjectName("noteLabel")
        form.addRow(self.note_label, self.note)
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
        side_choice: bool = True,
    ) -> None:
        """Fill the form for ``drill``: the dose given (or the drill's own), and the load, band
        and unit of ``last`` (the set done last time). A measure starts empty, so that a
        measure nobody took is never logged. ``side_choice`` False: the side is ``side``, named
        by whoever shows the form, with no chips to change it."""
        self._drill = drill
        self._fixed_side = side
        self._side_choice = side_choice
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
        self._show_row(self.side, p.per_side and side_choice)
        self._show_row(self.kind, not is_check)
        self._show_row(self.rpe, not is_check)
        self._show_row(self.weight, not is_check)
        if measures and drill.check is not None:
            check = drill.check
            self.measured.spin.setSuffix(f" {check.unit or ''}".rstrip())
            earlier = last.measured if last is not None else None
            first = next((v for v in (earlier, check.target, check.minimum) if v is not None), 0.0)
            self.measured.set_first_value(first)
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
            self.measured.set_value(None)
            self.note.clear()
        self._unit_changed()
        self._on_change()

    def load_shown(self) -> tuple[float, Unit, str | None]:
        """The weight, unit and band shown (to carry them on to the next set)."""
        return self.weight.value(), self.unit.value(), self.band.value()

    def show_load(self, weight: float, unit: Unit, band: str | None) -> None:
        with _Quiet(self):
            self.weight.set_value(weight)
            self.unit.set_value(unit)
            self.band.set_value(band)
        self._unit_changed()
        self._on_change()

    def set_note(self, text: str) -> None:
        """Show ``text`` as the note without it counting as a change by the person."""
        with _Quiet(self):
            self.note.setText(text)

    def set_note_label(self, text: str, placeholder: str = "") -> None:
        """Say what the note goes with (on one line: a wrapped label upsets the form)."""
        self.note_label.setText(text)
        self.note.setPlaceholderText(placeholder or self.tr("Optional note"))

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
            self.measured.set_value(logged.measured)
            self.note.setText(logged.note)
        self._show_row(self.reps, self._row_visible(self.reps) or logged.reps is not None)
        self._show_row(self.hold, self._row_visible(self.hold) or logged.hold_seconds is not None)
        self._show_row(self.band, self._row_visible(self.band) or logged.band is not None)
        self._show_row(self.side, self._row_visible(self.side) or logged.side is not None)
        self._unit_changed()
        self._on_change()

    def set_side(self, side: Side | None) -> None:
        self._fixed_side = side
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
        weight = self.weight.value() if shown(self.weight) else 0.0
        if not self._side_choice:
            side = self._fixed_side
        else:
            side = self.side.value() if shown(self.side) else None
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
            side=side,
            kind=self.kind.value() if shown(self.kind) else SetKind.WORKING,
            result=self.result.value() if shown(self.result) else None,
            measured=self.measured.optional_value() if shown(self.measured) else None,
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
        equipment = self._drill.equipment if self._drill is not None else frozenset()
        ladder = weight_steps(equipment, self.unit.value())

        def step(weight: float, presses: int) -> float:
            for _ in range(abs(presses)):
                weight = ladder.up(weight) if presses > 0 else ladder.down(weight)
            return weight

        self.weight.set_stepping(step)
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
