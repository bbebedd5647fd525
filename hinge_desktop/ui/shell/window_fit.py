"""How the window fits any screen: its size at the first start, and a remembered size brought
within the screen it opens on (the scroll area each view sits in, so that no view can make the
window taller than the screen, is ``view_place.py``)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = QSize(1280, 800)
FRAME = (8, 40, 8, 8)
"""Room left on the screen around the window for its frame: left, top (the title bar), right,
bottom; the window's geometry leaves the frame out."""


SMALL_SCREEN = QSize(1120, 650)
"""Below this, nine tenths of the screen would waste room the player needs: take it all."""


def default_size(available: QSize) -> QSize:
    """1280 by 800 pixels, or nine tenths of the screen where that is smaller; on a small screen
    (a 1024 by 600 netbook) all of it but the window's frame."""
    if available.width() < SMALL_SCREEN.width() or available.height() < SMALL_SCREEN.height():
        left, top, right, bottom = FRAME
        return QSize(available.width() - left - right, available.height() - top - bottom)
    return DEFAULT_SIZE.boundedTo(available * 0.9)


def fit_on_screen(geometry: QRect, available: QRect) -> QRect:
    """``geometry`` as it is where it lies on ``available``; else made to fit it with its frame:
    smaller where it is larger, moved in where it sticks out."""
    if available.contains(geometry):
        return geometry
    left, top, right, bottom = FRAME
    room = available.adjusted(left, top, -right, -bottom)
    fitted = QRect(geometry.topLeft(), geometry.size().boundedTo(room.size()))
    fitted.moveLeft(min(max(fitted.left(), room.left()), room.right() - fitted.width() + 1))
    fitted.moveTop(min(max(fitted.top(), room.top()), room.bottom() - fitted.height() + 1))
    return fitted


def outline(nav_width: int) -> QWidget:
    """What the window shows until its chrome is built: the navigation's column (``nav_width``
    wide), in its colour, on the window's."""
    from PySide6.QtGui import QPalette

    shown = QWidget()
    column = QWidget(shown)
    column.setBackgroundRole(QPalette.ColorRole.Base)
    column.setAutoFillBackground(True)
    column.setGeometry(0, 0, nav_width, 1 << 14)
    return shown
