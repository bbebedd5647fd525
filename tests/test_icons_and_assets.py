"""Icons: the app icon ships as package data; line icons follow the palette and stay sharp."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication

from hinge_desktop.ui.shell import theme
from hinge_desktop.ui.shell.main_window import default_size
from hinge_desktop.ui.widgets import line_icons
from hinge_desktop.ui.widgets.icons import app_icon, icon


def test_the_app_icon_is_read_from_the_package_assets(qapp: QApplication) -> None:
    pixmap = app_icon().pixmap(QSize(64, 64))
    assert not pixmap.isNull()
    image = pixmap.toImage()
    assert image.pixelColor(32, 4).name() == theme.ACCENT  # the green rounded square


@pytest.mark.parametrize("name", sorted(line_icons.SHAPES))
def test_line_icons_are_drawn_in_the_palettes_text_colour(qapp: QApplication, name: str) -> None:
    try:
        for scheme in (theme.LIGHT, theme.DARK):
            theme.apply(qapp, scheme)
            text = qapp.palette().windowText().color()
            image = icon(name).pixmap(QSize(48, 48)).toImage()
            inked = [
                image.pixelColor(x, y)
                for x in range(48)
                for y in range(48)
                if image.pixelColor(x, y).alpha() == 255
            ]
            assert inked, f"{name} drew nothing"
            assert all(_close(colour, text) for colour in inked)
    finally:
        theme.apply(qapp, theme.LIGHT)


def test_icons_render_at_the_device_pixel_ratio(qapp: QApplication) -> None:
    pixmap = icon("history").pixmap(QSize(24, 24), 2.0, QIcon.Mode.Normal, QIcon.State.Off)
    assert pixmap.size() == QSize(48, 48)
    assert pixmap.devicePixelRatio() == 2.0


def test_the_default_window_fits_small_screens() -> None:
    assert default_size(QSize(2560, 1440)) == QSize(1280, 800)
    assert default_size(QSize(1366, 728)) == QSize(1229, 655)
    # A small screen is used whole, but for the window's frame.
    assert default_size(QSize(1024, 576)) == QSize(1008, 528)


def _close(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) < 3
