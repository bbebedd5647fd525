"""Calls to the desktop's services on the session bus, made off the GUI thread.

QtDBus sends a Python int as a signed 32-bit integer, and the desktop's services reject a call
whose types are not the method's own (UnInhibit takes an unsigned cookie, Notify an unsigned
id). An interface that knows the method's types sends them right, but building one asks the
service for its description and waits for the answer: on the GUI thread, a service that hangs
would freeze the window. So each call is a job on a thread of its own (``DesktopBus``), made
with the types named (``call_method``), and its answer comes back on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QCoreApplication, QMetaObject, QObject, Qt
from PySide6.QtDBus import QDBusConnection, QDBusInterface

from hinge_desktop.ui.tasks import TaskRunner

T = TypeVar("T")

CALL_TIMEOUT_MS = 3000
"""How long a call waits for its answer; a desktop service answers in milliseconds."""

Typed = tuple[str, object]
"""An argument with the Qt type it is sent as: ("uint", 7), ("QString", "Hinge")."""


class BusError(Exception):
    """A call that did not reach its service, or that the service refused; says which."""


def session_bus_connected() -> bool:
    """Whether this session has a bus to reach the desktop's services on."""
    return QDBusConnection.sessionBus().isConnected()


def call_method(
    service: str,
    path: str,
    interface: str,
    method: str,
    *args: Typed,
    returns: str | None = None,
) -> object:
    """Call ``method`` with ``args`` sent as their named types and wait for its answer (of type
    ``returns``, if any). Blocks: run it on :class:`DesktopBus`'s thread, never the GUI's."""
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        raise BusError(QCoreApplication.translate("DesktopBus", "there is no session bus"))
    remote = QDBusInterface(service, path, interface, bus)
    if not remote.isValid():
        reason = remote.lastError().message()
        raise BusError(
            reason
            or QCoreApplication.translate("DesktopBus", "{service} cannot be reached").format(
                service=service
            )
        )
    remote.setTimeout(CALL_TIMEOUT_MS)
    signature = QMetaObject.normalizedSignature(f"{method}({','.join(t for t, _ in args)})")
    if remote.metaObject().indexOfMethod(signature.data().decode()) < 0:
        raise BusError(
            QCoreApplication.translate("DesktopBus", "{service} has no method {method}").format(
                service=service, method=signature.data().decode()
            )
        )
    arguments = [Q_ARG(kind, value) for kind, value in args]
    direct = Qt.ConnectionType.DirectConnection
    if returns is None:
        QMetaObject.invokeMethod(remote, method, direct, *arguments)
        result: object = None
    else:
        result = QMetaObject.invokeMethod(remote, method, direct, Q_RETURN_ARG(returns), *arguments)
    error = remote.lastError()
    if error.isValid():
        raise BusError(error.message() or error.name())
    return result


class DesktopBus(QObject):
    """Runs calls to the desktop's services one after another on a thread of its own, which
    ends when the last answer is in; answers come back on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner: TaskRunner[None] = TaskRunner(
            "desktopBus", keep_thread=False, finish_all=True, parent=self
        )
        self._closed = False

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
        self._runner.submit(lambda _connection: job(), on_done, on_error, context=self)

    def is_busy(self) -> bool:
        return not self._closed and self._runner.is_busy()

    def shutdown(self) -> None:
        """Make the calls asked for (each waits at most ``CALL_TIMEOUT_MS``), then end."""
        if not self._closed:
            self._closed = True
            self._runner.shutdown()
