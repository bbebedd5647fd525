"""The banner that says, once, why the coach is silent and how to get voice."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget


class VoiceHint(QWidget):
    """A calm strip with the voice problem in words and a close button."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voiceHint")
        self.setAccessibleName(self.tr("Voice is off"))
        self.message = QLabel()
        self.message.setObjectName("voiceHintText")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setObjectName("voiceHintClose")
        close.setText(self.tr("Got it"))
        close.setAccessibleName(self.tr("Close the voice hint"))
        close.setToolTip(self.tr("Hide this note; the cues still show on screen"))
        close.setAutoRaise(True)
        close.clicked.connect(self.dismissed)
        self.close_button = close
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        layout.addWidget(self.message, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_text(self, text: str) -> None:
        """Show the speaker's own words: what is wrong and how to get voice."""
        self.message.setText(text)
        self.setAccessibleDescription(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        """A tint of the highlight over the window colour, in light and dark alike."""
        base = self.palette().color(QPalette.ColorRole.Window)
        tint = self.palette().color(QPalette.ColorRole.Highlight)
        mixed = QColor.fromRgbF(
            base.redF() * 0.85 + tint.redF() * 0.15,
            base.greenF() * 0.85 + tint.greenF() * 0.15,
            base.blueF() * 0.85 + tint.blueF() * 0.15,
        )
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(tint, 1))
            painter.setBrush(mixed)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        finally:
            painter.end()
