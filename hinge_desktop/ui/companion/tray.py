"""Hinge's tray icon, while reminders or nudges are on and the desktop has a tray: the way back
to the window (a click, or Show Hinge), a snack in one click, and Quit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QGuiApplication, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon


class CompanionTray(QObject):
    """Shows the tray icon while ``wanted()`` and the desktop has a tray (``available()``)."""

    show_requested = Signal()
    snack_requested = Signal()
    quit_requested = Signal()
    icon_changed = Signal(object)
    """The tray icon now shown (a QSystemTrayIcon), or None: for the notices to fall back on."""

    def __init__(
        self,
        wanted: Callable[[], bool],
        available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._wanted = wanted
        self._available = available
        self.icon: QSystemTrayIcon | None = None
        self._menu: QMenu | None = None
        self._closed = False

    def follow(self) -> None:
        """Show or take away the icon as the settings now say."""
        want = not self._closed and self._wanted() and self._available()
        if want and self.icon is None:
            self._create()
        elif not want and self.icon is not None:
            self.remove()

    def shutdown(self) -> None:
        """No icon any more (Hinge is quitting, or a restore replaces the window)."""
        self._closed = True
        self.remove()

    def remove(self) -> None:
        if self.icon is not None:
            self.icon.hide()
            self.icon.deleteLater()
            self.icon = None
            self.icon_changed.emit(None)
        if self._menu is not None:
            self._menu.deleteLater()
            self._menu = None

    def _create(self) -> None:
        menu = QMenu()
        menu.setObjectName("trayMenu")
        for name, text, signal in (
            ("trayShowAction", self.tr("Show Hinge"), self.show_requested),
            ("traySnackAction", self.tr("Start a snack"), self.snack_requested),
            ("trayQuitAction", self.tr("Quit Hinge"), self.quit_requested),
        ):
            action = QAction(text, menu)
            action.setObjectName(name)
            action.triggered.connect(signal)
            if name == "trayQuitAction":
                menu.addSeparator()
            menu.addAction(action)
        icon = QSystemTrayIcon(_app_icon(), self)
        icon.setObjectName("companionTray")
        icon.setToolTip(self.tr("Hinge: activation snack reminders"))
        icon.setContextMenu(menu)
        icon.activated.connect(self._activated)
        icon.show()
        self.icon, self._menu = icon, menu
        self.icon_changed.emit(icon)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_requested.emit()


def _app_icon() -> QIcon:
    app = QGuiApplication.instance()
    icon = app.windowIcon() if isinstance(app, QGuiApplication) else QIcon()
    if icon.isNull():
        from hinge_desktop.ui.widgets.icons import app_icon

        icon = app_icon()
    return icon
