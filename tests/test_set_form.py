"""The set form on its own: a measure nobody took stays empty, the weight steps follow the
drill's equipment, the numbers are large and every chip reads whole."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from drill_catalogue import CATALOGUE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.training import Unit
from hinge_desktop.ui.widgets.set_form import SetForm

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def form(qtbot: QtBot) -> SetForm:
    made = SetForm()
    qtbot.addWidget(made)
    made.resize(320, 600)
    made.show()
    return made


def press(qtbot: QtBot, form: SetForm, name: str, times: int = 1) -> None:
    button = form.findChild(QToolButton, name)
    assert button is not None, name
    for _ in range(times):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_measure_left_untouched_is_not_in_the_set(qtbot: QtBot, form: SetForm) -> None:
    drill = CATALOGUE.get("aslr-test")
    assert drill.check is not None
    form.show_drill(drill)
    assert form.measured.spin.text() == "not measured"
    assert form.build(performed_at=NOW).measured is None

    press(qtbot, form, "measuredInputPlus")
    expected = drill.check.target or drill.check.minimum or 0
    assert form.build(performed_at=NOW).measured == expected
    press(qtbot, form, "measuredInputMinus", 40)
    assert form.build(performed_at=NOW).measured is None, "all the way down: empty again"


@pytest.mark.parametrize(
    ("drill_id", "unit", "presses", "weight"),
    [
        ("kettlebell-swing", Unit.KG, 4, 16.0),
        ("kettlebell-swing", Unit.LB, 4, 20.0),
        ("romanian-deadlift", Unit.KG, 4, 10.0),
        ("glute-bridge", Unit.KG, 4, 4.0),
    ],
)
def test_the_weight_steps_follow_the_drills_equipment(
    qtbot: QtBot, form: SetForm, drill_id: str, unit: Unit, presses: int, weight: float
) -> None:
    form.show_drill(CATALOGUE.get(drill_id))
    qtbot.mouseClick(form.unit.button_for(unit), Qt.MouseButton.LeftButton)
    press(qtbot, form, "weightInputPlus", presses)
    built = form.build(performed_at=NOW)
    assert (built.weight, built.unit) == (weight, unit)
    assert form.weight.spin.text() == f"{weight:g} {unit.value}", "no trailing zeros"


def test_the_numbers_are_large_and_the_band_chips_read_whole(form: SetForm) -> None:
    form.show_drill(CATALOGUE.get("band-pull-through"))
    for box in (form.reps.spin, form.weight.spin):
        assert box.fontInfo().pixelSize() >= 28
    for chip in form.band.findChildren(QPushButton):
        room = chip.contentsRect().width() - 8
        assert chip.fontMetrics().horizontalAdvance(chip.text()) <= room, chip.text()
