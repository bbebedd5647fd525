"""Widgets whose words change without moving what is around them."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QRect, Qt
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
    does not move as its words run onto another line and back. Empty it takes no room, and
    where its parent is under ``roomy`` pixels tall it takes only what its words need (a
    cramped panel has no room to spare, and a squeezed layout would draw words over words)."""

    def __init__(self, longest: str, roomy: int) -> None:
        super().__init__()
        self.setWordWrap(True)
        self._longest = longest
        self._roomy = roomy
        self._watched: QObject | None = None

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ParentChange:
            self._watch_parent()
        elif event.type() == QEvent.Type.Resize:
            self._fit()
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.Resize:
            self._fit()
        return super().eventFilter(watched, event)

    def _watch_parent(self) -> None:
        if self._watched is not None:
            self._watched.removeEventFilter(self)
        self._watched = self.parentWidget()
        if self._watched is not None:
            self._watched.installEventFilter(self)

    def _height_of(self, text: str) -> int:
        inside = max(self.contentsRect().width() - 2 * max(self.margin(), 0), 1)
        flags = Qt.TextFlag.TextWordWrap
        return self.fontMetrics().boundingRect(QRect(0, 0, inside, 0), flags, text).height()

    def _fit(self) -> None:
        text = self.text()
        parent = self.parentWidget()
        roomy = parent is None or parent.height() >= self._roomy
        needed = self._height_of(text) if text else 0
        if text and roomy:
            needed = max(needed, self._height_of(self._longest))
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)
