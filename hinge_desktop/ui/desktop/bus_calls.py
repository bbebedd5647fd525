"""Calls to the desktop's services on the session bus, made off the GUI thread: each is a job
on a lane of its own (``DesktopBus``), one after another, made on Hinge's connection for them
(``session_link.py``), and its answer comes back on the GUI thread. A service that hangs holds
up only the lane, for at most :data:`CALL_TIMEOUT_MS` a call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtDBus import QDBusConnection

from hinge_desktop.ui.tasks import TaskRunner

T = TypeVar("T")

CALL_TIMEOUT_MS = 3000
"""How long a call waits for its answer; a desktop service answers in milliseconds."""


class BusError(Exception):
    """A call that did not reach its service, or that the service refused; says which."""


def session_bus_connected() -> bool:
    """Whether this session has a bus to reach the desktop's services on."""
    return QDBusConnection.sessionBus().isConnected()


class DesktopBus(QObject):
    """Runs calls to the desktop's services one after another on a thread of its own, which
    ends when the last answer is in; answers come back on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        from hinge_desktop.ui.desktop.session_link import SessionLink

        super().__init__(parent)
        self._runner: TaskRunner[None] = TaskRunner(
            "desktopBus", keep_thread=False, finish_all=True, parent=self
        )
        self._closed = False
        self.link = SessionLink()
        """The connection the calls are made on (``session_link.py``); on the lane only."""

    def submit(
        self,
        job: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """Make the call ``job`` after those asked for before; once the lane has ended (Hinge
        is quitting), nothing more is asked of the desktop."""
        if self._closed:
            return
        try:
            self._runner.submit(lambda _connection: job(), on_done, on_error, context=self)
        except RuntimeError:
            self._closed = True  # its thread was ended as Hinge quits

    def is_busy(self) -> bool:
        return not self._closed and self._runner.is_busy()

    def shutdown(self) -> None:
        """Make the calls asked for (each waits at most ``CALL_TIMEOUT_MS``), close the link
        (what the desktop holds for it is let go), then end."""
        if not self._closed:
            self.submit(self.link.close, lambda _: None, lambda _: None)
            self._closed = True
            self._runner.shutdown()
