"""A row of one-click choices (chips): RPE, band colour, side, set kind, kg or lb."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QSizePolicy, QWidget

from hinge_desktop.ui.widgets.restyle import keep_styled

T = TypeVar("T")

CHIP_HEIGHT = 34
CHECKED_STYLE = (
    "QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);"
    " border: 1px solid palette(highlight); border-radius: 3px; font-weight: bold; }"
)
"""The chosen chip in the accent colour, clear at a glance; the others keep the style's look."""


class ChipRow(QWidget, Generic[T]):
    """Exclusive, checkable buttons; one is always chosen. ``changed`` carries nothing: read
    :meth:`value`."""

    changed = Signal()

    def __init__(
        self,
        name: str,
        accessible: str,
        choices: Sequence[tuple[T, str]],
        parent: QWidget | None = None,
        *,
        columns: int = 0,
    ) -> None:
        """``columns`` above 0 wraps the chips onto rows of that many."""
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self._values: list[T] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        per_row = columns if columns > 0 else max(len(choices), 1)
        for index, (value, label) in enumerate(choices):
            button = QPushButton(label)
            button.setCheckable(True)
            button.setObjectName(f"{name}_{index}")
            button.setAccessibleName(f"{accessible}: {label}")
            button.setMinimumHeight(CHIP_HEIGHT)
            button.setMinimumWidth(30)
            button.setStyleSheet(CHECKED_STYLE)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self._group.addButton(button, index)
            self._values.append(value)
            layout.addWidget(button, index // per_row, index % per_row)
        if self._values:
            self._group.button(0).setChecked(True)
        keep_styled(self, self._group.buttons)
        self._group.idClicked.connect(lambda _id: self.changed.emit())

    def value(self) -> T:
        return self._values[max(self._group.checkedId(), 0)]

    def set_value(self, value: T) -> None:
        """Choose ``value``; one not offered leaves the choice as it is."""
        if value in self._values:
            self._group.button(self._values.index(value)).setChecked(True)

    def button_for(self, value: T) -> QPushButton:
        button = self._group.button(self._values.index(value))
        assert isinstance(button, QPushButton)
        return button

    def values(self) -> list[T]:
        return list(self._values)
