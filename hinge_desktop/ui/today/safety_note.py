"""The start page's one-time note on when to stop and get checked, until the person says they
have read it.

Every line comes from the drills' own safety texts in the catalogue (``assets/drills/``), which
are written from the source articles; nothing is added beyond them:

- sharp pain, numbness or tingling down a leg: stop and have it checked (``aslr-test``,
  ``aslr-distraction-test``, ``roll-stretch-glutes``, ``roll-stretch-hamstrings``,
  ``roll-stretch-hip-flexors``);
- the glute squeeze test should not hurt; back or hip pain from squeezing: stop and have it
  checked (``glute-squeeze-test``);
- the work belongs in the glutes and hamstrings, not the low back; stop and work in a shorter
  range (``romanian-deadlift``, ``dead-bug``, ``dowel-hinge``, ``dowel-three-point-check``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from hinge_desktop.ui.today.today_cards import wrapped_label


class SafetyNote(QFrame):
    """When to stop and get checked, with the button that says it was read."""

    acknowledged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safetyNote")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        title = QLabel(self.tr("Before you start: when to stop"))
        title.setObjectName("safetyNoteTitle")
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        lines = (
            self.tr(
                "Sharp pain, numbness or tingling down a leg: stop, and have it checked "
                "before you go on."
            ),
            self.tr(
                "The glute squeeze test should not hurt. If squeezing brings on back or hip "
                "pain, stop and have it checked."
            ),
            self.tr(
                "Feel the work in your glutes and hamstrings, not your low back. If your back "
                "takes over, stop and work in a shorter range."
            ),
        )
        self.text = wrapped_label("safetyNoteText")
        self.text.setText("\n".join(f"•  {line}" for line in lines))
        self.button = QPushButton(self.tr("I've read this"))
        self.button.setObjectName("safetyNoteButton")
        self.button.setAccessibleName(self.tr("I've read when to stop"))
        self.button.setMinimumHeight(32)
        self.button.clicked.connect(self.acknowledged)
        self.setAccessibleName(title.text())
        self.setAccessibleDescription(" ".join(lines))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(self.text)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
