"""The one big button of a page (Start, Log set), in the accent colour of whichever palette is
shown, light or dark, and again after a switch."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QPushButton, QWidget


class PrimaryButton(QPushButton):
    """The one big button, in the accent colour of whichever palette is shown."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._tinting = False
        self._tint()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ParentChange):
            self._tint()

    def _tint(self) -> None:
        if self._tinting:
            return
        self._tinting = True
        try:
            parent = self.parentWidget()
            source = parent.palette() if parent is not None else QApplication.palette()
            # Only the button's two roles are set here; the others still follow the parent. Off,
            # it must not look like the one big button: greyed, as the window around it.
            role, group = QPalette.ColorRole, QPalette.ColorGroup
            own = QPalette()
            own.setColor(role.Button, source.color(role.Highlight))
            own.setColor(role.ButtonText, source.color(role.HighlightedText))
            own.setColor(group.Disabled, role.Button, source.color(role.Window))
            own.setColor(group.Disabled, role.ButtonText, source.color(group.Disabled, role.Text))
            self.setPalette(own)
        finally:
            self._tinting = False
