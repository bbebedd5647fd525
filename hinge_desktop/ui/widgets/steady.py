"""Widgets whose words change without moving what is around them."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QLabel


def hold_widest(widget: QLabel | QAbstractButton, texts: Iterable[str]) -> None:
    """Make ``widget`` at least as wide as it is with the widest of ``texts``, so a change
    between them never pushes its neighbours aside. Its own text is left as it was (a button's
    shortcut, which a new text clears, is for the caller to set)."""
    own = widget.text()
    widest = 0
    for text in texts:
        widget.setText(text)
        widest = max(widest, widget.sizeHint().width())
    widget.setText(own)
    widget.setMinimumWidth(widest)


class SteadyLabel(QLabel):
    """A wrapped label that keeps the height of the tallest text it has shown at its width: what
    is above it does not jump each time its words run onto another line. An empty text, or a new
    width, lets it go back to what it shows."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._hold(keep=bool(text))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._hold(keep=False)

    def _hold(self, keep: bool) -> None:
        needed = self.heightForWidth(self.width()) if self.text() else 0
        self.setMinimumHeight(max(needed, self.minimumHeight()) if keep else needed)
