"""Each cue at its moment: an effort cue while the hips extend or hold extension, never while
they leave it; every cue of every drill heard in its default dose; none said over another."""

from __future__ import annotations

import itertools

import pytest
from drill_catalogue import CATALOGUE, builtin_on_every_rung

from hinge_desktop.domain.cue_plan import plan_cues
from hinge_desktop.domain.cues import Cue, CueKind, Density
from hinge_desktop.domain.drills import CueMoment, Drill
from hinge_desktop.domain.set_cues import BALLISTIC_EVERY
from hinge_desktop.domain.spoken import spoken_seconds
from hinge_desktop.domain.timeline import Step, StepKind, build_steps

DRILLS = list(CATALOGUE)
FOR_REPS = [drill for drill in DRILLS if drill.prescription.reps is not None]
SAID = (CueKind.FORM, CueKind.PREPARE)


def _said_in(drill: Drill) -> tuple[tuple[Step, ...], list[Cue]]:
    steps = build_steps([drill])
    return steps, plan_cues(steps, Density.EVERY_REP)


def _figure_extends_on_the_way_out(drill: Drill) -> bool | None:
    """True when the hips straighten from the first pose to the last, False when they bend,
    None when the hip angle does not change (an arm or leg moves)."""
    first, last = drill.figure.poses[0].hip, drill.figure.poses[-1].hip
    if abs(first - last) < 5:
        return None
    return last < first


def _into_or_holding_extension(drill: Drill, seconds_into_rep: float) -> bool:
    """Whether the figure is moving into extension, or holding it, at this point of a rep."""
    tempo = drill.prescription.tempo
    extends_out = _figure_extends_on_the_way_out(drill)
    assert extends_out is not None, f"{drill.id}: an effort cue, but the hips do not move"
    if seconds_into_rep < tempo.away:
        return extends_out  # moving into the last pose
    if seconds_into_rep < tempo.away + tempo.hold:
        return extends_out  # holding the last pose
    if seconds_into_rep < tempo.away + tempo.hold + tempo.back:
        return not extends_out  # moving back to the first pose
    return not extends_out  # holding the first pose before the next rep


@pytest.mark.parametrize("drill", FOR_REPS, ids=lambda d: d.id)
def test_an_effort_cue_is_said_while_the_hips_extend_or_hold_it(drill: Drill) -> None:
    efforts = {cue.text for cue in drill.cues if cue.effort}
    steps, cues = _said_in(drill)
    rep_seconds = drill.prescription.tempo.rep_seconds
    for cue in cues:
        if cue.kind is CueKind.FORM and cue.text() in efforts:
            assert steps[cue.step_index].kind is StepKind.REPS
            into_rep = cue.offset % rep_seconds
            assert _into_or_holding_extension(drill, into_rep), (
                f"{drill.id}: '{cue.text()}' at {into_rep:.1f} s of the rep"
            )


@pytest.mark.parametrize("drill", DRILLS, ids=lambda d: d.id)
def test_no_effort_cue_is_said_before_the_set(drill: Drill) -> None:
    assert not [c.text for c in drill.cues if c.effort and c.when is CueMoment.BEFORE]


@pytest.mark.parametrize("drill", DRILLS, ids=lambda d: d.id)
def test_every_cue_of_a_drill_is_heard_in_its_default_dose(drill: Drill) -> None:
    _steps, cues = _said_in(drill)
    heard = {cue.text() for cue in cues if cue.kind in SAID}
    assert set(drill.cue_texts) <= heard, set(drill.cue_texts) - heard


def _overlaps(steps: tuple[Step, ...], cues: list[Cue]) -> list[str]:
    starts = [0.0]
    for step in steps:
        starts.append(starts[-1] + step.seconds)
    timed = sorted((starts[c.step_index] + c.offset, c.text()) for c in cues)
    return [
        f"'{a}' at {at:.2f} s runs into '{b}' at {bt:.2f} s"
        for (at, a), (bt, b) in itertools.pairwise(timed)
        if at + spoken_seconds(a) > bt + 1e-9
    ]


@pytest.mark.parametrize("drill", DRILLS, ids=lambda d: d.id)
def test_no_cue_of_a_drill_is_said_over_another(drill: Drill) -> None:
    steps, cues = _said_in(drill)
    assert _overlaps(steps, cues) == []


@pytest.mark.parametrize(
    "routine",
    builtin_on_every_rung().values(),
    ids=list(key.removeprefix("builtin.") for key in builtin_on_every_rung()),
)
def test_no_cue_of_a_routine_is_said_over_another(routine) -> None:  # type: ignore[no-untyped-def]
    steps = routine.to_plan().steps(CATALOGUE)
    assert _overlaps(steps, plan_cues(steps, Density.EVERY_REP)) == []


def _form_cues_by_rep(drill_id: str) -> dict[int, list[str]]:
    drill = CATALOGUE.get(drill_id)
    steps, cues = _said_in(drill)
    first_set = next(i for i, s in enumerate(steps) if s.kind is StepKind.REPS)
    rep_seconds = drill.prescription.tempo.rep_seconds
    by_rep: dict[int, list[str]] = {rep: [] for rep in range(1, steps[first_set].reps + 1)}
    for cue in cues:
        if cue.step_index == first_set and cue.kind is CueKind.FORM:
            by_rep[int(cue.offset // rep_seconds) + 1].append(cue.text())
    return by_rep


def test_the_glute_bridge_squeezes_at_the_top_not_on_the_way_down() -> None:
    drill = CATALOGUE.get("glute-bridge")
    tempo = drill.prescription.tempo
    _steps, cues = _said_in(drill)
    squeezes = [c for c in cues if c.text() == "squeeze the glutes"]
    assert squeezes
    for cue in squeezes:
        into = cue.offset % tempo.rep_seconds
        assert tempo.away <= into < tempo.away + tempo.hold  # at the top, before lowering


def test_the_deadlift_set_up_is_said_in_order_within_every_rep() -> None:
    sequence = list(CATALOGUE.get("deadlift-setup").cue_texts)
    by_rep = _form_cues_by_rep("deadlift-setup")
    assert all(said == sequence for said in by_rep.values()), by_rep


def test_a_ballistic_drill_speaks_one_form_cue_every_few_reps() -> None:
    by_rep = _form_cues_by_rep("kettlebell-swing")
    with_a_cue = [rep for rep, said in by_rep.items() if said]
    assert all(len(by_rep[rep]) == 1 for rep in with_a_cue)
    assert with_a_cue
    assert all(b - a >= BALLISTIC_EVERY for a, b in itertools.pairwise(with_a_cue))


def test_a_hold_speaks_the_drills_form_cues() -> None:
    drill = CATALOGUE.get("roll-stretch-glutes")
    steps, cues = _said_in(drill)
    holds = {i for i, s in enumerate(steps) if s.kind is StepKind.HOLD}
    said = [c.text() for c in cues if c.step_index in holds and c.kind is CueKind.FORM]
    assert "roll slowly" in said


def test_before_the_set_cues_come_just_before_the_countdown() -> None:
    drill = CATALOGUE.get("romanian-deadlift")
    steps, cues = _said_in(drill)
    prepared = [c for c in cues if c.kind is CueKind.PREPARE]
    assert {c.text() for c in prepared} == {"soft knees", "brace"}
    for cue in prepared:
        lead_in = steps[cue.step_index]
        assert lead_in.kind in (StepKind.GET_READY, StepKind.REST)
        assert steps[cue.step_index + 1].is_work
        assert cue.offset + spoken_seconds(cue.text()) <= lead_in.seconds - 3
