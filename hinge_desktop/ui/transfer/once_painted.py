"""Work held back until a window is on screen: started at the turn of the event loop after its
first paint (or after a while, if it is never painted).

Work on another thread shares the GIL with the GUI thread, and a window's first paint (and the
repaint of the window behind a dialog that opens) runs a lot of Python, waiting for the GIL at
every step; held back a moment, the paint runs alone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 300
"""When the work starts if the window has not painted by then (never shown, say)."""


class OncePainted(QObject):
    """Runs ``work`` once, the turn after ``widget`` first paints, or ``FALLBACK_MS`` after
    being made; the widget's children are not watched."""

    def __init__(self, widget: QWidget, work: Callable[[], None]) -> None:
        super().__init__(widget)
        self.setObjectName("oncePainted")
        self._widget = widget
        self._work: Callable[[], None] | None = work
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run)
        self._timer.start(FALLBACK_MS)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint and self._work:
            self._timer.start(0)  # after this paint, and what else this turn paints
        return False

    def is_pending(self) -> bool:
        return self._work is not None

    def _run(self) -> None:
        work, self._work = self._work, None
        self._widget.removeEventFilter(self)
        if work is not None:
            work()
