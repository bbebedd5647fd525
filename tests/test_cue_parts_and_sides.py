"""What the coach says in drills timed in parts, in sets whose sides alternate, and at a get-ready
that names the side to start on: each part announced as it begins with its own cues, the change
between parts saying what comes next, every count naming its side, and "1 set" said as such."""

from __future__ import annotations

from drill_catalogue import CATALOGUE

from hinge_desktop.domain.cue_plan import plan_cues
from hinge_desktop.domain.cues import Cue, CueKind, Density
from hinge_desktop.domain.timeline import Step, StepKind, build_steps
from hinge_desktop.domain.training import Side


def said(drill_id: str, first: Side | None = None) -> tuple[tuple[Step, ...], list[Cue]]:
    sides = {drill_id: first} if first is not None else None
    steps = build_steps([CATALOGUE.get(drill_id)], first_sides=sides)
    return steps, plan_cues(steps, Density.EVERY_REP)


def in_step(cues: list[Cue], index: int) -> list[str]:
    return [cue.text() for cue in cues if cue.step_index == index]


def test_each_part_is_announced_as_it_begins_and_the_change_says_what_comes_next() -> None:
    steps, cues = said("roll-stretch-glutes")
    openings = [
        in_step(cues, index)[0] for index, step in enumerate(steps) if step.kind is StepKind.HOLD
    ]
    assert openings == [
        "roll, left side: 60 seconds",
        "stretch, left side: 30 seconds",
        "roll, right side: 60 seconds",
        "stretch, right side: 30 seconds",
    ]
    change = [s.kind for s in steps].index(StepKind.CHANGE)
    assert in_step(cues, change)[0] == "next: stretch, left side"
    assert in_step(cues, change)[-3:] == ["3", "2", "1"]
    assert not [c for c in cues if c.kind is CueKind.HOLD], "no 'hold 60 seconds' while rolling"


def test_a_part_hears_its_own_cues_and_the_change_before_it_its_set_up() -> None:
    steps, cues = said("roll-stretch-glutes")
    drill = CATALOGUE.get("roll-stretch-glutes")
    for index, step in enumerate(steps):
        if step.kind is not StepKind.HOLD:
            continue
        assert step.part is not None
        heard = {c.text() for c in cues if c.step_index == index and c.kind is CueKind.FORM}
        others = {cue.text for cue in drill.cues if cue.part not in (None, step.part.name)}
        assert heard, step.part.name
        assert not heard & others, f"{step.part.name} hears another part's cue"
    change = [s.kind for s in steps].index(StepKind.CHANGE)
    prepared = [c.text() for c in cues if c.step_index == change and c.kind is CueKind.PREPARE]
    assert prepared == ["cross the ankle over"]


def test_the_hamstring_stretch_is_announced_each_leg_after_one_roll() -> None:
    _steps, cues = said("roll-stretch-hamstrings")
    assert in_step(cues, 0)[0] == "Get ready: Hamstring roll and stretch, roll first"
    assert in_step(cues, 1)[0] == "roll: 60 seconds"
    texts = [c.text() for c in cues]
    assert "stretch, left side: 30 seconds" in texts
    assert "stretch, right side: 30 seconds" in texts


def test_the_squeeze_test_squeezes_standing_then_sits_down_and_squeezes_again() -> None:
    _steps, cues = said("glute-squeeze-test")
    assert in_step(cues, 0)[0] == "Get ready: Glute squeeze test, standing squeeze first"
    assert in_step(cues, 1)[0] == "squeeze both glutes"
    assert in_step(cues, 2)[:2] == ["next: seated squeeze", "sit tall"]
    assert in_step(cues, 3)[0] == "squeeze both glutes"


def test_an_alternating_set_counts_each_side_and_never_switches() -> None:
    _steps, cues = said("dead-bug")
    counts = [c.text() for c in cues if c.kind in (CueKind.SIDE_REP, CueKind.LAST_SIDE_REP)]
    first_set = counts[:16]
    assert first_set[:4] == ["left 1", "right 1", "left 2", "right 2"]
    assert first_set[-2:] == ["left 8", "last one, right"]
    assert not [c for c in cues if c.kind is CueKind.SWITCH_SIDES]
    assert in_step(cues, 0)[0] == (
        "Get ready: Dead bug, 2 sets of 8 each side, alternating, left side first"
    )


def test_the_get_ready_says_which_side_comes_first_and_each_side() -> None:
    _steps, cues = said("single-leg-glute-bridge")
    assert in_step(cues, 0)[0] == (
        "Get ready: Single-leg glute bridge, 2 sets of 8 each side, left side first"
    )
    _steps, cues = said("single-leg-glute-bridge", Side.RIGHT)
    assert in_step(cues, 0)[0] == (
        "Get ready: Single-leg glute bridge, 2 sets of 8 each side, right side first"
    )


def test_one_set_is_said_as_one_set() -> None:
    _steps, cues = said("wall-hinge-check")
    assert in_step(cues, 0)[0] == "Get ready: Wall hinge check, 1 set of 5"
    _steps, cues = said("aslr-test")
    assert in_step(cues, 0)[0].startswith("Get ready: Active straight-leg raise test, 1 set of ")


def test_the_second_side_hears_the_cues_said_before_a_set_in_its_switch() -> None:
    steps, cues = said("single-leg-glute-bridge")
    switch = [s.kind for s in steps].index(StepKind.SWITCH_SIDES)
    prepared = [c.text() for c in cues if c.step_index == switch and c.kind is CueKind.PREPARE]
    assert prepared
    assert set(prepared) <= set(CATALOGUE.get("single-leg-glute-bridge").cue_texts)
