"""The library in the dark palette, chosen at start or switched to while Hinge runs: the ladder's
rungs not yet reached and the routine editor's table of drills read as clearly as in the light."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hinge_window import HingeWindow
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QTreeWidget
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.drills import Phase
from hinge_desktop.ui.library.library_view import LibraryView
from hinge_desktop.ui.shell import theme

READABLE = 4.5
"""The contrast, text to background, that body text needs (WCAG AA)."""


def luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture
def palette_back() -> Iterator[None]:
    yield
    theme.apply(QApplication.instance(), theme.LIGHT)  # type: ignore[arg-type]


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def rungs_read_clearly(hinge: HingeWindow, scheme: str) -> None:
    window = theme.palette_for(scheme).color(QPalette.ColorRole.Window)
    for phase in Phase:
        rung = hinge.widget(QFrame, f"ladderRung{int(phase)}")
        name = rung.findChildren(QLabel)[-1]
        background = rung.palette().color(QPalette.ColorRole.Window)
        text = name.palette().color(QPalette.ColorRole.WindowText)
        assert contrast(text, background) >= READABLE, (scheme, phase)
        if not rung.accessibleName().endswith("your phase now"):
            # A rung not reached is on the page's own background, not a light-grey bar.
            assert background.name() == window.name(), (scheme, phase)
        # What is painted: the rung's background behind its name.
        image = rung.grab().toImage()
        painted = image.pixelColor(image.width() - 3, image.height() // 2)
        assert painted.name() == background.name(), (scheme, phase)


def entries_read_clearly(hinge: HingeWindow, scheme: str) -> None:
    tree = hinge.widget(QTreeWidget, "routineEntries")
    palette = theme.palette_for(scheme)
    image = tree.viewport().grab().toImage()
    # Below the last row: the table's own background, as painted.
    painted = image.pixelColor(image.width() // 2, image.height() - 4)
    assert painted.name() == palette.color(QPalette.ColorRole.Base).name(), scheme
    assert contrast(painted, palette.color(QPalette.ColorRole.Text)) >= READABLE
    first = tree.visualItemRect(tree.topLevelItem(0))
    tree.clearSelection()
    tree.setCurrentItem(None)
    settle()
    row = tree.viewport().grab().toImage().pixelColor(first.right() - 4, first.top() + 2)
    assert contrast(row, palette.color(QPalette.ColorRole.Text)) >= READABLE, scheme


def show_routine(hinge: HingeWindow) -> None:
    library = hinge.window.view("drills")
    assert isinstance(library, LibraryView)
    library.routines.add_drill("glute-bridge", "")
    library.show_routines()
    settle()


def show_ladder(hinge: HingeWindow) -> None:
    library = hinge.window.view("drills")
    assert isinstance(library, LibraryView)
    library.show_ladder()
    settle()


@pytest.mark.usefixtures("palette_back")
def test_switched_to_dark_the_ladder_and_routines_stay_readable(
    qtbot: QtBot, hinge: HingeWindow
) -> None:
    theme.apply(QApplication.instance(), theme.LIGHT)  # type: ignore[arg-type]
    hinge.show("drills")
    show_ladder(hinge)
    rungs_read_clearly(hinge, theme.LIGHT)
    show_routine(hinge)
    entries_read_clearly(hinge, theme.LIGHT)
    theme.apply(QApplication.instance(), theme.DARK)  # type: ignore[arg-type]
    settle()
    entries_read_clearly(hinge, theme.DARK)
    show_ladder(hinge)
    rungs_read_clearly(hinge, theme.DARK)
    theme.apply(QApplication.instance(), theme.LIGHT)  # type: ignore[arg-type]
    settle()
    rungs_read_clearly(hinge, theme.LIGHT)


@pytest.mark.usefixtures("palette_back")
def test_started_in_dark_the_ladder_and_routines_are_readable(qtbot: QtBot, start_hinge) -> None:  # type: ignore[no-untyped-def]
    theme.apply(QApplication.instance(), theme.DARK)  # type: ignore[arg-type]
    hinge = start_hinge()
    hinge.show("drills")
    show_ladder(hinge)
    rungs_read_clearly(hinge, theme.DARK)
    show_routine(hinge)
    entries_read_clearly(hinge, theme.DARK)
