"""The media panel's picture of a drill: drawn once, and drawn again when the figure would look
different."""

from __future__ import annotations

from pathlib import Path

from drill_catalogue import CATALOGUE
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from hinge_desktop.ui.shell import theme
from hinge_desktop.ui.shell.media_art import MediaArt


def _file(url: str) -> Path:
    return Path(QUrl(url).toLocalFile())


def test_a_picture_from_an_older_drawing_is_replaced_not_shown(
    qapp: QApplication, tmp_path: Path
) -> None:
    drill = CATALOGUE.get("glute-bridge")
    neighbour = tmp_path / "glute-bridge-knee-outs.png"  # another drill's picture: kept
    old = tmp_path / "glute-bridge.png"
    for path in (old, neighbour):
        QImage(4, 4, QImage.Format.Format_ARGB32).save(str(path))
    picture = _file(MediaArt(tmp_path).url(drill))
    assert picture.parent == tmp_path
    assert picture != old
    assert QImage(str(picture)).width() == 256
    assert not old.exists()
    assert neighbour.exists()
    # Asked again, by a new start: the same picture, not drawn again.
    stamp = picture.stat().st_mtime_ns
    assert _file(MediaArt(tmp_path).url(drill)) == picture
    assert picture.stat().st_mtime_ns == stamp


def test_light_and_dark_have_pictures_of_their_own(qapp: QApplication, tmp_path: Path) -> None:
    drill = CATALOGUE.get("kettlebell-deadlift")
    saved = QGuiApplication.palette()
    try:
        QGuiApplication.setPalette(theme.palette_for(theme.LIGHT))
        light = _file(MediaArt(tmp_path).url(drill))
        QGuiApplication.setPalette(theme.palette_for(theme.DARK))
        dark = _file(MediaArt(tmp_path).url(drill))
    finally:
        QGuiApplication.setPalette(saved)
    assert light != dark
    assert QImage(str(light)).pixelColor(2, 2) != QImage(str(dark)).pixelColor(2, 2)
