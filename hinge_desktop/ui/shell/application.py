"""The QApplication: identity, style, colour scheme and a clean quit on SIGINT/SIGTERM."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from hinge_desktop import APP_ID, APP_NAME, ORGANIZATION_DOMAIN, __version__
from hinge_desktop.qt_messages import drop_qt_message
from hinge_desktop.ui.preferences import COLOUR_SCHEME, Preferences
from hinge_desktop.ui.shell import theme

if TYPE_CHECKING:
    import socket

    from PySide6.QtCore import Qt


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
        app.setStyle("Fusion")
    else:
        # Fusion looks the same everywhere and honours our palettes. Asked for on the command
        # line, it is created without a Python wrapper for QStyle, which is slow to build.
        args = list(argv if argv is not None else sys.argv[:1])
        app = QApplication([*args[:1], "-style", "fusion", *args[1:]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationDomain(ORGANIZATION_DOMAIN)
    app.setDesktopFileName(APP_ID)
    return app


def set_window_icon(app: QApplication) -> None:
    """Give every window Hinge's icon (done after the first paint: it is read from the assets)."""
    from hinge_desktop.ui.widgets.icons import app_icon

    app.setWindowIcon(app_icon())


class ColourSchemeFollower(QObject):
    """Keeps the palette in step with the setting and, for "system", with the desktop."""

    def __init__(self, app: QApplication, preferences: Preferences) -> None:
        super().__init__(app)
        self._app = app
        self._preferences = preferences
        # Before the first paint the desktop's scheme is guessed (see theme.py), and asked for
        # by follow_system right after it.
        self.scheme = theme.apply(app, preferences.get(COLOUR_SCHEME), guess=True)
        preferences.changed.connect(self._on_preference_changed)
        self._following = False

    def follow_system(self) -> None:
        """Show the desktop's own colour scheme (if the setting is "system") and follow it."""
        if self._following:
            return
        self._following = True
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_changed)
        if self._preferences.get(COLOUR_SCHEME) == theme.SYSTEM:
            scheme = theme.system_scheme()
            if scheme != self.scheme:
                self.scheme = theme.apply(self._app, scheme)

    def _on_preference_changed(self, key: str) -> None:
        if key == COLOUR_SCHEME.key:
            self.scheme = theme.apply(self._app, self._preferences.get(COLOUR_SCHEME))

    def _on_system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._preferences.get(COLOUR_SCHEME) == theme.SYSTEM:
            self.scheme = theme.apply(self._app, theme.SYSTEM)


EXIT_STATUS = "hingeExitStatus"
"""The application's property holding the status Hinge must exit with, when not 0."""


class QuitOnSignal(QObject):
    """Turns SIGINT and SIGTERM into a normal quit, so the window saves its state first.

    Python runs signal handlers only between bytecodes, which never happens while Qt's event loop
    waits; the handler's wake-up byte on a socket pair brings control back through Qt instead.
    """

    def __init__(self, app: QApplication) -> None:
        import signal

        super().__init__(app)
        self._app = app
        self._reader, self._writer = _wakeup_pair()
        self._previous_wakeup_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous_handlers = {
            signum: signal.signal(signum, lambda *_: None)
            for signum in (signal.SIGINT, signal.SIGTERM)
        }
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup)
        app.aboutToQuit.connect(self.uninstall)

    def _on_wakeup(self) -> None:
        try:
            self._reader.read(64)
        except BlockingIOError:
            return
        for window in self._app.topLevelWidgets():
            if window.isVisible():
                window.close()
        # A Hinge that could not start keeps its error status.
        status = self._app.property(EXIT_STATUS)
        self._app.exit(int(status) if status else 0)

    def uninstall(self) -> None:
        """Give the signals back to whoever had them before."""
        import signal

        if self._reader.fileno() < 0:
            return
        signal.set_wakeup_fd(self._previous_wakeup_fd)
        for signum, handler in self._previous_handlers.items():
            signal.signal(signum, handler)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


class _Pipe:
    """One end of a non-blocking pipe, read and closed as a socket is."""

    def __init__(self, fd: int) -> None:
        import os

        os.set_blocking(fd, False)
        self._fd = fd

    def fileno(self) -> int:
        return self._fd

    def read(self, size: int) -> bytes:
        import os

        return os.read(self._fd, size)

    def close(self) -> None:
        import os

        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


class _Socket:
    """One end of a non-blocking socket pair (Windows wakes Python through sockets only)."""

    def __init__(self, sock: socket.socket) -> None:
        sock.setblocking(False)
        self._sock = sock

    def fileno(self) -> int:
        return self._sock.fileno()

    def read(self, size: int) -> bytes:
        return self._sock.recv(size)

    def close(self) -> None:
        self._sock.close()


def _wakeup_pair() -> tuple[_Pipe | _Socket, _Pipe | _Socket]:
    """Where the signal handler writes its wake-up byte, and where Qt watches for it: a pipe
    where the system allows one (loading the socket module costs the first paint time)."""
    if sys.platform != "win32":
        import os

        reader, writer = os.pipe()
        return _Pipe(reader), _Pipe(writer)
    import socket as sockets

    reader_socket, writer_socket = sockets.socketpair()
    return _Socket(reader_socket), _Socket(writer_socket)


OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def hide_offscreen_noise() -> None:
    """Drop the one warning the offscreen platform prints for every window it shows.

    It says the platform has no window manager to pass size hints to, which is true and harmless
    when rendering a screenshot; every other message still reaches stderr.
    """
    drop_qt_message(OFFSCREEN_NOISE)
