"""Pictures of the drill's figure as a camera would take them: a person side-on, whole in the
frame, on a plain wall. The figure's own geometry gives the truth about every angle, so these
frames test the pose assist, and show a person what it does before they turn a camera on."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.figure import figure_bounds, scene
from hinge_desktop.ui.widgets.figure_painter import MARGIN_CM, FigureColours, FigurePainter

FRAME = QSize(640, 480)
BODY_SHARE = 0.65
"""How much of the picture's height a person standing tall fills."""
STANDING_CM = 182.0
"""Floor to the top of the head of the figure standing tall."""
FLOOR_SHARE = 0.86
"""Where the floor is, as a share of the picture's height from the top."""
WALL = QColor("#e9e7e1")


class FigureCamera:
    """Draws a drill's figure in any pose into camera-sized frames."""

    def __init__(self, drill: Drill, size: QSize = FRAME, body_share: float = BODY_SHARE) -> None:
        self._drill = drill
        self._size = size
        bounds = figure_bounds(drill.figure)
        self._painter = FigurePainter(bounds, FigureColours.on(WALL, WALL, QColor("#202124")))
        left, bottom, right, top = bounds
        scale = size.height() * body_share / STANDING_CM
        width = (right - left + 2 * MARGIN_CM) * scale
        height = (top - bottom + 2 * MARGIN_CM) * scale
        # Where the painter's box goes so that the floor (y = 0) lands at FLOOR_SHARE.
        floor_y = size.height() * FLOOR_SHARE
        box_top = floor_y - (top + MARGIN_CM) * scale
        self._target = QRectF((size.width() - width) / 2, box_top, width, height)

    def frame(self, angles: Mapping[str, float]) -> QImage:
        image = QImage(self._size, QImage.Format.Format_RGB888)
        image.fill(WALL)
        painter = QPainter(image)
        try:
            self._painter.paint_person(painter, self._target, scene(self._drill.figure, angles))
        finally:
            painter.end()
        return image

    def pixel(self, point: tuple[float, float]) -> tuple[float, float]:
        """Where a point of the figure (centimetres) lands in the frame."""
        spot = self._painter.to_pixels(self._target, point)
        return spot.x(), spot.y()
