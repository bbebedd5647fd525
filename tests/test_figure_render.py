"""The figure as pictures: a PNG with the figure in it, an SVG a person can open elsewhere."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from drill_catalogue import CATALOGUE
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.figure import figure_bounds, scene
from hinge_desktop.ui.library.figure_export import main, panel_target, render_image, write_svg
from hinge_desktop.ui.shell import theme
from hinge_desktop.ui.widgets.figure_painter import FigureColours, FigurePainter
from hinge_desktop.ui.widgets.figure_widget import FigureWidget

SVG = "{http://www.w3.org/2000/svg}"


def _distance(a, b) -> int:  # type: ignore[no-untyped-def]
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


@pytest.mark.parametrize("scheme", [theme.LIGHT, theme.DARK])
def test_every_pose_draws_the_body_where_the_geometry_puts_it(
    qapp: QApplication, scheme: str
) -> None:
    palette = theme.palette_for(scheme)
    colours = FigureColours.from_palette(palette)
    background = palette.color(palette.ColorRole.Base)
    for drill in CATALOGUE:
        image: QImage = render_image(drill, palette)
        painter = FigurePainter(figure_bounds(drill.figure), colours)
        for index, pose in enumerate(drill.figure.poses):
            placed = scene(drill.figure, pose.angles())
            for point in ("head", "hip", "knee"):
                spot = painter.to_pixels(panel_target(index), placed.points[point]).toPoint()
                seen = image.pixelColor(spot)
                assert _distance(seen, background) > 200, f"{drill.id} {pose.name}: no {point}"


def test_the_svg_names_the_drill_and_draws_its_poses(qapp: QApplication, tmp_path: Path) -> None:
    drill = CATALOGUE.get("dowel-hinge")
    path = tmp_path / "dowel-hinge.svg"
    write_svg(drill, path, theme.palette_for(theme.LIGHT))
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == drill.name
    shapes = {f"{SVG}path", f"{SVG}polygon", f"{SVG}ellipse", f"{SVG}circle", f"{SVG}rect"}
    assert len([el for el in root.iter() if el.tag in shapes]) > 20
    # The person is drawn in flat clothes, each a colour of its own, in every pose.
    clothes = FigureColours.from_palette(theme.palette_for(theme.LIGHT)).clothes
    body = [
        group.get("fill")
        for group in root.iter(f"{SVG}g")
        if group.find(f"{SVG}polygon") is not None
    ]
    for clothing in ("skin", "hair", "shirt", "trousers", "shoe"):
        name = clothes.colour(clothing).name()
        assert body.count(name) >= len(drill.figure.poses), clothing
    texts = "".join(el.text or "" for el in root.iter(f"{SVG}text"))
    for pose in drill.figure.poses:
        assert pose.name in texts


def test_the_export_command_writes_one_svg_per_drill(qapp: QApplication, tmp_path: Path) -> None:
    folder = tmp_path / "figures"
    assert main([str(folder), "glute-bridge", "--png", "single-leg-rdl"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["glute-bridge.png", "single-leg-rdl.png"]
    assert main([str(folder), "dead-bug"]) == 0
    assert (folder / "dead-bug.svg").stat().st_size > 1000


def test_the_export_command_refuses_a_drill_it_does_not_know(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([str(tmp_path / "figures"), "no-such-drill"])
    assert exited.value.code == 2
    assert "no-such-drill" in capsys.readouterr().err
    assert not (tmp_path / "figures").exists()


@pytest.mark.parametrize("size", [(220, 160), (260, 200), (420, 300), (300, 420), (720, 380)])
def test_the_hip_angle_is_written_clear_of_the_body_and_the_props(
    qapp: QApplication, size: tuple[int, int]
) -> None:
    palette = theme.palette_for(theme.LIGHT)
    colours = FigureColours.from_palette(palette)
    background = palette.color(palette.ColorRole.Base)
    target = QRectF(0, 0, *size)
    crowded = []
    for drill in CATALOGUE:
        figure_painter = FigurePainter(figure_bounds(drill.figure), colours)
        for pose in drill.figure.poses:
            placed = scene(drill.figure, pose.angles())
            scene_only, labelled = (_image(size, background) for _ in range(2))
            with _painting(scene_only) as painter:
                figure_painter.paint_scene(painter, target, placed)
            with _painting(labelled) as painter:
                figure_painter.paint(painter, target, placed)
            label = figure_painter.label_rect.toAlignedRect()
            assert target.contains(QRectF(label))
            # Under the words, the picture without them is empty: nothing drawn there.
            covered = [
                (x, y)
                for x in range(label.left(), label.right() + 1)
                for y in range(label.top(), label.bottom() + 1)
                if _distance(scene_only.pixelColor(x, y), background) > 30
            ]
            if covered:
                crowded.append(f"{drill.id} {pose.name}: {len(covered)} px at {label}")
    assert crowded == []


def test_the_hip_angle_keeps_clear_of_the_paused_mark(qtbot: QtBot) -> None:
    widget = FigureWidget()
    qtbot.addWidget(widget)
    widget.resize(300, 220)
    widget.set_drill(CATALOGUE.get("glute-bridge"))
    widget.show()
    widget.grab()
    assert widget.angle_label_rect().intersects(widget.paused_box())  # free there while playing
    widget.set_playing(False)
    widget.grab()
    label = widget.angle_label_rect()
    assert not label.isEmpty()
    assert not label.intersects(widget.paused_box())


def _image(size: tuple[int, int], background: QColor) -> QImage:
    image = QImage(*size, QImage.Format.Format_ARGB32)
    image.fill(background)
    return image


@contextmanager
def _painting(image: QImage) -> Iterator[QPainter]:
    painter = QPainter(image)
    try:
        yield painter
    finally:
        painter.end()
