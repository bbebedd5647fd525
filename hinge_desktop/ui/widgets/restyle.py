"""Buttons with a style sheet keep the palette they were polished with: after a switch between
light and dark they would stay in the old colours. ``keep_styled`` styles them again whenever the
widget that holds them gets a new palette."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class _Restyler(QObject):
    def __init__(self, owner: QWidget, styled: Callable[[], Iterable[QWidget]]) -> None:
        super().__init__(owner)
        self._styled = styled
        owner.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange:
            for widget in self._styled():
                sheet = widget.styleSheet()
                widget.setStyleSheet("")
                widget.setStyleSheet(sheet)
        return False


def keep_styled(owner: QWidget, styled: Callable[[], Iterable[QWidget]]) -> None:
    """Style ``styled()`` again each time ``owner`` (their parent) gets a new palette."""
    _Restyler(owner, styled)
