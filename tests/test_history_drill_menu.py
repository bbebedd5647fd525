"""History's drill menu (``historyDrill``) with a long log: Hinge's drills by name, then the
person's own under a heading, and typing any part of a name finds a drill, chosen with the
keyboard and charted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from drill_catalogue import CATALOGUE
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.training import LoggedSet, Unit
from hinge_desktop.storage.custom_drills import CustomDrill, CustomDrillRepository
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.history.drill_menu import ID_ROLE
from hinge_desktop.ui.history.progress_view import ProgressView
from hinge_desktop.ui.preferences import CHART_UNIT, Preferences
from hinge_desktop.ui.tasks import BackgroundReader

ZONE = timezone(timedelta(hours=1))
START = datetime(2025, 3, 3, 18, 0, tzinfo=ZONE)
POPUP = pytest.mark.qt_log_ignore(
    # The offscreen platform has no window stacking or keyboard grab for the completer's popup.
    "This plugin does not support raise\\(\\)",
    "This plugin does not support grabbing the keyboard",
)
HINGE = ["kettlebell-swing", "romanian-deadlift", "glute-bridge", "single-leg-rdl", "dead-bug"]
OWN = [f"Exercise {number:03d}" for number in range(120, 0, -1)] + ["bench press", "Zercher"]


@pytest.fixture
def logged(store: Store) -> Store:
    """Five Hinge drills and 122 of one's own, the most trained not first by name."""
    own = CustomDrillRepository(store.db)
    sets = []
    for number, name in enumerate(OWN):
        drill_id = f"own-{number}"
        own.add(CustomDrill(drill_id, name, name))
        sets.append(LoggedSet(drill_id, START + timedelta(days=number), 1, reps=5))
    for number, drill_id in enumerate(HINGE):
        for day in range(number + 1):
            moment = START + timedelta(days=day, hours=1)
            sets.append(LoggedSet(drill_id, moment, 1, reps=8, weight=20.0, unit=Unit.KG))
    store.sets.add_many(sets)
    return store


@pytest.fixture
def view(qtbot: QtBot, logged: Store, data_dir: Path) -> Iterator[ProgressView]:
    reader = BackgroundReader(logged.path)
    preferences = Preferences(data_dir / "settings.ini")
    preferences.set(CHART_UNIT, "kg")
    names = DrillNames(CATALOGUE, CustomDrillRepository(logged.db))
    progress = ProgressView(reader, CATALOGUE, preferences, names=names)
    qtbot.addWidget(progress)
    progress.resize(1080, 700)
    with qtbot.waitSignal(progress.loaded, timeout=10_000):
        progress.show()
    qtbot.waitExposed(progress)
    yield progress
    reader.shutdown()


def menu(view: ProgressView) -> QComboBox:
    found = view.findChild(QComboBox, "historyDrill")
    assert found is not None
    return found


def type_in(qtbot: QtBot, box: QComboBox, text: str) -> QLineEdit:
    """Put the keyboard in the menu's field and type ``text`` over what it shows."""
    box.setFocus()
    line = box.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, text)
    return line


def test_hinge_drills_come_first_by_name_then_ones_own_under_a_heading(view: ProgressView) -> None:
    box = menu(view)
    hinge = sorted((CATALOGUE.get(d).name for d in HINGE), key=str.casefold)
    own = sorted(OWN, key=str.casefold)
    texts = [box.itemText(row) for row in range(box.count())]
    heading = texts.index("Your drills")
    assert [t for t in texts[:heading] if t] == hinge
    assert texts[heading + 1 :] == own
    model = box.model()
    assert isinstance(model, QStandardItemModel)
    assert not model.item(heading).isEnabled(), "the heading cannot be chosen"
    assert box.itemData(heading, ID_ROLE) is None
    # It still opens on the most trained drill.
    assert view.current_drill_id() == "dead-bug"
    assert box.currentText() == "Dead bug"


@POPUP
def test_typing_part_of_a_name_finds_the_drills_and_the_keyboard_charts_one(
    qtbot: QtBot, view: ProgressView
) -> None:
    box = menu(view)
    type_in(qtbot, box, "romanian")
    completer = box.completer()
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    found = [
        completer.completionModel().index(row, 0).data()
        for row in range(completer.completionCount())
    ]
    assert found == ["Romanian deadlift", "Single-leg Romanian deadlift"]

    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(popup, Qt.Key.Key_Return)

    assert view.current_drill_id() == "single-leg-rdl"
    assert box.lineEdit().text() == "Single-leg Romanian deadlift"
    assert view.plot.getPlotItem().listDataItems(), "its sets are charted"


@POPUP
def test_enter_on_text_held_by_several_names_charts_the_first_and_leaving_the_field_does_not(
    qtbot: QtBot, view: ProgressView
) -> None:
    box = menu(view)
    shown = view.current_drill_id()
    line = type_in(qtbot, box, "roman")  # Romanian deadlift and Single-leg Romanian deadlift
    box.completer().popup().hide()
    line.clearFocus()  # the field left without Enter: nothing is chosen for the person
    QApplication.processEvents()
    assert view.current_drill_id() == shown
    assert line.text() == "Dead bug"

    type_in(qtbot, box, "roman")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(line, Qt.Key.Key_Return)
    assert view.current_drill_id() == "romanian-deadlift"  # the first in the list
    assert line.text() == "Romanian deadlift"


@POPUP
def test_typing_finds_ones_own_drills_among_a_hundred(qtbot: QtBot, view: ProgressView) -> None:
    box = menu(view)
    line = type_in(qtbot, box, "ise 07")
    completer = box.completer()
    assert completer.completionCount() == 10  # Exercise 070 to 079
    line.selectAll()
    qtbot.keyClicks(line, "zerch")
    assert completer.completionCount() == 1

    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(line, Qt.Key.Key_Return)

    assert box.currentText() == "Zercher"
    assert view.current_drill_id() == f"own-{OWN.index('Zercher')}"


@POPUP
def test_text_that_names_no_drill_gives_way_to_the_drill_shown(
    qtbot: QtBot, view: ProgressView
) -> None:
    box = menu(view)
    shown = view.current_drill_id()
    type_in(qtbot, box, "no such drill")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    QApplication.processEvents()

    assert box.lineEdit().text() == "Dead bug"
    assert view.current_drill_id() == shown
    assert box.count() == len(HINGE) + len(OWN) + 2, "nothing typed is added to the menu"
