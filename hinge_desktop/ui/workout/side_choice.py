"""The choice of the side a drill done per side starts on, offered in its get-ready.

Two large buttons, "Left first" and "Right first", the one chosen in the accent colour. They are
reached with Tab like any button; with one of them in focus, Left and Right choose the side
(instead of going back or on a step).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QWidget

from hinge_desktop.domain.training import Side
from hinge_desktop.ui.widgets.chips import CHECKED_STYLE
from hinge_desktop.ui.widgets.restyle import keep_styled

BUTTON_PX = 22
LABEL_PX = 20
BUTTON_HEIGHT = 48

_CHOOSING_KEYS = {Qt.Key.Key_Left: Side.LEFT, Qt.Key.Key_Right: Side.RIGHT}


class SideChoice(QWidget):
    """``chosen(Side)`` when the person picks a side (not when it is set from outside)."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sideChoice")
        self.label = QLabel(self.tr("Start on:"))
        self.label.setObjectName("sideChoiceLabel")
        self.left_button = self._button(
            "leftFirstButton", self.tr("Left first"), self.tr("Start with the left side")
        )
        self.right_button = self._button(
            "rightFirstButton", self.tr("Right first"), self.tr("Start with the right side")
        )
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.addButton(self.left_button)
        self._group.addButton(self.right_button)
        keep_styled(self, self._group.buttons)
        self.left_button.clicked.connect(lambda: self._choose(Side.LEFT))
        self.right_button.clicked.connect(lambda: self._choose(Side.RIGHT))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 2, 0, 2)
        row.setSpacing(10)
        row.addStretch(1)
        row.addWidget(self.label)
        row.addWidget(self.left_button)
        row.addWidget(self.right_button)
        row.addStretch(1)
        self.set_scale(1.0)
        self.set_side(Side.LEFT)

    def _button(self, name: str, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setToolTip(
            self.tr("Which side every set of this drill starts on; remembered for next time")
        )
        button.setCheckable(True)
        # The side chosen in the accent colour, clear from the floor.
        button.setStyleSheet(CHECKED_STYLE)
        button.setMinimumHeight(BUTTON_HEIGHT)
        # A click chooses without taking the keyboard: Left and Right go on stepping through
        # the workout; Tab reaches the buttons for choosing by key.
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.installEventFilter(self)
        return button

    def side(self) -> Side:
        return Side.RIGHT if self.right_button.isChecked() else Side.LEFT

    def set_side(self, side: Side) -> None:
        """Show ``side`` as the one chosen, without telling anyone."""
        button = self.left_button if side is Side.LEFT else self.right_button
        if not button.isChecked():
            button.setChecked(True)

    def set_scale(self, scale: float) -> None:
        """Large enough to read from the floor, with the page's other lines."""
        for widget, pixels in (
            (self.left_button, BUTTON_PX),
            (self.right_button, BUTTON_PX),
            (self.label, LABEL_PX),
        ):
            font = QFont(widget.font())
            font.setPixelSize(round(pixels * min(scale, 1.4)))
            font.setBold(widget is not self.label)
            widget.setFont(font)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in (self.left_button, self.right_button) and isinstance(event, QKeyEvent):
            side = _CHOOSING_KEYS.get(Qt.Key(event.key()))
            if side is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                if event.type() is QEvent.Type.ShortcutOverride:
                    # Left and Right choose here, rather than step back or on.
                    event.accept()
                    return True
                if event.type() is QEvent.Type.KeyPress:
                    button = self.left_button if side is Side.LEFT else self.right_button
                    button.setFocus(Qt.FocusReason.TabFocusReason)
                    self._choose(side)
                    return True
        return super().eventFilter(watched, event)

    def _choose(self, side: Side) -> None:
        self.set_side(side)
        self.chosen.emit(side)
