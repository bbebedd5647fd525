"""The assistance routines, 3×8 and 3×12: one or two loaded hinges chosen from the rung the
person has reached, none before loading begins, wherever the app offers them (the routine
list, Today's "again")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone

import pytest
from drill_catalogue import CATALOGUE
from hinge_window import HingeWindow

from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.routines import Routine, builtin_routines
from hinge_desktop.domain.training import LoggedSet, Workout
from hinge_desktop.storage import timecodec
from hinge_desktop.storage.database import Database, open_reader
from hinge_desktop.storage.store import Store
from hinge_desktop.storage.today_queries import read_today
from hinge_desktop.ui.library.routine_model import RoutineRole
from hinge_desktop.ui.library.routines_view import RoutinesView

ASSISTANCE = ("builtin.assistance-3x8", "builtin.assistance-3x12")
ZONE = timezone(timedelta(hours=2))
NOW = datetime(2026, 3, 12, 18, 0, tzinfo=ZONE)


def assistance(rung: Phase) -> dict[str, Routine]:
    return {r.id: r for r in builtin_routines(CATALOGUE, rung) if r.id in ASSISTANCE}


def lifts(routine: Routine) -> list[str]:
    return [item.drill_id for item in routine.entries]


@pytest.mark.parametrize("rung", [p for p in Phase if p < Phase.LIGHT_LOADING])
def test_nothing_loaded_is_offered_as_assistance_before_loading_begins(rung: Phase) -> None:
    assert assistance(rung) == {}
    offered = {r.id for r in builtin_routines(CATALOGUE, rung)}
    assert "builtin.daily-activation" in offered
    assert f"builtin.phase-{int(rung)}" in offered


def test_each_rung_offers_one_or_two_lifts_it_has_reached() -> None:
    chosen = {
        rung: {routine_id: lifts(routine) for routine_id, routine in assistance(rung).items()}
        for rung in Phase
        if rung >= Phase.LIGHT_LOADING
    }
    assert chosen == {
        Phase.LIGHT_LOADING: {
            "builtin.assistance-3x8": ["band-good-morning"],
            "builtin.assistance-3x12": ["band-pull-through", "hip-thrust"],
        },
        Phase.LOADING: {
            "builtin.assistance-3x8": ["kettlebell-deadlift"],
            "builtin.assistance-3x12": ["band-pull-through", "hip-thrust"],
        },
        Phase.BAR_AND_SWING: {
            "builtin.assistance-3x8": ["romanian-deadlift"],
            "builtin.assistance-3x12": ["kettlebell-swing", "hip-thrust"],
        },
        Phase.SINGLE_LEG: {
            "builtin.assistance-3x8": ["romanian-deadlift"],
            "builtin.assistance-3x12": ["kettlebell-swing", "hip-thrust"],
        },
    }
    for rung, routines in chosen.items():
        for drill_ids in routines.values():
            assert all(CATALOGUE.get(d).phase <= rung for d in drill_ids), rung


def test_the_description_says_the_lifts_come_from_the_rung_and_are_few() -> None:
    for routine in assistance(max(Phase)).values():
        assert "from the rung you have reached" in routine.description
        assert "Few lifts" in routine.description


# In the app ---------------------------------------------------------------------------------


def reach(hinge: HingeWindow, phase: Phase) -> None:
    """A person who reached ``phase`` ten days ago."""
    at, offset = timecodec.encode(datetime.now().astimezone() - timedelta(days=10))
    hinge.store.db.execute("DELETE FROM phase_events")
    hinge.store.db.table("phase_events").insert(
        {"phase": int(phase), "reached_at": at, "utc_offset": offset}
    )
    hinge.views.ladder.update()
    assert hinge.views.ladder.wait_until_applied()


def listed(hinge: HingeWindow) -> dict[str, Routine]:
    """The routines the routine list shows, by id."""
    model = hinge.widget(RoutinesView, "routinesView").model
    rows = [model.routine(row) for row in range(model.rowCount())]
    return {r.id: r for r in rows if r is not None}


def test_the_routine_list_offers_assistance_from_the_rung_the_ladder_shows(
    hinge: HingeWindow,
) -> None:
    hinge.show("drills")
    assert not set(ASSISTANCE) & set(listed(hinge)), "a new person is at the checks"
    reach(hinge, Phase.LOADING)
    shown = listed(hinge)
    assert lifts(shown["builtin.assistance-3x8"]) == ["kettlebell-deadlift"]
    assert lifts(shown["builtin.assistance-3x12"]) == ["band-pull-through", "hip-thrust"]
    reach(hinge, Phase.BAR_AND_SWING)
    shown = listed(hinge)
    assert lifts(shown["builtin.assistance-3x8"]) == ["romanian-deadlift"]
    assert lifts(shown["builtin.assistance-3x12"]) == ["kettlebell-swing", "hip-thrust"]
    view = hinge.widget(RoutinesView, "routinesView")
    view.select_routine("builtin.assistance-3x12")
    assert view.current_routine() == shown["builtin.assistance-3x12"]
    row = view.model.row_of("builtin.assistance-3x12")
    assert "2 drills" in view.model.index(row, 0).data(RoutineRole.SUMMARY)


@pytest.fixture
def reader(store: Store) -> Iterator[Database]:
    connection = open_reader(store.path)
    yield connection
    connection.close()


def test_today_offers_the_last_assistance_again_with_the_lifts_of_the_rung_now(
    store: Store, reader: Database
) -> None:
    workout = store.workouts.start(
        Workout(NOW, routine_id="builtin.assistance-3x12", name="Assistance: 3 × 12")
    )
    store.sets.add(LoggedSet("hip-thrust", NOW, reps=12, workout_id=workout.id))
    at, offset = timecodec.encode(NOW - timedelta(days=30))
    store.db.table("phase_events").insert(
        {"phase": int(Phase.SINGLE_LEG), "reached_at": at, "utc_offset": offset}
    )
    read = read_today(reader, CATALOGUE, date(2026, 3, 12))
    assert read.ladder.phase is Phase.SINGLE_LEG
    assert read.last_routine == assistance(Phase.SINGLE_LEG)["builtin.assistance-3x12"]


def test_today_offers_no_assistance_again_to_a_person_not_yet_loading(
    store: Store, reader: Database
) -> None:
    workout = store.workouts.start(
        Workout(NOW, routine_id="builtin.assistance-3x8", name="Assistance: 3 × 8")
    )
    store.sets.add(LoggedSet("glute-bridge", NOW, reps=12, workout_id=workout.id))
    read = read_today(reader, CATALOGUE, date(2026, 3, 12))
    assert read.ladder.phase is Phase.CHECK
    assert read.last_routine is None
