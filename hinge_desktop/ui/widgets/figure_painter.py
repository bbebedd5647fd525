"""Paints a posed figure with QPainter: on screen, into a PNG or into an SVG, all the same way."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPalette,
    QPen,
    QPolygonF,
)

from hinge_desktop.domain.figure import FigureScene, Shape
from hinge_desktop.domain.figure_body import CLOTHING, BodyPart, body_parts
from hinge_desktop.ui.widgets.colours import ACCENT, mix

MARGIN_CM = 8.0
LABEL_GAP = 4.0
"""Pixels between the angle label and the edge of the picture (or the floor line)."""
ARC_RADIUS_CM = 20.0

At = Callable[[tuple[float, float]], QPointF]


@dataclass(frozen=True)
class Clothes:
    """The flat colours a person is drawn in: plain clothes that stand out from the page."""

    skin: QColor
    hair: QColor
    shirt: QColor
    trousers: QColor
    shoe: QColor

    def colour(self, clothing: str) -> QColor:
        return QColor(getattr(self, clothing))

    def faded(self, towards: QColor, amount: float) -> Clothes:
        """The same clothes a little way into the background, for the far leg."""
        return Clothes(*(mix(getattr(self, name), towards, amount) for name in CLOTHING))


_LIGHT_CLOTHES = ("#d9a07c", "#3d2b1f", "#2f6fb0", "#2c3a50", "#26292d")
_DARK_CLOTHES = ("#e2ab87", "#8a6248", "#5a9be0", "#8d9fc4", "#eceff1")


@dataclass(frozen=True)
class FigureColours:
    clothes: Clothes
    far: Clothes
    prop: QColor
    accent: QColor
    band: QColor
    dowel: QColor
    floor: QColor
    contact: QColor
    gap: QColor
    text: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> FigureColours:
        return cls.on(
            palette.color(QPalette.ColorRole.Window),
            palette.color(QPalette.ColorRole.Base),
            palette.color(QPalette.ColorRole.WindowText),
        )

    @classmethod
    def on(cls, window: QColor, base: QColor, text: QColor) -> FigureColours:
        """The colours for a figure drawn on ``base`` in a window of ``window``."""
        dark = window.lightness() < 128
        clothes = Clothes(*(QColor(c) for c in (_DARK_CLOTHES if dark else _LIGHT_CLOTHES)))
        prop = QColor("#8a9599") if dark else QColor("#7b878b")
        return cls(
            clothes=clothes,
            # Opaque, so the far leg's parts do not darken where they overlap.
            far=clothes.faded(base, 0.3),
            prop=prop,
            accent=QColor("#57b9a3") if dark else QColor(ACCENT),
            band=QColor("#e2735f") if dark else QColor("#c4503b"),
            dowel=QColor("#d2a86a") if dark else QColor("#9a6a2c"),
            floor=QColor(prop),
            contact=QColor("#57b9a3") if dark else QColor(ACCENT),
            gap=QColor("#e3a33b") if dark else QColor("#c07d12"),
            text=QColor(text),
        )


class FigurePainter:
    """Maps the figure's centimetres into a rectangle and draws body, props and the hip angle."""

    def __init__(self, bounds: tuple[float, float, float, float], colours: FigureColours) -> None:
        self._bounds = bounds
        self._colours = colours
        self._outlined: tuple[FigureScene, tuple[BodyPart, ...]] | None = None
        self.label_rect = QRectF()
        """Where the hip angle was last written (for tests and for what is painted over it)."""

    def _parts(self, figure: FigureScene) -> tuple[BodyPart, ...]:
        """The body's outline for ``figure``, worked out once for the scene and its label."""
        if self._outlined is None or self._outlined[0] is not figure:
            self._outlined = (figure, body_parts(figure.points))
        return self._outlined[1]

    def _mapping(self, target: QRectF) -> tuple[float, float, float]:
        """Scale and offsets that fit the figure's box, with a margin, centred in ``target``."""
        left, bottom, right, top = self._bounds
        width = right - left + 2 * MARGIN_CM
        height = top - bottom + 2 * MARGIN_CM
        scale = min(target.width() / width, target.height() / height)
        offset_x = target.left() + (target.width() - width * scale) / 2 - (left - MARGIN_CM) * scale
        offset_y = target.top() + (target.height() - height * scale) / 2 + (top + MARGIN_CM) * scale
        return scale, offset_x, offset_y

    def to_pixels(self, target: QRectF, point: tuple[float, float]) -> QPointF:
        """Where a point of the figure (in centimetres) lands when painted into ``target``."""
        scale, offset_x, offset_y = self._mapping(target)
        return QPointF(offset_x + point[0] * scale, offset_y - point[1] * scale)

    def paint(
        self,
        painter: QPainter,
        target: QRectF,
        figure: FigureScene,
        keep_clear: Sequence[QRectF] = (),
    ) -> None:
        """Draw ``figure`` in ``target``: the scene, then its hip angle written where it
        covers neither the body nor a prop nor the rectangles in ``keep_clear``."""
        self.paint_scene(painter, target, figure)
        self.paint_angle_label(painter, target, figure, keep_clear)

    def _at(self, target: QRectF) -> tuple[At, float]:
        scale, offset_x, offset_y = self._mapping(target)

        def at(point: tuple[float, float]) -> QPointF:
            return QPointF(offset_x + point[0] * scale, offset_y - point[1] * scale)

        return at, scale

    def paint_scene(self, painter: QPainter, target: QRectF, figure: FigureScene) -> None:
        """The floor, the props, the body and the arc of the hip angle, without its words."""
        self.paint_person(painter, target, figure)
        at, scale = self._at(target)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._hip_arc(painter, figure, at, scale)
        painter.restore()

    def paint_person(self, painter: QPainter, target: QRectF, figure: FigureScene) -> None:
        """The floor, the props and the body: what a camera would see."""
        at, scale = self._at(target)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        floor_pen = QPen(self._colours.floor, max(1.5, 1.2 * scale))
        painter.setPen(floor_pen)
        painter.drawLine(
            QPointF(target.left() + 4, at((0, 0)).y()), QPointF(target.right() - 4, at((0, 0)).y())
        )
        self._props(painter, figure, at, scale, lambda s: s.role in {"wall", "bench", "block"})
        self._body(painter, self._parts(figure), at)
        self._props(painter, figure, at, scale, lambda s: s.role not in {"wall", "bench", "block"})
        painter.restore()

    def _body(self, painter: QPainter, parts: Sequence[BodyPart], at: At) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        for part in parts:
            clothes = self._colours.far if part.far else self._colours.clothes
            painter.setBrush(QBrush(clothes.colour(part.clothing)))
            painter.drawPolygon(QPolygonF([at(point) for point in part.outline]))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _props(self, painter, figure, at, scale, wanted) -> None:  # type: ignore[no-untyped-def]
        colours = self._colours
        for shape in figure.props:
            if not wanted(shape):
                continue
            self._shape(painter, shape, at, scale, colours)

    @staticmethod
    def _shape(painter: QPainter, shape: Shape, at, scale: float, colours: FigureColours) -> None:  # type: ignore[no-untyped-def]
        role = shape.role
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if shape.kind == "rect":
            (x0, y0), (x1, y1) = shape.points
            rect = QRectF(at((x0, y1)), at((x1, y0)))
            fill = QColor(colours.prop)
            fill.setAlphaF(0.35 if role != "wall" else 0.25)
            painter.setPen(QPen(colours.prop, max(1.0, 0.8 * scale)))
            painter.setBrush(QBrush(fill))
            painter.drawRect(rect)
        elif shape.kind == "line":
            colour = {"dowel": colours.dowel, "band": colours.band}.get(role, colours.prop)
            width = {"dowel": 3.2, "band": 2.2, "cable": 1.2}.get(role, 1.5) * scale
            pen = QPen(colour, max(1.5, width))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawLine(at(shape.points[0]), at(shape.points[1]))
        elif shape.kind == "circle":
            centre = at(shape.points[0])
            radius = shape.radius * scale
            if role == "band loop":
                painter.setPen(QPen(colours.band, max(1.5, 2.0 * scale)))
            elif role in {"kettlebell", "dumbbell"}:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(colours.prop))
            else:
                # Plates, rollers and balls are see-through, so the limbs behind them still read.
                fill = QColor(colours.prop)
                fill.setAlphaF(0.3)
                painter.setPen(QPen(colours.prop, max(1.0, 1.2 * scale)))
                painter.setBrush(QBrush(fill))
            painter.drawEllipse(centre, radius, radius)
        elif shape.kind == "dot":
            colour = {
                "contact": colours.contact,
                "gap": colours.gap,
                "dowel": colours.dowel,
                "towel": colours.prop,
            }.get(role, colours.band if "band" in role else colours.prop)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(colour))
            radius = max(3.0, shape.radius * scale)
            painter.drawEllipse(at(shape.points[0]), radius, radius)

    def _hip_arc(self, painter: QPainter, figure: FigureScene, at: At, scale: float) -> None:
        """How far the hip is bent: 0° standing tall or at the top of a bridge, about 90° in a
        deep hinge or with a leg raised straight up. The arc runs from the line of the trunk,
        continued through the hip, to the thigh."""
        hip, shoulder, knee = (figure.points[n] for n in ("hip", "shoulder", "knee"))
        straight = math.degrees(math.atan2(hip[1] - shoulder[1], hip[0] - shoulder[0]))
        thigh = math.degrees(math.atan2(knee[1] - hip[1], knee[0] - hip[0]))
        span = (thigh - straight + 540.0) % 360.0 - 180.0
        radius = ARC_RADIUS_CM * scale
        centre = at(hip)
        box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        pen = QPen(self._colours.accent, max(2.0, 1.6 * scale))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if abs(span) >= 2.0:
            painter.setPen(pen)
            painter.drawArc(box, int(straight * 16), int(span * 16))
            # A faint guide along the trunk's line, so the arc has something to start from.
            guide = QPen(self._colours.accent, max(1.0, 0.6 * scale), Qt.PenStyle.DashLine)
            painter.setPen(guide)
            end = math.radians(straight)
            painter.drawLine(
                centre,
                QPointF(
                    centre.x() + math.cos(end) * radius * 1.3,
                    centre.y() - math.sin(end) * radius * 1.3,
                ),
            )

    def paint_angle_label(
        self,
        painter: QPainter,
        target: QRectF,
        figure: FigureScene,
        keep_clear: Sequence[QRectF] = (),
    ) -> None:
        """The hip angle in words, in a corner where it covers nothing (the arc at the hip
        shows what it measures)."""
        _at, scale = self._at(target)
        painter.save()
        font = QFont(painter.font())
        font.setPixelSize(max(12, min(28, int(9.0 * scale))))
        font.setBold(True)
        painter.setFont(font)
        text = QCoreApplication.translate("Figure", "hip {angle}°").format(
            angle=f"{180.0 - figure.hip_angle:.0f}"
        )
        metrics = QFontMetricsF(font)
        self.label_rect = self.label_place(
            target, figure, metrics.horizontalAdvance(text) + 8, metrics.height() + 2, keep_clear
        )
        painter.setPen(self._colours.accent)
        painter.drawText(self.label_rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def label_place(
        self,
        target: QRectF,
        figure: FigureScene,
        width: float,
        height: float,
        keep_clear: Sequence[QRectF] = (),
    ) -> QRectF:
        """The first corner (top left, top right, then just above the floor) where a label of
        this size covers nothing drawn; where every corner is taken, the least covered one."""
        at, scale = self._at(target)
        floor = at((0.0, 0.0)).y() - max(1.5, 1.2 * scale)
        left, right = target.left() + LABEL_GAP, target.right() - LABEL_GAP - width
        top, low = target.top() + LABEL_GAP, min(floor, target.bottom()) - LABEL_GAP - height
        corners = [QRectF(x, y, width, height) for y in (top, low) for x in (left, right)]
        taken = self._drawn(figure, self._parts(figure), at, scale)
        for rect in keep_clear:
            clear = QPainterPath()
            clear.addRect(rect)
            taken.append(clear)

        def covered(rect: QRectF) -> int:
            return sum(1 for shape in taken if shape.intersects(rect))

        return min(corners, key=covered)

    @staticmethod
    def _drawn(
        figure: FigureScene, parts: Sequence[BodyPart], at: At, scale: float
    ) -> list[QPainterPath]:
        """The outlines of what the scene draws: limbs, feet, head, props and the hip's arc."""
        stroker = QPainterPathStroker()
        stroker.setCapStyle(Qt.PenCapStyle.RoundCap)

        def stroke(points: Sequence[tuple[float, float]], width: float) -> QPainterPath:
            line = QPainterPath(at(points[0]))
            for point in points[1:]:
                line.lineTo(at(point))
            stroker.setWidth(max(width, 1.5))
            return stroker.createStroke(line)

        def disc(point: tuple[float, float], radius: float) -> QPainterPath:
            round_shape = QPainterPath()
            round_shape.addEllipse(at(point), radius, radius)
            return round_shape

        shapes = []
        for part in parts:
            outline = QPainterPath()
            outline.addPolygon(QPolygonF([at(point) for point in part.outline]))
            shapes.append(outline)
        shapes.append(disc(figure.points["hip"], ARC_RADIUS_CM * 1.3 * scale))
        for shape in figure.props:
            if shape.kind == "rect":
                (x0, y0), (x1, y1) = shape.points
                box = QPainterPath()
                box.addRect(QRectF(at((x0, y1)), at((x1, y0))).normalized())
                shapes.append(box)
            elif shape.kind == "line":
                shapes.append(stroke(shape.points, 3.2 * scale))
            else:
                shapes.append(disc(shape.points[0], max(3.0, shape.radius * scale)))
        return shapes
