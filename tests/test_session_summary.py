"""The end of a session in figures: sets, reps, holds, load lifted and the records it beat, from
the logged sets and the plan, without Qt."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from drill_catalogue import CATALOGUE

from hinge_desktop.domain.plan import PlanEntry, WorkoutPlan
from hinge_desktop.domain.session_summary import (
    BeatenRecord,
    SessionEnd,
    beaten_records,
    cut_short,
    from_player,
    planned_sets,
    session_end,
    summarize,
)
from hinge_desktop.domain.statistics import RecordKind
from hinge_desktop.domain.timeline import StepKind, build_steps
from hinge_desktop.domain.training import (
    LB_PER_KG,
    CheckOutcome,
    LoggedSet,
    SetKind,
    Side,
    Unit,
)

ZONE = timezone(timedelta(hours=1))
TODAY = datetime(2026, 3, 14, 18, 0, tzinfo=ZONE)
RDL = "romanian-deadlift"
BRIDGE = "glute-bridge"


def logged(drill: str, number: int, **values: object) -> LoggedSet:
    at = values.pop("at", TODAY + timedelta(minutes=number))
    assert isinstance(at, datetime)
    return LoggedSet(drill, at, number, **values)  # type: ignore[arg-type]


def end(planned: int = 3, *, early: bool = False, name: str = "Evening hinge") -> SessionEnd:
    return SessionEnd(name, 754.0, planned, planned, early)


def test_sets_reps_and_load_come_from_the_logged_sets() -> None:
    sets = [
        logged(RDL, 1, reps=8, weight=20.0, unit=Unit.KG),
        logged(RDL, 2, reps=8, weight=22.5, unit=Unit.KG),
        logged(RDL, 3, reps=6, weight=22.5, unit=Unit.KG),
    ]
    summary = summarize(end(), sets)
    assert summary.name == "Evening hinge"
    assert summary.seconds == 754.0
    assert (summary.sets, summary.sets_planned) == (3, 3)
    assert summary.reps == 22
    assert summary.load == pytest.approx(8 * 20 + 8 * 22.5 + 6 * 22.5)
    assert summary.unit is Unit.KG
    assert summary.holds == 0
    assert summary.records == ()
    assert summary.from_log


def test_both_sides_of_a_set_count_as_one_set_and_their_reps_add_up() -> None:
    sets = [
        logged("single-leg-rdl", 1, reps=8, side=Side.LEFT),
        logged("single-leg-rdl", 1, reps=8, side=Side.RIGHT),
        logged("single-leg-rdl", 2, reps=7, side=Side.LEFT),
    ]
    summary = summarize(end(), sets)
    assert summary.sets == 2
    assert summary.reps == 23
    assert summary.load is None, "nothing was lifted"
    assert summary.unit is None


def test_holds_are_counted_and_timed() -> None:
    sets = [logged("glute-squeeze-test", 1, hold_seconds=10.0, result=CheckOutcome.PASS)]
    sets += [logged("dead-bug", n, hold_seconds=30.0) for n in (1, 2)]
    summary = summarize(end(4), sets)
    assert (summary.holds, summary.hold_seconds) == (3, 70.0)
    assert summary.reps == 0
    assert summary.sets == 3


def test_load_is_in_the_unit_used_most_and_pounds_are_converted() -> None:
    sets = [
        logged(RDL, 1, reps=10, weight=45.0, unit=Unit.LB),
        logged(RDL, 2, reps=10, weight=45.0, unit=Unit.LB),
        logged("kettlebell-deadlift", 1, reps=5, weight=16.0, unit=Unit.KG),
    ]
    summary = summarize(end(), sets)
    assert summary.unit is Unit.LB
    assert summary.load == pytest.approx(900 + 5 * 16 * LB_PER_KG)


def test_a_record_beaten_is_named_with_the_best_before_it() -> None:
    before = [logged(RDL, 1, reps=8, weight=20.0, unit=Unit.KG, at=TODAY - timedelta(days=7))]
    before += [logged(RDL, 1, reps=10, weight=16.0, unit=Unit.KG, at=TODAY - timedelta(days=3))]
    now = [logged(RDL, 1, reps=8, weight=24.0, unit=Unit.KG)]
    beaten = beaten_records(now, before)
    # 10 reps in a set and in a session before, 8 now: those stand.
    assert [r.kind for r in beaten] == [
        RecordKind.HEAVIEST_WEIGHT,
        RecordKind.BEST_E1RM,
        RecordKind.MOST_VOLUME,
    ]
    assert beaten[0] == BeatenRecord(RDL, RecordKind.HEAVIEST_WEIGHT, 24.0, 20.0)
    assert beaten[2].value == pytest.approx(192.0)
    assert beaten[2].before == pytest.approx(160.0)


def test_the_first_time_a_drill_is_done_beats_no_record() -> None:
    now = [logged(RDL, 1, reps=8, weight=24.0, unit=Unit.KG)]
    assert beaten_records(now, []) == ()
    assert summarize(end(), now).records == ()


def test_warm_ups_and_checks_beat_no_record_and_equalling_one_is_not_beating_it() -> None:
    before = [logged(RDL, 1, reps=8, weight=20.0, unit=Unit.KG, at=TODAY - timedelta(days=2))]
    now = [
        logged(RDL, 1, reps=12, weight=30.0, unit=Unit.KG, kind=SetKind.WARMUP),
        logged(RDL, 2, reps=8, weight=20.0, unit=Unit.KG),
    ]
    assert beaten_records(now, before) == ()


def test_a_session_past_midnight_is_one_session_for_its_records() -> None:
    before = [logged(BRIDGE, 1, reps=15, at=TODAY - timedelta(days=5))]
    late = TODAY.replace(hour=23, minute=55)
    now = [
        logged(BRIDGE, 1, reps=10, at=late),
        logged(BRIDGE, 2, reps=10, at=late + timedelta(minutes=10)),
    ]
    kinds = [r.kind for r in beaten_records(now, before)]
    assert kinds == [RecordKind.MOST_REPS_IN_A_SESSION], "20 reps in one session, not 10 twice"


def test_the_players_summary_has_no_figures_from_the_log() -> None:
    summary = from_player(SessionEnd("Glute bridge", 300.0, 2, 1, True))
    assert (summary.sets, summary.sets_planned, summary.finished_early) == (1, 2, True)
    assert summary.reps is None
    assert not summary.from_log


def test_planned_sets_count_a_set_on_both_sides_once_and_a_circuit_by_rounds() -> None:
    bridge = CATALOGUE.get(BRIDGE)
    assert planned_sets(build_steps([bridge])) == bridge.prescription.sets
    per_side = next(d for d in CATALOGUE if d.prescription.per_side)
    assert planned_sets(build_steps([per_side])) == per_side.prescription.sets
    circuit = WorkoutPlan(
        "Circuit",
        (PlanEntry.of(bridge), PlanEntry.of(CATALOGUE.get("dead-bug"))),
        rounds=3,
        rest_after_round=90,
    )
    assert planned_sets(circuit.steps(CATALOGUE)) == 6


def test_a_workout_cut_short_keeps_the_set_under_way_and_ends() -> None:
    steps = build_steps([CATALOGUE.get(BRIDGE)])  # get ready, set 1, rest, set 2, done
    kinds = [s.kind for s in steps]
    rest = kinds.index(StepKind.REST)
    during_set = cut_short(steps, rest - 1)
    assert [s.kind for s in during_set] == [StepKind.GET_READY, StepKind.REPS, StepKind.DONE]
    during_rest = cut_short(steps, rest)
    assert [s.kind for s in during_rest] == [StepKind.GET_READY, StepKind.REPS, StepKind.DONE]
    at_start = cut_short(steps, 0)
    assert [s.kind for s in at_start] == [StepKind.DONE]


def test_the_end_counts_the_sets_gone_through() -> None:
    steps = build_steps([CATALOGUE.get(BRIDGE)])
    finished = session_end("Glute bridge", steps, steps[:2], 95.0, early=True)
    assert finished == SessionEnd("Glute bridge", 95.0, 2, 1, True)
    assert session_end("Glute bridge", steps, steps, -1.0, early=False).seconds == 0.0
