"""Loading as the articles set it: bands open it, light hinges held in the hands follow with a
rule for the first load, and the loaded drills say how to choose that load."""

from __future__ import annotations

from drill_catalogue import CATALOGUE
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.drills import Equipment, Phase
from hinge_desktop.domain.ladder import asks_easily
from hinge_desktop.domain.routines import routine_for_phase
from hinge_desktop.storage.routines import RoutineRepository
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.library.routines_view import RoutinesView

HELD_IN_THE_HANDS = {Equipment.KETTLEBELL, Equipment.DUMBBELL}
WEIGHTS = {Equipment.KETTLEBELL, Equipment.DUMBBELL, Equipment.BARBELL}


def test_the_band_resisted_hip_thrust_is_a_light_loading_hinge_not_activation() -> None:
    # A band pulls the hips back in a standing hinge: bands open loading (seed 000), and the
    # article that teaches it puts it after the dowel drill (seed 001).
    drill = CATALOGUE.get("band-resisted-hip-thrust")
    assert drill.phase is Phase.LIGHT_LOADING
    assert Equipment.BAND in drill.equipment
    assert asks_easily(drill, Phase.LIGHT_LOADING)
    assert drill.regression == "glute-bridge"
    assert all(CATALOGUE.get(other).phase < drill.phase for other in drill.easier)
    activation = routine_for_phase(Phase.ACTIVATION, CATALOGUE)
    assert drill.id not in {item.drill_id for item in activation.entries}


def test_the_loading_rung_opens_with_two_light_hinges_held_in_the_hands() -> None:
    routine = routine_for_phase(Phase.LOADING, CATALOGUE)
    # The article's second loading step, in its order: the front-loaded RDL, then the
    # kettlebell deadlift.
    assert [item.drill_id for item in routine.entries] == [
        "front-loaded-rdl",
        "kettlebell-deadlift",
    ]
    for item in routine.entries:
        drill = CATALOGUE.get(item.drill_id)
        assert drill.easily, drill.id
        assert drill.equipment & HELD_IN_THE_HANDS, drill.id
        assert Equipment.BARBELL not in drill.equipment, drill.id
    assert sum(item.sets for item in routine.entries) <= 6
    assert routine.to_plan().seconds(CATALOGUE) <= 15 * 60


def test_the_first_load_rule_is_marked_as_added_and_on_every_loaded_drill() -> None:
    note = CATALOGUE.notes["first-load"]
    assert note.added, "the rule is not in the articles"
    said = " ".join(note.steps)
    assert "lightest" in said
    assert "15 times" in said
    assert "smallest step" in said
    loaded = [
        drill for drill in CATALOGUE if drill.phase >= Phase.LOADING and drill.equipment & WEIGHTS
    ]
    assert loaded
    for drill in loaded:
        assert "first-load" in drill.notes, drill.id


def test_the_loading_routine_states_the_rule_where_the_load_is_chosen(
    qtbot: QtBot, store: Store
) -> None:
    view = RoutinesView(CATALOGUE, RoutineRepository(store.db))
    qtbot.addWidget(view)
    view.select_routine(f"builtin.phase-{int(Phase.LOADING)}")
    shown = view.findChild(QLabel, "routineDescription").text()
    assert "First load: the lightest kettlebell or dumbbell you have" in shown
    assert "15 times" in shown
    assert "smallest step" in shown
