"""A number with big minus and plus buttons: set by mouse alone, typing optional."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QWidget,
)

BUTTON_SIZE = 38


class Stepper(QWidget):
    """A value between 0 and a generous ceiling; the form checks the real limits, so a value
    out of range is shown with a message rather than silently clamped."""

    changed = Signal()

    def __init__(
        self,
        name: str,
        accessible: str,
        *,
        step: float = 1.0,
        decimals: int = 0,
        ceiling: float = 99999.0,
        suffix: str = "",
        empty_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name + "Stepper")
        self.spin = QDoubleSpinBox()
        self.spin.setObjectName(name)
        self.spin.setAccessibleName(accessible)
        self.spin.setDecimals(decimals)
        self.spin.setRange(0.0, ceiling)
        self.spin.setSingleStep(step)
        self.spin.setSuffix(suffix)
        self.spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.spin.setMinimumHeight(BUTTON_SIZE)
        self.spin.setMinimumWidth(84)
        self.spin.setKeyboardTracking(True)
        if empty_text:
            # At 0 the box reads e.g. "none": no weight is logged.
            self.spin.setSpecialValueText(empty_text)
        font = self.spin.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.spin.setFont(font)
        self.minus = self._button(
            "\u2212", name + "Minus", self.tr("Less: {name}").format(name=accessible)
        )
        self.plus = self._button(
            "+", name + "Plus", self.tr("More: {name}").format(name=accessible)
        )
        self.minus.clicked.connect(self.spin.stepDown)
        self.plus.clicked.connect(self.spin.stepUp)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.minus)
        layout.addWidget(self.spin, 1)
        layout.addWidget(self.plus)
        self.spin.valueChanged.connect(lambda _v: self.changed.emit())
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _button(self, text: str, name: str, accessible: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAutoRepeat(True)
        button.setFixedSize(BUTTON_SIZE, BUTTON_SIZE)
        font = button.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        button.setFont(font)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def value(self) -> float:
        return self.spin.value()

    def set_value(self, value: float) -> None:
        self.spin.setValue(value)

    def set_step(self, step: float) -> None:
        self.spin.setSingleStep(step)
