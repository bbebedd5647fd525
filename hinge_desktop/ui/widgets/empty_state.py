"""A view that says plainly what will be there, for a part of Hinge that is not built yet."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hinge_desktop.ui.widgets.icons import icon


class EmptyState(QWidget):
    def __init__(
        self,
        icon_name: str,
        title: str,
        summary: str,
        parent: QWidget | None = None,
        action: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        self._icon = icon(icon_name)
        self._picture = picture = QLabel()
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._draw_picture()
        heading = QLabel(title)
        heading.setObjectName("placeholderTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        heading.setFont(font)
        body = QLabel(summary)
        body.setObjectName("placeholderSummary")
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setFixedWidth(560)
        body_font = body.font()
        body_font.setPointSizeF(body_font.pointSizeF() * 1.15)
        body.setFont(body_font)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(picture)
        layout.addSpacing(12)
        layout.addWidget(heading)
        layout.addSpacing(8)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(body)
        centred.addStretch(1)
        layout.addLayout(centred)
        if action is not None:
            layout.addSpacing(16)
            layout.addWidget(action, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._draw_picture()

    def _draw_picture(self) -> None:
        """Draw the icon in the current palette: again after a switch between light and dark."""
        self._picture.setPixmap(self._icon.pixmap(72, 72))
