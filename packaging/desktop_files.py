"""Lay out Hinge's Linux desktop files as a ``share/`` tree, ready to copy into an XDG folder.

    python packaging/desktop_files.py DEST

writes ``DEST/applications/<id>.desktop``, ``DEST/metainfo/<id>.metainfo.xml`` and the icon in
the hicolor layout: ``DEST/icons/hicolor/scalable/apps/<id>.svg`` and a PNG for each size in
``DEST/icons/hicolor/<n>x<n>/apps/<id>.png``. The id comes from ``hinge_desktop``; the icon is
the one the window uses. Runs with any Python that has Hinge installed.
"""

from __future__ import annotations

import os
import shutil
import sys
from importlib.resources import files
from pathlib import Path

from hinge_desktop import APP_ID

LINUX = Path(__file__).resolve().parent / "linux"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def icon_svg() -> bytes:
    return (files("hinge_desktop.assets") / "icons" / "hinge.svg").read_bytes()


def render_png(svg: bytes, size: int, path: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(svg)
    if not renderer.isValid():
        raise SystemExit(f"The icon is not a valid SVG: {path.name}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(path), "PNG"):
        raise SystemExit(f"Cannot write {path}")


def stage(dest: Path) -> list[Path]:
    """Write the share/ tree into ``dest``; returns the files written."""
    written: list[Path] = []

    def place(path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        written.append(path)
        return path

    shutil.copyfile(LINUX / f"{APP_ID}.desktop", place(dest / "applications" / f"{APP_ID}.desktop"))
    shutil.copyfile(
        LINUX / f"{APP_ID}.metainfo.xml", place(dest / "metainfo" / f"{APP_ID}.metainfo.xml")
    )
    hicolor = dest / "icons" / "hicolor"
    svg = icon_svg()
    place(hicolor / "scalable" / "apps" / f"{APP_ID}.svg").write_bytes(svg)
    for size in ICON_SIZES:
        render_png(svg, size, place(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    for path in stage(Path(argv[0])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
