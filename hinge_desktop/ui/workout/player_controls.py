"""The player's buttons: Back, Start/Pause, Skip and +15 s in the middle; Follow along and Finish
beside them, or under them where the player is too narrow for one row.

The buttons keep one size whatever the window's (their text is read from close by; the numbers
above are what is read from across the room), so they never make the window grow.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from hinge_desktop.ui.widgets.primary_button import PrimaryButton

MAIN_HEIGHT = 64
SIDE_HEIGHT = 44
ONE_ROW_WIDTH = 700
"""Below this width the side buttons go under the others."""


def _button(
    name: str,
    text: str,
    accessible: str,
    *,
    height: int,
    width: int,
    pixels: int,
    kind: type[QPushButton] = QPushButton,
) -> QPushButton:
    button = kind(text)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setMinimumSize(width, height)
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    font = QFont(button.font())
    font.setPixelSize(pixels)
    font.setBold(kind is PrimaryButton)
    button.setFont(font)
    return button


class PlayerControls(QWidget):
    """The buttons under the player, in one row or two."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playerControls")
        self.back_button = _button(
            "backButton", self.tr("Back"), self.tr("Back"), height=MAIN_HEIGHT, width=72, pixels=19
        )
        self.start_pause_button = _button(
            "startPauseButton",
            self.tr("Start"),
            self.tr("Start or pause the workout"),
            height=MAIN_HEIGHT,
            width=140,
            pixels=22,
            kind=PrimaryButton,
        )
        self.skip_button = _button(
            "skipButton", self.tr("Skip"), self.tr("Skip"), height=MAIN_HEIGHT, width=72, pixels=19
        )
        self.add_rest_button = _button(
            "addRestButton",
            self.tr("+15 s"),
            self.tr("Add 15 seconds of rest"),
            height=MAIN_HEIGHT,
            width=64,
            pixels=19,
        )
        keep = self.add_rest_button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.add_rest_button.setSizePolicy(keep)
        self.follow_along_button = _button(
            "followAlongButton",
            self.tr("Follow along"),
            self.tr("Follow along, full screen"),
            height=SIDE_HEIGHT,
            width=96,
            pixels=15,
        )
        self.follow_along_button.setCheckable(True)
        self.finish_button = _button(
            "finishButton",
            self.tr("Finish"),
            self.tr("Finish the workout"),
            height=SIDE_HEIGHT,
            width=80,
            pixels=15,
        )

        self.back_button.setToolTip(
            self.tr("Start this step again; in its first 3 seconds, go to the step before (Left)")
        )
        self.skip_button.setToolTip(self.tr("Done: ends the set early, or skips the rest (Right)"))
        self.add_rest_button.setToolTip(self.tr("15 seconds more rest (+)"))
        self.finish_button.setToolTip(
            self.tr("End the workout here; every set you logged is kept (Esc)")
        )
        self.follow_along_button.setToolTip(
            self.tr("Only the clock, the reps and the cues, full screen (F11)")
        )

        main = QHBoxLayout()
        main.setSpacing(8)
        main.addStretch(1)
        for button in (
            self.back_button,
            self.start_pause_button,
            self.skip_button,
            self.add_rest_button,
        ):
            main.addWidget(button)
        main.addStretch(1)
        self._side = side = QHBoxLayout()
        self._extra_width = 0
        side.setSpacing(8)
        side.addStretch(1)
        side.addWidget(self.follow_along_button, 0, Qt.AlignmentFlag.AlignVCenter)
        side.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._rows = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._rows.setContentsMargins(10, 8, 10, 10)
        self._rows.setSpacing(8)
        self._rows.addLayout(main, 1)
        self._rows.addLayout(side)
        # Any width: below one row's, the buttons go on two rows (see resizeEvent).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def add_side_button(self, button: QWidget) -> None:
        """Another button beside Follow along (the camera's), as large as it."""
        button.setFont(self.follow_along_button.font())
        button.setMinimumHeight(self.follow_along_button.minimumHeight())
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._side.insertWidget(1, button, 0, Qt.AlignmentFlag.AlignVCenter)
        button.show()
        self._extra_width += button.sizeHint().width() + self._side.spacing()
        self._reflow(self.width())

    def one_row(self) -> bool:
        return self._rows.direction() is QBoxLayout.Direction.LeftToRight

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow(event.size().width())

    def _reflow(self, width: int) -> None:
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if width >= ONE_ROW_WIDTH + self._extra_width
            else QBoxLayout.Direction.TopToBottom
        )
        if self._rows.direction() is not wanted:
            self._rows.setDirection(wanted)
