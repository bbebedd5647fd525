"""``--screenshot VIEW FILE``: the main window, filled from the log, rendered to a PNG without
appearing on screen."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QIODevice, QSaveFile, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMainWindow

from hinge_desktop.paths import DataPaths
from hinge_desktop.storage.errors import EXIT_STORAGE_ERROR
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.shell.main_window import MainWindow
from hinge_desktop.ui.shell.opening import StorageFailure, load

SCREENSHOT_SIZE = QSize(1280, 800)


class ScreenshotError(Exception):
    pass


def render(window: QMainWindow, size: QSize = SCREENSHOT_SIZE) -> QImage:
    """The window at exactly ``size`` pixels, laid out and painted as a person would see it."""
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.resize(size)
    window.show()
    QApplication.processEvents()
    image = QImage(size, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(1.0)
    image.fill(window.palette().window().color())
    window.render(image)
    return image


def save(window: QMainWindow, file: Path) -> None:
    if not file.parent.is_dir():
        raise ScreenshotError(
            f"Cannot write the screenshot: the folder {file.parent} does not exist."
        )
    image = render(window)
    out = QSaveFile(str(file))
    if not out.open(QIODevice.OpenModeFlag.WriteOnly):
        raise ScreenshotError(f"Cannot write the screenshot to {file}: {out.errorString()}.")
    if not image.save(out, "PNG"):
        out.cancelWriting()
        raise ScreenshotError(f"Cannot write the screenshot to {file}.")
    if not out.commit():
        raise ScreenshotError(f"Cannot write the screenshot to {file}: {out.errorString()}.")


def take_screenshot(
    window: MainWindow, preferences: Preferences, paths: DataPaths, view: str, file: Path
) -> int:
    """``--screenshot VIEW FILE``: open the log into ``window``, show ``view`` as it is once its
    data is read, and save it; returns the exit code."""
    try:
        store, speaker, views = load(window, preferences, paths, show_recovery=False)
    except StorageFailure as exc:
        print(f"hinge-desktop: {exc}", file=sys.stderr)
        return EXIT_STORAGE_ERROR
    try:
        views.backups.make_daily_backup(wait=True)
        window.show_view(view)
        if view == "history" and not views.progress.wait_until_loaded():
            print("hinge-desktop: the history took too long to read.", file=sys.stderr)
            return 1
        if view == "today" and not views.today.wait_until_loaded():
            print("hinge-desktop: the log took too long to read.", file=sys.stderr)
            return 1
        save(window, file)
    except ScreenshotError as exc:
        print(f"hinge-desktop: {exc}", file=sys.stderr)
        return 1
    finally:
        views.shutdown()
        speaker.close()
        store.close()
    return 0
