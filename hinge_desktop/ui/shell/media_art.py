"""The drill's figure as the picture the desktop's media controls show beside the workout:
drawn once per drill into the data folder, as a square PNG (media panels crop to a square)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QRectF, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPalette

from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.figure import figure_bounds, scene
from hinge_desktop.ui.widgets.figure_painter import FigureColours, FigurePainter

SIDE = 256
"""Pixels a side: what media panels and lock screens show, with room for a HiDPI screen."""
STYLE = "person-1"
"""How the figure is drawn; a picture drawn another way, or of another figure or in other
colours, has another name, so an old picture is never shown for a new one."""


class MediaArt:
    """Finds, or draws the first time, each drill's picture in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._urls: dict[str, str] = {}
        """The pictures already found or drawn: asked at every step, the disk is not."""

    def url(self, drill: Drill | None) -> str:
        """The picture's file URL, or empty if it cannot be written."""
        if drill is None or not drill.figure.poses:
            return ""
        if drill.id not in self._urls:
            base = QGuiApplication.palette().color(QPalette.ColorRole.Base).name()
            digest = hashlib.sha1(repr((STYLE, base, drill.figure)).encode()).hexdigest()[:10]
            path = self._folder / f"{drill.id}-{digest}.png"
            found = path.exists() or self._draw(drill, path)
            self._urls[drill.id] = QUrl.fromLocalFile(str(path)).toString() if found else ""
        return self._urls[drill.id]

    def _draw(self, drill: Drill, path: Path) -> bool:
        palette = QGuiApplication.palette()
        image = QImage(SIDE, SIDE, QImage.Format.Format_ARGB32)
        image.fill(palette.color(QPalette.ColorRole.Base))
        # The pose a drill is shown in: its middle key pose (the hinge, for most).
        pose = drill.figure.poses[len(drill.figure.poses) // 2]
        painter = QPainter(image)
        try:
            FigurePainter(
                figure_bounds(drill.figure), FigureColours.from_palette(palette)
            ).paint_scene(
                painter, QRectF(8, 8, SIDE - 16, SIDE - 16), scene(drill.figure, pose.angles())
            )
        finally:
            painter.end()
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        # Written whole under another name first: a panel never reads half a picture.
        partial = path.with_suffix(".partial.png")
        if not image.save(str(partial), "PNG"):
            return False
        partial.replace(path)
        # The picture an older Hinge drew, named by the drill alone.
        (self._folder / f"{drill.id}.png").unlink(missing_ok=True)
        return True
