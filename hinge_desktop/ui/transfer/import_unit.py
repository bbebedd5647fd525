"""The import preview's unit for weights the file gives none: kg or lb, chosen beforehand when
the numbers tell (and the line below says why), left empty when they do not, so that nothing is
imported in a unit the person has not seen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from hinge_desktop.domain.training import Unit
from hinge_desktop.storage.importing.prepare import PreparedImport
from hinge_desktop.ui.transfer.import_text import unit_reason_text


class UnitChoice(QWidget):
    """The kg/lb choice (``importUnit``) and why (``importUnitReason``, a label the form that
    holds the choice puts on a row of its own below it)."""

    chosen = Signal(object)
    """The :class:`Unit` the person picked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QComboBox()
        self.box.setObjectName("importUnit")
        self.box.setAccessibleName(self.tr("Unit of the file's weights"))
        self.box.setPlaceholderText(self.tr("Choose kg or lb"))
        self.box.addItem(self.tr("kilograms (kg)"), Unit.KG.value)
        self.box.addItem(self.tr("pounds (lb)"), Unit.LB.value)
        self.box.setCurrentIndex(-1)
        self.box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.box.currentIndexChanged.connect(self._picked)
        self.reason = QLabel()
        self.reason.setObjectName("importUnitReason")
        self.reason.setAccessibleName(self.tr("Why this unit"))
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignLeft)
        self._showing = False

    def show_prepared(self, prepared: PreparedImport) -> None:
        """The unit the plan gives weights without one (none while undecided), and why."""
        self._showing = True
        try:
            if prepared.needs_unit:
                self.box.setCurrentIndex(-1)
            else:
                self.box.setCurrentIndex(self.box.findData(prepared.plan.unit.value))
        finally:
            self._showing = False
        self.reason.setText(unit_reason_text(prepared))

    def unit(self) -> Unit | None:
        """The unit shown; None while none is chosen."""
        data = self.box.currentData()
        return Unit(str(data)) if data is not None else None

    def _picked(self, _index: int) -> None:
        unit = self.unit()
        if not self._showing and unit is not None:
            self.chosen.emit(unit)
