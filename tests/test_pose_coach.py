"""Reps counted and cues chosen from the angles alone: every standing drill's reps, done well and
with each fault, read from the figure's own geometry (with a camera's jitter added)."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from drill_catalogue import CATALOGUE

from hinge_desktop.domain.figure import scene
from hinge_desktop.domain.pose.coach import LOST_FRAMES, PoseCoach
from hinge_desktop.domain.pose.form import SOURCES, CueGate, FormCue
from hinge_desktop.domain.pose.reading import BodyReading, read_body
from hinge_desktop.domain.pose.rep_script import Fault, rep_script
from hinge_desktop.domain.pose.targets import pose_targets
from hinge_desktop.domain.sources import SOURCES as ARTICLES

STANDING = [drill for drill in CATALOGUE if pose_targets(drill) is not None]
FAULTS = [Fault.NONE, Fault.KNEES_FORWARD, Fault.NONE, Fault.LOCKED_KNEES, Fault.SHALLOW]
EXPECTED = {
    Fault.KNEES_FORWARD: FormCue.HIPS_BACK,
    Fault.LOCKED_KNEES: FormCue.SOFT_KNEES,
    Fault.SHALLOW: FormCue.HIPS_FURTHER,
}


def _jitter(reading: BodyReading, rng: random.Random) -> BodyReading:
    """A camera's reading: a few degrees off, and now and then one point badly misplaced."""
    wild = rng.random() < 0.04
    return replace(
        reading,
        hip=reading.hip + rng.gauss(0, 3) + (rng.choice((-40, 40)) if wild else 0),
        knee=max(0.0, reading.knee + rng.gauss(0, 3)),
        trunk=reading.trunk + rng.gauss(0, 2),
        hips_back=reading.hips_back + rng.gauss(0, 0.02),
    )


def _coach(drill, faults, seed: int = 1):  # type: ignore[no-untyped-def]
    targets = pose_targets(drill)
    assert targets is not None
    coach = PoseCoach(targets)
    rng = random.Random(seed)
    reps = []
    for frame in rep_script(drill, faults):
        reading = _jitter(read_body(scene(drill.figure, frame.angles).points), rng)
        update = coach.add(frame.seconds, reading)
        if update.rep is not None:
            reps.append(update)
    return coach, reps


@pytest.mark.parametrize("drill", STANDING, ids=lambda drill: drill.id)
def test_every_rep_is_counted_once_and_each_fault_gets_its_cue(drill) -> None:  # type: ignore[no-untyped-def]
    coach, reps = _coach(drill, FAULTS)
    assert coach.count == len(FAULTS)
    assert [update.rep.number for update in reps] == [1, 2, 3, 4, 5]
    targets = pose_targets(drill)
    assert targets is not None
    for update, fault in zip(reps, FAULTS, strict=True):
        if fault is Fault.NONE:
            assert update.cues == (), f"rep {update.rep.number}: a good rep cued"
        elif fault is Fault.LOCKED_KNEES and targets.bottom.knee < 15:
            assert FormCue.SOFT_KNEES not in update.cues  # the drill is done near straight-legged
        else:
            assert EXPECTED[fault] in update.cues, f"rep {update.rep.number}: {fault}"
    # The deepest point of a good rep is the drill's deepest pose.
    assert reps[0].rep.bottom.hip == pytest.approx(targets.bottom.hip, abs=6)


def test_a_rep_is_timed_from_going_down_to_coming_back_up() -> None:
    drill = CATALOGUE.get("kettlebell-deadlift")
    tempo = drill.prescription.tempo
    _, reps = _coach(drill, [Fault.NONE, Fault.NONE])
    first = reps[0].rep
    assert 1.0 < first.start < 1.0 + tempo.away
    assert first.start < first.bottom_time < first.end < 1.0 + tempo.rep_seconds
    assert reps[1].rep.start > first.end


def test_a_body_lost_mid_rep_is_not_counted_on_a_guess() -> None:
    drill = CATALOGUE.get("romanian-deadlift")
    targets = pose_targets(drill)
    assert targets is not None
    coach = PoseCoach(targets)
    frames = list(rep_script(drill, [Fault.NONE, Fault.NONE]))
    bottom = max(range(len(frames)), key=lambda i: frames[i].angles["hip"] * (frames[i].rep == 1))
    for index, frame in enumerate(frames):
        hidden = bottom <= index < bottom + LOST_FRAMES + 2
        reading = None if hidden else read_body(scene(drill.figure, frame.angles).points)
        coach.add(frame.seconds, reading)
    assert coach.count == 1


def test_cues_are_said_at_most_every_few_seconds_and_never_the_same_one_back_to_back() -> None:
    gate = CueGate(gap=8.0, same_gap=20.0)
    assert gate.pick(0.0, (FormCue.HIPS_BACK,)) is FormCue.HIPS_BACK
    assert gate.pick(5.0, (FormCue.SOFT_KNEES,)) is None  # too soon after the last
    assert gate.pick(9.0, (FormCue.HIPS_BACK,)) is None  # the same again, too soon
    assert gate.pick(9.0, (FormCue.HIPS_BACK, FormCue.SOFT_KNEES)) is FormCue.SOFT_KNEES
    assert gate.pick(21.0, (FormCue.HIPS_BACK,)) is FormCue.HIPS_BACK
    assert gate.pick(40.0, ()) is None


def test_a_body_partly_out_of_the_picture_gets_counted_but_never_cued() -> None:
    drill = CATALOGUE.get("kettlebell-deadlift")
    targets = pose_targets(drill)
    assert targets is not None
    coach = PoseCoach(targets)
    cues = []
    for frame in rep_script(drill, [Fault.SHALLOW, Fault.KNEES_FORWARD]):
        reading = replace(read_body(scene(drill.figure, frame.angles).points), whole_body=False)
        update = coach.add(frame.seconds, reading)
        cues += [*update.cues, update.say]
    assert coach.count == 2
    assert set(cues) <= {None}


def test_every_cue_names_the_articles_it_comes_from() -> None:
    assert set(SOURCES) == set(FormCue)
    for articles in SOURCES.values():
        assert articles
        assert set(articles) <= set(ARTICLES)
    # Nothing about the shape of the back: a side view's points cannot see it.
    for cue in FormCue:
        assert not {"round", "arch", "spine", "flat"} & set(cue.value.split())
