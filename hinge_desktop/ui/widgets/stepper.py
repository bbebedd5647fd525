"""A number with big minus and plus buttons: set by mouse alone, typing optional."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QWidget,
)

BUTTON_SIZE = 38
UNSET = -1.0
"""The value of a stepper that may be left empty (``unset_text``) while it is empty."""

Stepping = Callable[[float, int], float]
"""From a value and a number of presses (negative: down), the value they lead to."""


class _Spin(QDoubleSpinBox):
    """A spin box whose plus and minus may follow a ladder of values; it may be left empty."""

    def __init__(self) -> None:
        super().__init__()
        self.stepping: Stepping | None = None
        self.optional = False
        self.first_value = 0.0
        """Where + goes from empty."""

    def stepBy(self, steps: int) -> None:
        if self.optional and self.value() < 0:
            if steps <= 0:
                return
            self.setValue(self.first_value)
            steps -= 1
        if self.stepping is None or steps == 0:
            super().stepBy(steps)
            return
        self.setValue(self.stepping(self.value(), steps))

    def textFromValue(self, value: float) -> str:
        """No trailing zeros: "24 kg", "2.5 kg"."""
        text = super().textFromValue(value)
        point = self.locale().decimalPoint()
        if point in text:
            text = text.rstrip("0").rstrip(point)
        return text


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
        unset_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``empty_text`` is shown at 0; ``unset_text``, when given, lets the value be left
        empty (:meth:`optional_value` is then None), shown as that text."""
        super().__init__(parent)
        self.setObjectName(name + "Stepper")
        self.spin = _Spin()
        self.spin.setObjectName(name)
        self.spin.setAccessibleName(accessible)
        self.spin.setDecimals(decimals)
        self.spin.setRange(UNSET if unset_text else 0.0, ceiling)
        self.spin.optional = bool(unset_text)
        self.spin.setSingleStep(step)
        self.spin.setSuffix(suffix)
        self.spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.spin.setMinimumHeight(BUTTON_SIZE)
        self.spin.setMinimumWidth(84)
        self.spin.setKeyboardTracking(True)
        if unset_text:
            self.spin.setSpecialValueText(unset_text)
        elif empty_text:
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

    def optional_value(self) -> float | None:
        """The value, or None while a stepper that may be left empty is empty."""
        value = self.spin.value()
        return None if self.spin.optional and value < 0 else value

    def set_value(self, value: float | None) -> None:
        """Show ``value``; None empties a stepper that may be left empty (else shows 0)."""
        if value is None:
            value = UNSET if self.spin.optional else 0.0
        self.spin.setValue(value)

    def set_step(self, step: float) -> None:
        self.spin.setSingleStep(step)

    def set_stepping(self, stepping: Stepping | None) -> None:
        """Let plus and minus follow ``stepping`` (a ladder of weights) instead of a fixed step."""
        self.spin.stepping = stepping

    def set_first_value(self, value: float) -> None:
        """Where + goes from empty (a stepper that may be left empty)."""
        self.spin.first_value = value

    def set_digit_size(self, pixels: int) -> None:
        """Digits ``pixels`` tall, to be read from a distance; the buttons grow to match."""
        font = QFont(self.spin.font())
        font.setPixelSize(pixels)
        self.spin.setFont(font)
        side = max(BUTTON_SIZE, round(pixels * 1.6))
        self.spin.setMinimumHeight(side)
        for button in (self.minus, self.plus):
            button.setFixedSize(side, side)
