"""The figure as pictures: a PNG with the figure in it, an SVG a person can open elsewhere."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from hinge_desktop.domain.catalogue import builtin_catalogue
from hinge_desktop.ui import theme
from hinge_desktop.ui.figure_export import main, render_image, size_of, write_svg

CATALOGUE = builtin_catalogue()


def _ink(image: QImage, background: QColor) -> int:
    """How many sampled pixels differ from the background."""
    count = 0
    for x in range(0, image.width(), 3):
        for y in range(0, image.height(), 3):
            if image.pixelColor(x, y).rgb() != background.rgb():
                count += 1
    return count


@pytest.mark.parametrize("scheme", [theme.LIGHT, theme.DARK])
def test_every_drill_draws_a_figure_in_each_pose(qapp: QApplication, scheme: str) -> None:
    palette = theme.palette_for(scheme)
    background = palette.color(palette.ColorRole.Base)
    for drill in CATALOGUE:
        image = render_image(drill, palette)
        assert image.width() == size_of(drill).width()
        panel = image.width() // len(drill.figure.poses)
        for index in range(len(drill.figure.poses)):
            one = image.copy(index * panel, 0, panel, image.height())
            assert _ink(one, background) > 300, f"{drill.id}: pose {index + 1} is nearly empty"


def test_the_svg_names_the_drill_and_draws_its_poses(qapp: QApplication, tmp_path: Path) -> None:
    drill = CATALOGUE.get("dowel-hinge")
    path = tmp_path / "dowel-hinge.svg"
    write_svg(drill, path, theme.palette_for(theme.LIGHT))
    root = ET.parse(path).getroot()
    namespace = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{namespace}svg"
    assert root.find(f"{namespace}title").text == drill.name
    drawn = [
        el
        for el in root.iter()
        if el.tag
        in {f"{namespace}path", f"{namespace}polyline", f"{namespace}ellipse", f"{namespace}circle"}
    ]
    assert len(drawn) > 20
    texts = "".join(el.text or "" for el in root.iter(f"{namespace}text"))
    for pose in drill.figure.poses:
        assert pose.name in texts


def test_the_export_command_writes_one_svg_per_drill(qapp: QApplication, tmp_path: Path) -> None:
    assert main([str(tmp_path / "figures"), "glute-bridge", "single-leg-rdl"]) == 0
    assert sorted(p.name for p in (tmp_path / "figures").iterdir()) == [
        "glute-bridge.svg",
        "single-leg-rdl.svg",
    ]
