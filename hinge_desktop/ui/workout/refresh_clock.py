"""The player's refresh clock: a precise timer that runs exactly while a workout runs (started,
not paused, not done) and says when that changes, for what must follow it (the screen kept
awake, the desktop's media controls)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal


class RefreshClock(QObject):
    """Calls ``tick`` every ``interval_ms`` while started; ``running_changed`` on each start
    and stop that changes whether it runs."""

    running_changed = Signal(bool)

    def __init__(self, interval_ms: int, tick: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setObjectName("workoutTickTimer")
        self._timer.setInterval(interval_ms)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(tick)

    def is_running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        if not self._timer.isActive():
            self._timer.start()
            self.running_changed.emit(True)

    def stop(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.running_changed.emit(False)
