"""Buttons with a style sheet (the chips: RPE, set kind, band; History's ranges) follow a switch
between light and dark while Hinge runs."""

from __future__ import annotations

from hinge_window import HingeWindow
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.ui.history.range_buttons import RangeButtons
from hinge_desktop.ui.shell import theme
from hinge_desktop.ui.widgets.chips import ChipRow


def test_unchosen_chips_turn_dark_with_the_dark_theme(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    row: ChipRow[int] = ChipRow("rpe", "RPE", [(0, "-"), (6, "6"), (7, "7")])
    qtbot.addWidget(row)
    row.resize(300, 40)
    row.show()
    qtbot.waitExposed(row)
    unchosen = row.button_for(6)
    try:
        theme.apply(app, theme.DARK)
        QApplication.processEvents()
        image = unchosen.grab().toImage()
        colour = image.pixelColor(image.width() // 4, image.height() // 2)
        assert colour.lightness() < 110, colour.name()
    finally:
        theme.apply(app, theme.LIGHT)


def test_historys_range_buttons_turn_dark_with_the_dark_theme(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    holder = QWidget()
    qtbot.addWidget(holder)
    ranges = RangeButtons(365, holder)
    row = QHBoxLayout(holder)
    for button in ranges.buttons():
        row.addWidget(button)
    holder.show()
    qtbot.waitExposed(holder)
    unchosen = next(b for b in ranges.buttons() if not b.isChecked())
    try:
        theme.apply(app, theme.DARK)
        QApplication.processEvents()
        image = unchosen.grab().toImage()
        colour = image.pixelColor(4, image.height() // 2)
        assert colour.lightness() < 110, colour.name()
    finally:
        theme.apply(app, theme.LIGHT)


def test_the_log_button_is_in_the_accent_in_light_and_dark_and_greyed_when_off(
    hinge: HingeWindow,
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    hinge.show_drill("glute-bridge")
    button = hinge.widget(QPushButton, "logSetButton")

    def middle() -> QColor:
        image = button.grab().toImage()
        return image.pixelColor(image.width() // 8, image.height() // 2)

    try:
        for scheme in (theme.LIGHT, theme.DARK):
            theme.apply(app, scheme)
            QApplication.processEvents()
            assert not button.isEnabled()
            assert middle().hslSaturation() < 40, (scheme, middle().name())
            hinge.click("startPauseButton")
            hinge.skip_to(StepKind.REPS, 1)
            QApplication.processEvents()
            accent = theme.palette_for(scheme).color(QPalette.ColorRole.Highlight)
            assert abs(middle().hslHue() - accent.hslHue()) < 15, (scheme, middle().name())
            hinge.views.workout.unload()
            hinge.show_drill("glute-bridge")
    finally:
        theme.apply(app, theme.LIGHT)
