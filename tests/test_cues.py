"""Cue placement: what is said in each step, and when, at each density."""

from __future__ import annotations

import pytest
from drill_catalogue import CATALOGUE

from hinge_desktop.domain.cue_plan import plan_cues
from hinge_desktop.domain.cues import Density
from hinge_desktop.domain.timeline import StepKind, build_steps


def spoken(drill_ids: list[str], density: Density) -> list[tuple[int, float, str]]:
    steps = build_steps([CATALOGUE.get(i) for i in drill_ids])
    return [(c.step_index, c.offset, c.text()) for c in plan_cues(steps, density)]


def test_a_workout_opens_with_get_ready_and_closes_with_complete() -> None:
    drill = CATALOGUE.get("kettlebell-deadlift")
    p = drill.prescription
    said = spoken([drill.id], Density.KEY_MOMENTS)
    assert said[0] == (0, 0.0, f"Get ready: {drill.name}, {p.sets} sets of {p.reps}")
    get_ready = [text for index, _o, text in said if index == 0]
    assert get_ready[-3:] == ["3", "2", "1"]
    assert said[-1][2] == "workout complete"


def test_every_rep_is_counted_and_the_last_one_announced() -> None:
    drill = CATALOGUE.get("glute-bridge")
    reps = drill.prescription.reps
    said = [text for index, _o, text in spoken([drill.id], Density.EVERY_REP) if index == 1]
    counts = [t for t in said if t.isdigit()]
    assert counts == [str(n) for n in range(1, reps)]
    assert "last one" in said
    assert "halfway" in said


def test_rests_say_how_long_and_what_comes_next() -> None:
    said = spoken(["glute-bridge", "dead-bug"], Density.KEY_MOMENTS)
    texts = [text for _i, _o, text in said]
    rest = CATALOGUE.get("glute-bridge").prescription.rest_seconds
    assert f"rest {rest} seconds" in texts
    assert f"next: {CATALOGUE.get('dead-bug').name}" in texts


def test_per_side_drills_say_switch_sides_and_holds_count_down() -> None:
    texts = [t for _i, _o, t in spoken(["single-leg-rdl"], Density.KEY_MOMENTS)]
    assert "switch sides" in texts
    hold = next(d for d in CATALOGUE if (d.prescription.hold_seconds or 0) >= 20)
    steps = build_steps([hold])
    work = next(i for i, s in enumerate(steps) if s.kind is StepKind.HOLD)
    cues = [c for c in plan_cues(steps, Density.KEY_MOMENTS) if c.step_index == work]
    assert [c.text() for c in cues][-3:] == ["3", "2", "1"]
    assert cues[-1].offset == pytest.approx(steps[work].seconds - 1)


def test_density_thins_the_cues_and_off_says_nothing() -> None:
    every = spoken(["glute-bridge"], Density.EVERY_REP)
    key = spoken(["glute-bridge"], Density.KEY_MOMENTS)
    assert set(key) < set(every)
    assert spoken(["glute-bridge"], Density.OFF) == []


def test_cues_are_in_time_order_and_inside_their_steps() -> None:
    ids = ["glute-bridge", "single-leg-rdl", "roll-stretch-glutes"]
    steps = build_steps([CATALOGUE.get(i) for i in ids])
    cues = plan_cues(steps, Density.EVERY_REP)
    keys = [(c.step_index, c.offset) for c in cues]
    assert keys == sorted(keys)
    for cue in cues:
        assert 0 <= cue.offset <= max(steps[cue.step_index].seconds, 0.0)
