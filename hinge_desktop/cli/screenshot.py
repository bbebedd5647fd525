"""``--screenshot``: the main window rendered to a PNG without appearing on screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QIODevice, QSaveFile, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMainWindow

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
