"""Notices to the person outside Hinge's window: a desktop notification with buttons where the
desktop has a notification service (``org.freedesktop.Notifications``, reached through
``session_link.py``), else a tray message,
else a small window of Hinge's own. Each says what the person chose: an action's key, or ""
when it was closed without a choice (dismissed, or left to expire).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop import APP_ID, APP_NAME
from hinge_desktop.ui.desktop.bus_calls import DesktopBus

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
EXPIRED = 1
"""The reason a notification service gives for a notice it took away by itself."""
EXPIRED_ACTION = "expired"
"""What ``answered`` says of a notice that expired without a choice."""
QUIET_NOTICE_MS = 10_000
"""How long a quiet notice shows."""
TRAY_MESSAGE_MS = 30_000
"""How long a tray message shows; one not clicked by then counts as dismissed."""


@dataclass(frozen=True)
class Notice:
    """What to tell: a title, a line or two, and the choices (key, label), the first being what
    a click on the notice itself does."""

    key: str
    summary: str
    body: str
    actions: tuple[tuple[str, str], ...] = ()
    quiet: bool = False
    """A passing word (a desk nudge): brief, kept out of the desktop's list of notifications,
    and never shown in a window of Hinge's own."""


class BusNotifications(QObject):
    """Notifications through the desktop's notification service on the session bus, over
    Hinge's connection for the desktop (``session_link.py``), which hears its signals too."""

    answered = Signal(str, str)
    failed = Signal(object, str)
    """The notice could not be shown (no service, or it refused): the notice and why."""
    _heard = Signal(str, object)
    """A signal of the notification service, from the link's thread: its name and values."""

    def __init__(self, bus: DesktopBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus
        self._shown: dict[int, Notice] = {}
        self._listening = False
        self._heard.connect(self._on_heard)

    def show(self, notice: Notice) -> None:
        actions: list[str] = []
        if notice.actions:
            actions += ["default", notice.actions[0][1]]
        for key, label in notice.actions:
            actions += [key, label]
        hints: dict[str, tuple[str, object]] = {"desktop-entry": ("s", APP_ID)}
        if notice.quiet:
            hints["transient"] = ("b", True)
        # A question stays until answered (a daemon's default would expire it in seconds, and
        # an expired reminder counts as dismissed); a passing word goes by itself.
        timeout = QUIET_NOTICE_MS if notice.quiet else 0
        link, listen = self._bus.link, not self._listening
        self._listening = True
        body = (APP_NAME, 0, APP_ID, notice.summary, notice.body, actions, hints, timeout)

        def notify() -> int:
            if listen:
                link.listen(SERVICE, PATH, self._heard.emit)
            (number,) = link.call(SERVICE, PATH, SERVICE, "Notify", "susssasa{sv}i", body)
            return int(number)

        self._bus.submit(
            notify,
            lambda number: self._shown.__setitem__(number, notice),
            lambda error: self._failed(notice, error, listen),
        )

    def withdraw(self, key: str) -> None:
        """Take a notice back from the screen (its question was answered elsewhere)."""
        link = self._bus.link
        for number, notice in list(self._shown.items()):
            if notice.key == key:
                del self._shown[number]
                self._bus.submit(
                    lambda n=number: link.call(  # type: ignore[misc]
                        SERVICE, PATH, SERVICE, "CloseNotification", "u", (n,)
                    ),
                    lambda _: None,
                    lambda _: None,
                )

    def _failed(self, notice: Notice, error: Exception, listened: bool) -> None:
        if listened:
            self._listening = False  # listened again with the next notice
        self.failed.emit(notice, str(error))

    def _on_heard(self, name: str, values: tuple[object, ...]) -> None:
        if name == "ActionInvoked" and len(values) == 2:
            notice = self._shown.pop(int(values[0]), None)  # type: ignore[call-overload]
            if notice is None:
                return
            action = str(values[1])
            if action == "default":
                action = notice.actions[0][0] if notice.actions else ""
            self.answered.emit(notice.key, action)
        elif name == "NotificationClosed" and values:
            notice = self._shown.pop(int(values[0]), None)  # type: ignore[call-overload]
            if notice is not None:
                # Reason 1: it expired, unseen perhaps; any other, it was closed.
                expired = len(values) > 1 and values[1] == EXPIRED
                self.answered.emit(notice.key, EXPIRED_ACTION if expired else "")


class TrayNotifications(QObject):
    """A message from Hinge's tray icon: a click does the notice's first action."""

    answered = Signal(str, str)

    def __init__(self, tray: QSystemTrayIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray = tray
        self._notice: Notice | None = None
        self._lapse = QTimer(self)
        self._lapse.setObjectName("trayMessageLapse")
        self._lapse.setSingleShot(True)
        self._lapse.setInterval(TRAY_MESSAGE_MS)
        self._lapse.timeout.connect(lambda: self._answer(""))
        tray.messageClicked.connect(self._clicked)

    def show(self, notice: Notice) -> None:
        self._notice = notice
        self._tray.showMessage(
            notice.summary, notice.body, QSystemTrayIcon.MessageIcon.Information, TRAY_MESSAGE_MS
        )
        self._lapse.start()

    def withdraw(self, key: str) -> None:
        if self._notice is not None and self._notice.key == key:
            self._notice = None
            self._lapse.stop()

    def shutdown(self) -> None:
        self._lapse.stop()

    def _clicked(self) -> None:
        notice = self._notice
        if notice is not None:
            self._answer(notice.actions[0][0] if notice.actions else "")

    def _answer(self, action: str) -> None:
        notice, self._notice = self._notice, None
        self._lapse.stop()
        if notice is not None:
            self.answered.emit(notice.key, action)


class NoticeWindow(QWidget):
    """Hinge's own small window for a notice, where the desktop offers neither notifications
    nor a tray: its buttons are the notice's choices; closing it dismisses it."""

    answered = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("noticeWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self._notice: Notice | None = None
        self._summary = QLabel()
        self._summary.setObjectName("noticeSummary")
        font = self._summary.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self._summary.setFont(font)
        self._body = QLabel()
        self._body.setObjectName("noticeBody")
        self._body.setWordWrap(True)
        self._buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self._summary)
        layout.addWidget(self._body)
        layout.addLayout(self._buttons)
        self.setMinimumWidth(360)

    def show_notice(self, notice: Notice) -> None:
        self._notice = notice
        self.setWindowTitle(notice.summary)
        self._summary.setText(notice.summary)
        self._body.setText(notice.body)
        while self._buttons.count():
            item = self._buttons.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        for key, label in notice.actions:
            button = QPushButton(label)
            button.setObjectName(f"notice_{key}")
            button.clicked.connect(lambda _=False, k=key: self._answer(k))
            self._buttons.addWidget(button)
        self.show()
        self.raise_()

    def withdraw(self, key: str) -> None:
        if self._notice is not None and self._notice.key == key:
            self._notice = None
            self.hide()

    def closeEvent(self, event: object) -> None:
        self._answer("")
        super().closeEvent(event)  # type: ignore[arg-type]

    def _answer(self, action: str) -> None:
        notice, self._notice = self._notice, None
        self.hide()
        if notice is not None:
            self.answered.emit(notice.key, action)


class Notifier(QObject):
    """Shows a notice the best way this desktop allows: its notification service, else the
    tray, else Hinge's own window; ``answered(key, action)`` whichever showed it."""

    answered = Signal(str, str)

    def __init__(
        self,
        bus: DesktopBus,
        tray: QSystemTrayIcon | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bus_notices = BusNotifications(bus, self)
        self._bus_notices.answered.connect(self.answered)
        self._bus_notices.failed.connect(self._fall_back)
        self._tray: TrayNotifications | None = None
        self._window: NoticeWindow | None = None
        self.set_tray(tray)
        self.fallback_reason = ""
        """Why the last notice did not go through the notification service, if it did not."""

    def set_tray(self, tray: QSystemTrayIcon | None) -> None:
        """The tray icon to fall back on (None: no tray)."""
        if self._tray is not None:
            self._tray.shutdown()
            self._tray.deleteLater()
        self._tray = TrayNotifications(tray, self) if tray is not None else None
        if self._tray is not None:
            self._tray.answered.connect(self.answered)

    def show(self, notice: Notice) -> None:
        self._bus_notices.show(notice)

    def withdraw(self, key: str) -> None:
        self._bus_notices.withdraw(key)
        if self._tray is not None:
            self._tray.withdraw(key)
        if self._window is not None:
            self._window.withdraw(key)

    def shutdown(self) -> None:
        if self._tray is not None:
            self._tray.shutdown()
        if self._window is not None:
            self._window.deleteLater()
            self._window = None

    def _fall_back(self, notice: Notice, reason: str) -> None:
        self.fallback_reason = reason
        if self._tray is not None and QSystemTrayIcon.isSystemTrayAvailable():
            self._tray.show(notice)
            return
        if notice.quiet:
            return  # a passing word is not worth a window of its own
        if self._window is None:
            self._window = NoticeWindow()
            self._window.answered.connect(self.answered)
        self._window.show_notice(notice)
