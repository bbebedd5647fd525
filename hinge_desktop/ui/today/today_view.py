"""The Today view: the page Hinge opens on, with the way to the drills."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class TodayView(QWidget):
    choose_requested = Signal()
    """The person asked to pick a drill or a routine."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayView")
        self.setAccessibleName(self.tr("Today"))
        heading = QLabel(self.tr("Today"))
        heading.setObjectName("todayHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        heading.setFont(font)
        choose = QPushButton(self.tr("Choose a drill or a routine"))
        choose.setObjectName("todayChooseButton")
        choose.setAccessibleName(choose.text())
        choose.clicked.connect(self.choose_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addWidget(heading)
        layout.addWidget(choose, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
