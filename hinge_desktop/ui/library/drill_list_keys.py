"""The drill browser's keys: type in the list to search, arrows in the search box move the list,
Return in the search box starts the drill chosen, Return in the list opens it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

if TYPE_CHECKING:
    from hinge_desktop.ui.library.drills_view import DrillsView


class ListKeys(QObject):
    """Type in the list to search; arrows in the search box move the list; Return in the search
    box starts the drill chosen (after typing, the top match), Return in the list opens it."""

    def __init__(self, view: DrillsView) -> None:
        super().__init__(view)
        self._view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        view = self._view
        key = event.key()
        if watched is view.search:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                view.move_selection(key)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                view.start_current()
                return True
            if key == Qt.Key.Key_Escape and view.search.text():
                view.search.clear()
                return True
        elif watched is view.list:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                view.open_current()
                return True
            text = event.text()
            if (
                text
                and text.isprintable()
                and not text.isspace()
                and not (
                    event.modifiers()
                    & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
                )
            ):
                view.search.setFocus()
                view.search.insert(text)
                return True
        return False
