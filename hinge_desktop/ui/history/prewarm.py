"""A hidden view made ready to show: sized, laid out and painted once off screen, a step per turn
of the event loop, so that the first time it is shown costs no more than any later time.

The first show of a page builds what every later show reuses: styles applied, layouts worked
out, the charts' axes and symbols drawn, fonts' glyphs rendered. Done at once, that stops the
window for longer than a frame; done here, while the window is idle, each step is short. A step
paints into an image nobody sees, through ``QWidget.render``, which lays out a hidden widget
before painting it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pyqtgraph as pg
from PySide6.QtCore import QObject, QPoint, QRect, QSize, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QImage, QPainter, QRegion
from PySide6.QtWidgets import QStackedLayout, QStyleOptionGraphicsItem, QWidget

STEP_GAP_MS = 10
"""The event loop's time between two steps: input and timers come first."""
TILE = QSize(270, 190)
"""The part of the page one step paints."""


def page_of(widget: QWidget) -> QWidget:
    """The outermost hidden widget holding ``widget``: the page a window shows it on (itself,
    if ``widget`` is a window of its own)."""
    page = widget
    while (parent := page.parentWidget()) is not None and not parent.isVisible():
        page = parent
    return page


def place(page: QWidget) -> None:
    """Give a page of a stack the place it takes when the stack shows it: the one the page on
    show has."""
    parent = page.parentWidget()
    layout = parent.layout() if parent is not None else None
    if isinstance(layout, QStackedLayout):
        shown = layout.currentWidget()
        if shown is not None and shown is not page:
            page.setGeometry(shown.geometry())
    page.ensurePolished()


def paint(widget: QWidget, area: QRect | None = None) -> None:
    """Paint ``widget`` (or ``area`` of it) into an image, where and as a show would paint it
    into the window (a hidden widget is laid out first): at the same place, so that what is
    kept from the paint in the window's pixels (the charts' pictures) is kept for the show."""
    part = widget.rect() if area is None else area
    if part.isEmpty():
        return
    at = widget.mapTo(widget.window(), part.topLeft())
    image = QImage(
        QSize(at.x() + part.width(), at.y() + part.height()),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(widget.devicePixelRatioF())
    widget.render(image, at, QRegion(part))


def chart_axes(page: QWidget) -> list[Callable[[], None]]:
    """A step per axis of the charts on ``page``: its ticks worked out and its picture drawn,
    the costliest part of a chart's first paint (a date axis looks up the time zone for every
    tick), kept by the axis until its range or size changes."""
    return [
        lambda plot=plot, name=name: _draw_axis(plot.getPlotItem().getAxis(name))
        for plot in page.findChildren(pg.PlotWidget)
        for name in ("left", "bottom")
    ]


def _draw_axis(axis: pg.AxisItem) -> None:
    if not axis.isVisible():
        return
    image = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    try:
        axis.paint(painter, QStyleOptionGraphicsItem(), None)
    finally:
        painter.end()


def tiles(size: QSize, tile: QSize = TILE) -> list[QRect]:
    """The parts of a page of ``size`` that the steps paint, row by row."""
    return [
        QRect(x, y, tile.width(), tile.height()).intersected(QRect(QPoint(0, 0), size))
        for y in range(0, size.height(), tile.height())
        for x in range(0, size.width(), tile.width())
    ]


class Prewarm(QObject):
    """Makes the page holding ``widget`` ready to show, a step at a time, once started.

    The steps: the page placed and its style applied; laid out (a pixel painted); its charts'
    axes drawn, one at a time; the ``first`` widgets painted, one at a time (those costly to
    paint the first time); then the page painted a tile at a time. It stops, its work no
    longer needed, as soon as the page is shown; a widget that is a hidden window of its own
    has no known place, and is left as it is.
    """

    finished = Signal()
    """Every step has run, or the page was shown before they had."""

    def __init__(self, widget: QWidget, first: Sequence[QWidget] = ()) -> None:
        super().__init__(widget)
        self.setObjectName("historyPrewarm")
        self._widget = widget
        self._first = tuple(first)
        self._steps: list[Callable[[], None]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(STEP_GAP_MS)
        self._timer.timeout.connect(self._next)
        self._running = False
        self._done = False
        self.steps_done = 0
        """Steps run since the last start."""

    def start(self) -> None:
        """Begin (or begin again, if the page was shown since: nothing is then left to do)."""
        if self._running:
            return
        self._running = True
        self._done = False
        self.steps_done = 0
        page = page_of(self._widget)
        self._steps = (
            []
            if page.isWindow()
            else [
                lambda: place(page),
                lambda: paint(page, QRect(0, 0, 1, 1)),
                lambda: self._then(chart_axes(page)),
                *(lambda costly=costly: paint(costly) for costly in self._first),
                lambda: self._then(
                    [lambda area=area: paint(page, area) for area in tiles(page.size())]
                ),
            ]
        )
        self._timer.start()

    def start_after(self, ready: SignalInstance, busy: Callable[[], bool]) -> None:
        """Start now, unless ``busy()``: then once ``ready`` is emitted."""
        if not busy():
            self.start()
        else:
            ready.connect(self.start, type=Qt.ConnectionType.SingleShotConnection)

    def is_running(self) -> bool:
        return self._running

    def is_done(self) -> bool:
        """Whether the last start ran to its end (or found the page shown)."""
        return self._done

    def _then(self, steps: list[Callable[[], None]]) -> None:
        """Run ``steps`` next: what they are is known only once the page is laid out."""
        self._steps[:0] = steps

    def _next(self) -> None:
        if self._widget.isVisible():
            self._steps.clear()  # shown meanwhile: the show did it all
        if self._steps:
            self._steps.pop(0)()
            self.steps_done += 1
        if self._steps:
            self._timer.start()
            return
        self._running = False
        self._done = True
        self.finished.emit()
