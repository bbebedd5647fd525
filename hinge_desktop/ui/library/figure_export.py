"""A drill's key poses side by side, as an SVG or PNG file.

``python -m hinge_desktop.ui.library.figure_export FOLDER [--png] [DRILL_ID ...]`` writes one file
per drill (all drills when none are named).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette
from PySide6.QtSvg import QSvgGenerator

from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.figure import figure_bounds, scene
from hinge_desktop.ui.widgets.figure_painter import FigureColours, FigurePainter

PANEL = QSize(360, 300)
CAPTION_HEIGHT = 28


def panel_target(index: int) -> QRectF:
    """The rectangle the figure of pose ``index`` is painted into."""
    left = index * PANEL.width()
    return QRectF(left + 8, 8, PANEL.width() - 16, PANEL.height() - CAPTION_HEIGHT - 16)


def _paint(painter: QPainter, drill: Drill, palette: QPalette, *, background: bool) -> None:
    colours = FigureColours.from_palette(palette)
    figure_painter = FigurePainter(figure_bounds(drill.figure), colours)
    if background:
        painter.fillRect(
            QRectF(0, 0, PANEL.width() * len(drill.figure.poses), PANEL.height()),
            palette.color(QPalette.ColorRole.Base),
        )
    font = QFont(painter.font())
    font.setPixelSize(15)
    for index, pose in enumerate(drill.figure.poses):
        left = index * PANEL.width()
        target = panel_target(index)
        figure_painter.paint(painter, target, scene(drill.figure, pose.angles()))
        painter.setFont(font)
        painter.setPen(colours.text)
        caption = QRectF(left, PANEL.height() - CAPTION_HEIGHT - 4, PANEL.width(), CAPTION_HEIGHT)
        painter.drawText(caption, Qt.AlignmentFlag.AlignCenter, f"{index + 1}. {pose.name}")


def size_of(drill: Drill) -> QSize:
    return QSize(PANEL.width() * len(drill.figure.poses), PANEL.height())


def write_svg(drill: Drill, path: Path, palette: QPalette) -> None:
    """Write the drill's key poses as a scalable picture, e.g. for a handout."""
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    size = size_of(drill)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(drill.name)
    generator.setDescription(drill.purpose)
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"cannot write {path}")
    try:
        # A solid background: a transparent one vanishes in a dark viewer or on a dark slide.
        _paint(painter, drill, palette, background=True)
    finally:
        painter.end()


def render_image(drill: Drill, palette: QPalette, scale: float = 1.0) -> QImage:
    size = size_of(drill)
    image = QImage(
        int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_ARGB32
    )
    image.fill(QColor(Qt.GlobalColor.transparent))
    painter = QPainter(image)
    painter.scale(scale, scale)
    try:
        _paint(painter, drill, palette, background=True)
    finally:
        painter.end()
    return image


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from hinge_desktop.domain.catalogue import CatalogueError, builtin_catalogue
    from hinge_desktop.ui.shell import theme

    parser = argparse.ArgumentParser(prog="python -m hinge_desktop.ui.library.figure_export")
    parser.add_argument("folder", type=Path)
    parser.add_argument("drills", nargs="*")
    parser.add_argument("--png", action="store_true", help="write PNG instead of SVG")
    parser.add_argument("--dark", action="store_true", help="use the dark palette")
    args = parser.parse_intermixed_args(argv)
    app = QApplication.instance() or QApplication(["figure_export", "-platform", "offscreen"])
    del app
    palette = theme.palette_for(theme.DARK if args.dark else theme.LIGHT)
    try:
        catalogue = builtin_catalogue()
    except CatalogueError as error:
        print(error, file=sys.stderr)
        return 1
    unknown = [drill_id for drill_id in args.drills if drill_id not in catalogue]
    if unknown:
        parser.error(f"no drill with the id {', '.join(unknown)}")
    args.folder.mkdir(parents=True, exist_ok=True)
    for drill in catalogue:
        if args.drills and drill.id not in args.drills:
            continue
        if args.png:
            render_image(drill, palette).save(str(args.folder / f"{drill.id}.png"))
        else:
            write_svg(drill, args.folder / f"{drill.id}.svg", palette)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
