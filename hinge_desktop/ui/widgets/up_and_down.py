"""A frameless scroll area that scrolls up and down only: a page whose texts wrap to its width and
which scrolls where the window is short, never sideways."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def up_and_down(content: QWidget, name: str) -> QScrollArea:
    """``content`` in a scroll area named ``name`` that gives it its width and scrolls up and
    down where it is taller than the room there is."""
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    return area
