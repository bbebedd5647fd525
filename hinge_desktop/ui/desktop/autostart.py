"""Start at login: an XDG autostart entry (``~/.config/autostart``), written when the person turns
it on and removed when they turn it off; in a Flatpak sandbox the desktop's Background portal is
asked instead, which keeps the entry itself."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from hinge_desktop import APP_ID, APP_NAME
from hinge_desktop.ui.desktop.bus_calls import DesktopBus

ENTRY_NAME = f"{APP_ID}.desktop"
PORTAL = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
BACKGROUND = "org.freedesktop.portal.Background"


def autostart_folder() -> Path:
    """Where the desktop looks for what to start at login (the XDG autostart folder)."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart"


def launch_command(data_dir: Path | None) -> list[str]:
    """How this Hinge is started again: its command where installed, else this Python running
    it; with its data folder when it is not the usual one."""
    found = shutil.which("hinge-desktop")
    command = [found] if found else [sys.executable, "-m", "hinge_desktop"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return command


def _quoted(argument: str) -> str:
    """One argument of an Exec line, quoted as the Desktop Entry specification asks."""
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`%="):
        return argument
    escaped = "".join(f"\\{c}" if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'.replace("%", "%%")


def autostart_entry(command: list[str]) -> str:
    comment = QCoreApplication.translate(
        "Autostart", "Hip hinge coach: activation snack reminders and desk nudges"
    )
    # The quoting rules apply to the value once read as a string, whose own escapes come
    # first: every backslash of the quoted line is written twice.
    exec_line = " ".join(_quoted(argument) for argument in command).replace("\\", "\\\\")
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        f"Comment={comment}\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def write_autostart(command: list[str], folder: Path | None = None) -> Path:
    """Write the entry whole (a temporary file moved into place) and return where."""
    folder = folder or autostart_folder()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / ENTRY_NAME
    handle, partial = tempfile.mkstemp(prefix=".hinge-", suffix=".desktop", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(autostart_entry(command))
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return target


def remove_autostart(folder: Path | None = None) -> None:
    (folder or autostart_folder()).joinpath(ENTRY_NAME).unlink(missing_ok=True)


def ask_portal(bus: DesktopBus, on: bool, command: list[str], answer: object) -> None:
    """Ask the Background portal to start Hinge at login (or not); ``answer(error or None)``."""
    reason = QCoreApplication.translate("Autostart", "To remind you of your activation snacks")
    options = {
        "handle_token": ("s", "hinge_autostart"),
        "reason": ("s", reason),
        "autostart": ("b", on),
        "commandline": ("as", command),
        "dbus-activatable": ("b", False),
    }
    link = bus.link

    def request() -> None:
        link.call(PORTAL, PORTAL_PATH, BACKGROUND, "RequestBackground", "sa{sv}", ("", options))

    bus.submit(request, lambda _none: answer(None), answer)  # type: ignore[operator]


class Autostart(QObject):
    """Follows the setting: the entry written or removed (the portal asked, when sandboxed);
    ``message`` says when that could not be done."""

    message = Signal(str)

    def __init__(
        self,
        bus: DesktopBus,
        command: Callable[[], list[str]],
        sandboxed: bool,
        folder: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bus = bus
        self._command = command
        self._sandboxed = sandboxed
        self._folder = folder

    def follow(self, on: bool) -> None:
        command = self._command()
        if self._sandboxed:
            ask_portal(self._bus, on, command, self._portal_answered)
            return
        try:
            if on:
                write_autostart(command, self._folder)
            else:
                remove_autostart(self._folder)
        except OSError as error:
            self._tell(error)

    def _portal_answered(self, error: Exception | None) -> None:
        if error is not None:
            self._tell(error)

    def _tell(self, error: Exception) -> None:
        self.message.emit(
            self.tr("Hinge could not change whether it starts at login: {error}").format(
                error=error
            )
        )
