"""Hinge's own connection to the desktop's notification service, through jeepney.

QtDBus cannot send ``Notify`` to a notification daemon that describes itself without Qt's type
annotations (most do: GNOME's, dunst, xfce4-notifyd): it maps the hints (``a{sv}``) to a raw
type it will not send, and from Python it has no unsigned 32-bit integer for the ids. jeepney
writes each message with its exact signature. Some desktops (KDE's) send a notification's
``ActionInvoked`` and ``NotificationClosed`` only to the connection that asked for it, so the
same connection hears them: jeepney's router reads on a thread of its own and hands each such
signal to a function (through :meth:`_Handed.put_nowait`, in place of a queue).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from hinge_desktop.ui.desktop.bus_calls import CALL_TIMEOUT_MS, BusError

if TYPE_CHECKING:
    from jeepney.io.threading import DBusRouter

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"

Heard = Callable[[str, tuple[Any, ...]], None]
"""Called on the router's thread with a signal's name and its values."""


class _Handed:
    """Stands in for the queue a jeepney filter puts matching messages in."""

    def __init__(self, heard: Heard) -> None:
        self._heard = heard

    def put_nowait(self, message: Any) -> None:
        from jeepney.low_level import HeaderFields

        self._heard(message.header.fields.get(HeaderFields.member, ""), tuple(message.body))


class NotificationLink:
    """Opened, used and closed on the desktop bus lane; ``heard`` runs on jeepney's thread."""

    def __init__(self, heard: Heard) -> None:
        self._heard = heard
        self._router: DBusRouter | None = None
        self._filter: Any = None

    def notify(
        self,
        app_name: str,
        icon: str,
        summary: str,
        body: str,
        actions: list[str],
        hints: dict[str, tuple[str, object]],
        timeout_ms: int,
    ) -> int:
        """Show a notification; its id. ``hints``: name → (D-Bus signature, value)."""
        reply = self._call(
            "Notify",
            "susssasa{sv}i",
            (app_name, 0, icon, summary, body, actions, hints, timeout_ms),
        )
        return int(reply[0])

    def close_notification(self, number: int) -> None:
        self._call("CloseNotification", "u", (number,))

    def close(self) -> None:
        if self._filter is not None:
            self._filter.close()
            self._filter = None
        if self._router is not None:
            router, self._router = self._router, None
            router.close()
            router.conn.close()

    def _call(self, method: str, signature: str, body: tuple[object, ...]) -> tuple[Any, ...]:
        from jeepney import DBusAddress, MessageType, new_method_call
        from jeepney.low_level import HeaderFields

        router = self._open()
        address = DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE)
        message = new_method_call(address, method, signature, body)
        try:
            reply = router.send_and_get_reply(message, timeout=CALL_TIMEOUT_MS / 1000)
        except TimeoutError as error:
            raise BusError(f"{SERVICE} did not answer") from error
        if reply.header.message_type == MessageType.error:
            name = reply.header.fields.get(HeaderFields.error_name, "")
            raise BusError(str(reply.body[0]) if reply.body else name)
        return tuple(reply.body)

    def _open(self) -> DBusRouter:
        if self._router is not None:
            return self._router
        try:
            from jeepney import MatchRule, message_bus
            from jeepney.io.threading import DBusRouter, open_dbus_connection
        except ImportError as error:
            raise BusError("jeepney (Hinge's link to notifications) is missing") from error
        try:
            connection = open_dbus_connection(bus="SESSION")
        except (OSError, KeyError, ValueError) as error:
            raise BusError(f"there is no session bus ({error})") from error
        router = DBusRouter(connection)
        rule = MatchRule(type="signal", interface=SERVICE, path=PATH)
        self._filter = router.filter(rule, queue=_Handed(self._heard))  # type: ignore[arg-type]
        router.send_and_get_reply(message_bus.AddMatch(rule), timeout=CALL_TIMEOUT_MS / 1000)
        self._router = router
        return router
