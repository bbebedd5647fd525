"""Widgets whose words change without moving what is around them."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect, Qt
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
    """A wrapped label with room, at its width, for the longest text it shows: what is above it
    does not move as its words run onto another line and back. Empty, it takes no room."""

    def __init__(self, longest: str) -> None:
        super().__init__()
        self.setWordWrap(True)
        self._longest = longest

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def _fit(self) -> None:
        if not self.text():
            self.setMinimumHeight(0)
            return
        inside = self.contentsRect().width() - 2 * max(self.margin(), 0)
        room = self.fontMetrics().boundingRect(
            QRect(0, 0, max(inside, 1), 0), Qt.TextFlag.TextWordWrap, self._longest
        )
        self.setMinimumHeight(max(room.height(), self.heightForWidth(self.width())))
