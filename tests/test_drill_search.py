"""Finding a drill by name: the drill named comes first, then the names that start with what was
typed, then every other match, each group in coaching order; Return starts the first one."""

from __future__ import annotations

import pytest
from hinge_window import HingeWindow
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListView
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.ladder import LOADED_PHASES
from hinge_desktop.ui.library.drill_model import DrillRole, Match


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").split())


def search(qtbot: QtBot, hinge: HingeWindow, text: str) -> list[str]:
    """Type ``text`` into the library's search box; the ids of the drills listed, in order."""
    hinge.show("drills")
    box = hinge.widget(QLineEdit, "drillSearch")
    box.clear()
    qtbot.keyClicks(box, text)
    model = hinge.widget(QListView, "drillList").model()
    return [model.index(row, 0).data(DrillRole.ID) for row in range(model.rowCount())]


def coaching_order(drills: list[Drill]) -> list[str]:
    return [d.id for d in sorted(drills, key=lambda d: (d.phase, d.name.casefold()))]


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("kettlebell deadlift", "kettlebell-deadlift"),
        ("glute bridge", "glute-bridge"),
        ("Glute Bridge", "glute-bridge"),
        ("romanian deadlift", "romanian-deadlift"),
        ("dead bug", "dead-bug"),
        ("good morning", "good-morning"),
    ],
)
def test_the_drill_named_is_listed_first_and_return_starts_it(
    qtbot: QtBot, hinge: HingeWindow, catalogue: Catalogue, typed: str, named: str
) -> None:
    listed = search(qtbot, hinge, typed)
    assert listed[0] == named
    assert hinge.window.findChild(QListView, "drillList").currentIndex().row() == 0
    qtbot.keyClick(hinge.widget(QLineEdit, "drillSearch"), Qt.Key.Key_Return)
    assert hinge.window.current_view() == "workout"
    # A loaded drill asks first on a new log, its person at the checks.
    assert hinge.start_anyway() is (catalogue.get(named).phase in LOADED_PHASES)
    assert hinge.views.workout.drill() == catalogue.get(named)


def test_exact_then_prefix_then_the_rest_each_in_coaching_order(
    qtbot: QtBot, hinge: HingeWindow, catalogue: Catalogue
) -> None:
    listed = search(qtbot, hinge, "glute bridge")
    drills = [catalogue.get(drill_id) for drill_id in listed]
    starting = [d for d in drills if _fold(d.name).startswith("glute bridge")]
    prefix = [d for d in starting if d.id != "glute-bridge"]
    others = [d for d in drills if d not in starting]
    assert prefix, "Glute bridge knee-outs starts with the words"
    assert others, "a barbell glute bridge and the hip thrust match too"
    assert listed == ["glute-bridge", *coaching_order(prefix), *coaching_order(others)]


def test_names_starting_with_the_words_come_before_other_matches(
    qtbot: QtBot, hinge: HingeWindow, catalogue: Catalogue
) -> None:
    listed = search(qtbot, hinge, "single leg")
    starting = [d for d in catalogue if _fold(d.name).startswith("single leg")]
    assert len(starting) >= 2
    assert listed[: len(starting)] == coaching_order(starting)
    model = hinge.widget(QListView, "drillList").model()
    matches = [model.index(row, 0).data(DrillRole.MATCH) for row in range(model.rowCount())]
    assert matches == sorted(matches)
    assert matches[0] == Match.PREFIX


def test_without_a_search_the_list_is_in_coaching_order(
    qtbot: QtBot, hinge: HingeWindow, catalogue: Catalogue
) -> None:
    search(qtbot, hinge, "glute bridge")
    listed = search(qtbot, hinge, "")
    assert listed == coaching_order(list(catalogue))
