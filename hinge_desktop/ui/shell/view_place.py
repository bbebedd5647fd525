"""Where each view sits in the window: a scroll area, so that no view can make the window taller
than the screen; its width is the view's to fit."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget


class ViewPlace(QScrollArea):
    """Where a view sits in the window: it fills it, and scrolls up and down where the window
    is shorter than the view can be. Its width is the view's to fit: each view reflows to the
    narrowest window (1000 pixels), so none scrolls sideways."""

    def __init__(self, view: QWidget) -> None:
        super().__init__()
        # The window already fills what shows through; a scroll area and its widget that fill
        # it again make every switch of view paint the whole view twice. So the viewport is a
        # plain widget of our own, which does not fill (asking the scroll area for its own
        # would make PySide load every widget class there is, 25 ms, as the drill list opens).
        self.setViewport(QWidget())
        self.setObjectName(f"{view.objectName() or 'view'}Place")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._view = view
        # A view that scrolls inside itself (the player, whose controls stay put while the rest
        # scrolls) gets the window's height however tall its wrapped texts would like to be.
        inner = _AtItsMinimum(view) if getattr(view, "scrolls_inside", False) else view
        self.setWidget(inner)
        inner.setAutoFillBackground(False)  # set by setWidget

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
