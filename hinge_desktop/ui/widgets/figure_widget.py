"""The moving figure: a drill's key poses played at its tempo, like a visual metronome."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.figure import FigureScene, angles_at, figure_bounds, scene
from hinge_desktop.ui.widgets.figure_painter import FigureColours, FigurePainter

FRAME_MS = 33


class FigureWidget(QWidget):
    """Draws the drill's figure moving between its poses; a click pauses and resumes it.

    Time comes from ``clock`` (monotonic seconds), so the pose always matches the tempo, however
    late a frame is painted. The timer runs only while the widget is shown and playing.

    A player can lead it instead with ``set_time_source``: the figure then shows the pose at the
    seconds into the rep that the source gives, and clicks and keys leave it alone.
    """

    def __init__(
        self, parent: QWidget | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drillFigure")
        self.setAccessibleName(self.tr("Moving figure of the drill"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 160)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._clock = clock
        self._drill: Drill | None = None
        self._painter: FigurePainter | None = None
        self._started = clock()
        self._paused_at: float | None = None
        self._time_source: Callable[[], float] | None = None
        self._timer = QTimer(self)
        self._timer.setObjectName("figureFrameTimer")
        self._timer.setInterval(FRAME_MS)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(420, 300)

    def drill(self) -> Drill | None:
        return self._drill

    def set_drill(self, drill: Drill | None) -> None:
        self._drill = drill
        self._painter = None
        # Begin at the key position (the last pose), so the first look shows the movement's
        # point; the figure then goes back and repeats at the tempo.
        lead = drill.prescription.tempo.away if drill is not None else 0.0
        now = self._clock()
        self._started = now - lead
        if self._paused_at is not None:
            self._paused_at = now
        led = self._time_source is not None
        tip = (
            self.tr("Click, or press Space, to pause or play the movement")
            if drill and not led
            else ""
        )
        self.setToolTip(tip)
        self.setAccessibleDescription(
            self.tr("{name}: moves between its key poses at the drill's tempo").format(
                name=drill.name
            )
            if drill
            else ""
        )
        self._update_timer()
        self.update()

    def set_time_source(self, source: Callable[[], float] | None) -> None:
        """Follow ``source`` (seconds into the rep) instead of the figure's own clock; None goes
        back to the own clock. A led figure cannot be paused by a click: its leader pauses it."""
        self._time_source = source
        led = source is not None
        self.setCursor(Qt.CursorShape.ArrowCursor if led else Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus if led else Qt.FocusPolicy.StrongFocus)
        self.set_drill(self._drill)

    def is_led(self) -> bool:
        return self._time_source is not None

    def is_playing(self) -> bool:
        return self._paused_at is None

    def set_playing(self, playing: bool) -> None:
        now = self._clock()
        if playing and self._paused_at is not None:
            self._started += now - self._paused_at
            self._paused_at = None
        elif not playing and self._paused_at is None:
            self._paused_at = now
        self._update_timer()
        self.update()

    def seconds_into_rep(self) -> float:
        if self._time_source is not None:
            return self._time_source()
        moment = self._paused_at if self._paused_at is not None else self._clock()
        return moment - self._started

    def current_scene(self) -> FigureScene | None:
        if self._drill is None:
            return None
        figure = self._drill.figure
        return scene(
            figure, angles_at(figure, self._drill.prescription.tempo, self.seconds_into_rep())
        )

    def _update_timer(self) -> None:
        should_run = self._drill is not None and self.isVisible() and self._paused_at is None
        if should_run and not self._timer.isActive():
            self._timer.start()
        elif not should_run and self._timer.isActive():
            self._timer.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_timer()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._painter = None
            self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if event.key() in keys and self._drill and not self.is_led():
            self.set_playing(not self.is_playing())
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        clicked = event.button() == Qt.MouseButton.LeftButton
        if clicked and self._drill is not None and not self.is_led():
            self.set_playing(not self.is_playing())
        super().mouseReleaseEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        current = self.current_scene()
        if current is None or self._drill is None:
            return
        if self._painter is None:
            colours = FigureColours.from_palette(self.palette())
            self._painter = FigurePainter(figure_bounds(self._drill.figure), colours)
        painter = QPainter(self)
        try:
            paused = not self.is_playing() and not self.is_led()
            keep_clear = [self.paused_box()] if paused else []
            self._painter.paint(painter, QRectF(self.rect()), current, keep_clear)
            if paused:
                self._paint_paused(painter)
            if self.hasFocus():
                pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 6, 6)
        finally:
            painter.end()

    def angle_label_rect(self) -> QRectF:
        """Where the hip angle was last written."""
        return QRectF(self._painter.label_rect) if self._painter is not None else QRectF()

    def paused_box(self) -> QRectF:
        """Where the "paused" mark goes: the top left corner (the angle keeps clear of it)."""
        metrics = self.fontMetrics()
        width = metrics.horizontalAdvance(self.tr("Paused")) + 36
        return QRectF(8, 8, width, metrics.height() + 12)

    def _paint_paused(self, painter: QPainter) -> None:
        """A small "paused" mark in the corner, so a still figure is not taken for a hang."""
        text = self.tr("Paused")
        box = self.paused_box()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().color(QPalette.ColorRole.Button))
        painter.drawRoundedRect(box, 6, 6)
        colour = self.palette().color(QPalette.ColorRole.ButtonText)
        painter.setBrush(colour)
        bar = box.height() - 16
        painter.drawRect(QRectF(box.left() + 10, box.top() + 8, 4, bar))
        painter.drawRect(QRectF(box.left() + 17, box.top() + 8, 4, bar))
        painter.setPen(colour)
        painter.drawText(
            box.adjusted(28, 0, 0, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
