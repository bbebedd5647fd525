"""How the window fits any screen: its size at the first start, a remembered size brought within
the screen it opens on, and the scroll area each view sits in, so that no view can make the
window taller than the screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget

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


class ViewPlace(QScrollArea):
    """Where a view sits in the window: it fills it, and scrolls up and down where the window
    is shorter than the view can be. Its width is the view's to fit: each view reflows to the
    narrowest window (1000 pixels), so none scrolls sideways."""

    def __init__(self, view: QWidget) -> None:
        from PySide6.QtCore import (
            Qt,  # not at the top: this module is loaded before the first paint
        )

        super().__init__()
        self.setObjectName(f"{view.objectName() or 'view'}Place")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._view = view
        # A view that scrolls inside itself (the player, whose controls stay put while the rest
        # scrolls) gets the window's height however tall its wrapped texts would like to be.
        self.setWidget(_AtItsMinimum(view) if getattr(view, "scrolls_inside", False) else view)
        # The window already fills what shows through; a scroll area and its widget that fill
        # it again make every switch of view paint the whole view twice.
        self.viewport().setAutoFillBackground(False)
        self.widget().setAutoFillBackground(False)

    def view(self) -> QWidget:
        return self._view

    def minimumSizeHint(self) -> QSize:
        return QSize(self.widget().minimumSizeHint().width(), 120)

    def sizeHint(self) -> QSize:
        return self.widget().sizeHint()


class _AtItsMinimum(QWidget):
    """Holds a view at the scroll area's size down to the view's minimum: without a layout of
    its own it has no height-for-width, which would make the scroll area as tall as the view's
    texts could wrap to, and scroll its pinned controls off the window."""

    def __init__(self, view: QWidget) -> None:
        super().__init__()
        self.setObjectName(f"{view.objectName()}Holder")
        view.setParent(self)
        self._view = view
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def minimumSizeHint(self) -> QSize:
        return self._view.minimumSizeHint()

    def sizeHint(self) -> QSize:
        return self._view.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._view.setGeometry(self.rect())
