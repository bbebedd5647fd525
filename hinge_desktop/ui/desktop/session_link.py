"""Hinge's own connection to the session bus for what it asks of the desktop, through jeepney.

From Python, QtDBus can send a method's exact types only through an interface built from the
service's description, which it asks for and waits on (25 s for a service that hangs, on
whatever thread asks), and it cannot build one for most notification daemons (their hints,
``a{sv}``, come out as a raw type it will not send); a Python int goes out signed. jeepney writes
each message with the signature given and waits at most :data:`CALL_TIMEOUT_MS` for an answer.

The connection stays open while Hinge runs: the screen saver keeps a hold, and a notification
service its notices, for the connection that asked, and lets them go when it closes (a crash
closes it too). Some desktops send a notification's signals only to that connection, so it
hears them here (:meth:`SessionLink.listen`). Calls run on the desktop bus lane; what is heard
is handed over on jeepney's own reading thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from hinge_desktop.ui.desktop.bus_calls import CALL_TIMEOUT_MS, BusError

if TYPE_CHECKING:
    from jeepney.io.threading import DBusRouter

Heard = Callable[[str, tuple[Any, ...]], None]
"""Called on jeepney's thread with a signal's name and its values."""


class _Handed:
    """Stands in for the queue a jeepney filter puts the messages it matches in."""

    def __init__(self, heard: Heard) -> None:
        self._heard = heard

    def put_nowait(self, message: Any) -> None:
        from jeepney.low_level import HeaderFields

        self._heard(message.header.fields.get(HeaderFields.member, ""), tuple(message.body))


class SessionLink:
    """Opened at the first call; used and closed on the desktop bus lane only."""

    def __init__(self) -> None:
        self._router: DBusRouter | None = None
        self._filters: list[Any] = []

    def call(
        self,
        service: str,
        path: str,
        interface: str,
        method: str,
        signature: str | None = None,
        body: tuple[object, ...] = (),
    ) -> tuple[Any, ...]:
        """Call ``method`` with ``body`` sent as ``signature``; its answer's values. Blocks."""
        from jeepney import DBusAddress, MessageType, new_method_call
        from jeepney.low_level import HeaderFields

        router = self._open()
        address = DBusAddress(path, bus_name=service, interface=interface)
        message = new_method_call(address, method, signature, body)
        try:
            reply = router.send_and_get_reply(message, timeout=CALL_TIMEOUT_MS / 1000)
        except TimeoutError as error:
            raise BusError(
                QCoreApplication.translate("DesktopBus", "{service} did not answer").format(
                    service=service
                )
            ) from error
        if reply.header.message_type == MessageType.error:
            name = str(reply.header.fields.get(HeaderFields.error_name, ""))
            raise BusError(str(reply.body[0]) if reply.body else name)
        return tuple(reply.body)

    def listen(self, interface: str, path: str, heard: Heard) -> None:
        """Hear the signals of ``interface`` at ``path``, sent to all or to this connection."""
        from jeepney import MatchRule, message_bus

        router = self._open()
        rule = MatchRule(type="signal", interface=interface, path=path)
        self._filters.append(router.filter(rule, queue=_Handed(heard)))  # type: ignore[arg-type]
        router.send_and_get_reply(message_bus.AddMatch(rule), timeout=CALL_TIMEOUT_MS / 1000)

    def close(self) -> None:
        """Close the connection: what the desktop holds for it is let go."""
        for handle in self._filters:
            handle.close()
        self._filters.clear()
        if self._router is not None:
            router, self._router = self._router, None
            router.close()
            router.conn.close()

    def _open(self) -> DBusRouter:
        if self._router is not None:
            return self._router
        try:
            from jeepney.io.threading import DBusRouter, open_dbus_connection
        except ImportError as error:
            raise BusError(
                QCoreApplication.translate(
                    "DesktopBus", "jeepney (Hinge's link to the desktop) is missing"
                )
            ) from error
        try:
            connection = open_dbus_connection(bus="SESSION")
        except (OSError, KeyError, ValueError) as error:
            raise BusError(
                QCoreApplication.translate(
                    "DesktopBus", "there is no session bus ({error})"
                ).format(error=error)
            ) from error
        self._router = DBusRouter(connection)
        return self._router
