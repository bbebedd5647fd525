"""What the drill texts say: what the articles say, in plain words, with what Hinge adds marked
as added; where to feel each drill and what to do if it hurts; the shared notes where they apply;
and the drills the articles describe that the ladder lacked (a pick-up from the floor, a squat
that starts with a hinge)."""

from __future__ import annotations

import pytest
from drill_catalogue import CATALOGUE

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import DrillKind, Equipment, Phase, Support
from hinge_desktop.domain.figure import scene

# Reworked alongside these texts, and given their own lines there; once they have them, the
# loader can refuse any drill without "feel" and "if_it_hurts".
ELSEWHERE = {
    "roll-stretch-glutes",
    "roll-stretch-hamstrings",
    "roll-stretch-hip-flexors",
    "glute-squeeze-test",
    "dead-bug",
}
OWN = [drill for drill in CATALOGUE if drill.id not in ELSEWHERE]

BRACE = ("brace", "abs tight", "abs tighten", "tighten your abs")
BREATHE_OUT = ("breathe out", "exhale")


def texts(drill_id: str) -> str:
    """Everything a drill says to the person, folded to lower case."""
    drill = CATALOGUE.get(drill_id)
    parts = [
        drill.purpose,
        *drill.setup,
        *drill.steps,
        *drill.cue_texts,
        *drill.safety,
        drill.feel,
        drill.if_it_hurts,
        *(f"{fault.fault} {fault.fix}" for fault in drill.faults),
    ]
    return " ".join(parts).casefold()


# Words that were wrong: each claim below said more, or other, than the articles.


def test_the_hip_thrust_is_the_hinge_done_horizontally_on_your_back() -> None:
    drill = CATALOGUE.get("hip-thrust")
    assert "side" not in drill.purpose
    assert "horizontal" in drill.purpose
    # The band is optional: "knees out" is not said to everyone.
    assert Equipment.BAND not in drill.equipment
    assert "knees out" not in drill.cue_texts


def test_the_rdl_calls_tension_beside_the_spine_normal() -> None:
    drill = CATALOGUE.get("romanian-deadlift")
    said = texts("romanian-deadlift")
    assert "not the back" not in said
    assert "beside your spine is normal" in drill.feel
    assert "nearly all" in drill.feel
    assert "straight-leg deadlift" not in [word.casefold() for word in drill.keywords]


def test_the_leg_raise_test_says_what_normal_is_without_overstating_it() -> None:
    purpose = CATALOGUE.get("aslr-test").purpose.casefold()
    assert "most people" not in purpose
    assert "usually about straight up" in purpose


def test_the_band_good_morning_band_sits_below_the_neck() -> None:
    setup = " ".join(CATALOGUE.get("band-good-morning").setup)
    assert "base of your neck" not in setup
    assert "across your upper back, below your neck" in setup


def test_the_hinge_row_holds_its_loaded_hinge_for_under_a_minute() -> None:
    p = CATALOGUE.get("hinge-row").prescription
    assert p.reps is not None
    assert 8 <= p.reps <= 10
    assert p.reps * p.tempo.rep_seconds <= 60


@pytest.mark.parametrize(
    "claim",
    [
        "turned on its side",
        "most people should get close",
        "straight-leg deadlift",
        "back-friendly",
        "makes your trunk work",
        "take a breath",
    ],
)
def test_no_drill_makes_a_claim_the_articles_do_not(claim: str) -> None:
    assert [d.id for d in CATALOGUE if claim in texts(d.id) or claim in d.search_text] == []


# Every drill: where to feel it, what to do if it hurts, what Hinge adds.


@pytest.mark.parametrize("drill", OWN, ids=lambda d: d.id)
def test_every_drill_says_where_to_feel_it_and_what_to_do_if_it_hurts(drill) -> None:  # type: ignore[no-untyped-def]
    assert len(drill.feel.split()) >= 8, drill.id
    assert len(drill.if_it_hurts.split()) >= 8, drill.id
    assert drill.added, drill.id
    # With nothing easier to offer, the line says to get it checked.
    if drill.regression is None:
        assert "get it checked" in drill.if_it_hurts, drill.id


@pytest.mark.parametrize("drill", OWN, ids=lambda d: d.id)
def test_the_drill_offered_after_a_hurt_is_not_harder(drill) -> None:  # type: ignore[no-untyped-def]
    other = CATALOGUE.regression_of(drill)
    if other is None:
        return
    assert other.id != drill.id
    assert other.id not in drill.harder, drill.id
    if drill.kind is not DrillKind.CHECK:
        assert other.phase <= drill.phase, drill.id
    # The line says, in words, what the link offers.
    assert other.name.casefold() in drill.if_it_hurts.casefold(), drill.id


def test_the_regressions_that_are_not_the_first_easier_drill() -> None:
    chosen = {d.id: d.regression for d in OWN if d.easier and d.regression != d.easier[0]}
    assert chosen == {
        "aslr-distraction": "roll-stretch-hamstrings",
        "aslr-distraction-test": None,
        "aslr-test": None,
        "band-pull-through": "good-morning",
        "band-resisted-hip-thrust": "glute-bridge",
        "dowel-three-point-check": "kneeling-dowel-hinge",
        "good-morning": "dowel-hinge",
        "hip-thrust": "glute-bridge",
        "quadruped-rock-back": None,
        "wall-hinge-check": "kneeling-hinge",
    }


def test_the_first_drills_offer_nothing_easier() -> None:
    for drill_id in ("glute-bridge", "hip-extension-bench-hands", "quadruped-rock-back"):
        assert CATALOGUE.get(drill_id).regression is None, drill_id


@pytest.mark.parametrize("drill", OWN, ids=lambda d: d.id)
def test_a_drill_given_a_dose_says_the_dose_is_added(drill) -> None:  # type: ignore[no-untyped-def]
    """No article gives a tempo or a rest for any drill, so every drill's dose is marked."""
    if drill.kind is DrillKind.CHECK:
        return
    assert any("dose" in item.casefold() for item in drill.added), drill.id


# The notes drills share.


@pytest.mark.parametrize("drill", OWN, ids=lambda d: d.id)
def test_the_breathing_note_is_shown_where_bracing_and_breathing_out_both_come_up(drill) -> None:  # type: ignore[no-untyped-def]
    said = texts(drill.id)
    both = any(word in said for word in BRACE) and any(word in said for word in BREATHE_OUT)
    assert ("breathing" in drill.notes) == both, drill.id


def test_the_notes_after_a_pregnancy_are_on_the_drills_of_that_article() -> None:
    having = {d.id for d in CATALOGUE if "after-pregnancy" in d.notes}
    assert {
        "hands-on-hips-hinge",
        "push-pull-hinge",
        "kettlebell-deadlift-block",
        "floor-pick-up",
    } <= having
    for drill_id in having:
        assert "004_dee04668fea2a83d.txt" in CATALOGUE.get(drill_id).sources, drill_id


def test_the_self_checks_are_where_they_belong() -> None:
    # Hands on the glutes: let them grow into your hands.
    for drill_id in ("hands-on-hips-hinge", "hinge-row"):
        assert "grow into your hands" in texts(drill_id), drill_id
    # A hand on the lower ribs: breathe out into it.
    for drill_id in ("kettlebell-deadlift", "kettlebell-deadlift-block"):
        setup = " ".join(CATALOGUE.get(drill_id).setup).casefold()
        assert "hand on your lower ribs" in setup, drill_id
        assert "breathe out into it" in setup, drill_id


# What the articles describe that the ladder lacked.


def test_picking_things_up_from_the_floor_is_a_patterning_hinge(catalogue: Catalogue) -> None:
    drill = catalogue.get("floor-pick-up")
    assert drill.phase is Phase.PATTERNING
    assert drill.easily
    assert "wall-hip-hinge" in drill.easier
    assert "kettlebell-deadlift-block" in drill.harder
    assert "floor-pick-up" in catalogue.get("wall-hip-hinge").harder
    assert "middle of your feet" in " ".join(drill.setup)
    # Drawn as a hinge that reaches the floor: the hips fold far more than the knees and sit
    # behind the ankles, and the hands come down to a few centimetres above the floor.
    assert drill.figure.support is Support.STANDING
    bottom = scene(drill.figure, drill.figure.poses[-1].angles())
    hip, knee = 180 - bottom.hip_angle, 180 - bottom.knee_angle
    assert hip > 2 * knee
    assert bottom.points["hip"][0] < bottom.points["ankle"][0]
    assert bottom.points["hand"][1] < 15


def test_the_squat_starts_with_the_hinge_steps_in_order(catalogue: Catalogue) -> None:
    drill = catalogue.get("hinge-first-squat")
    assert drill.phase is Phase.PATTERNING
    assert drill.cue_sequence
    assert list(drill.cue_texts[:4]) == ["brace", "hips back", "knees out", "squat down"]
    steps = " ".join(drill.steps).casefold()
    order = [steps.index(word) for word in ("brace", "hips back", "knees out", "squat down")]
    assert order == sorted(order)
    assert "wall-hip-hinge" in drill.easier
    # A squat, not a hinge: at the bottom the knees bend about as much as the hips.
    bottom = scene(drill.figure, drill.figure.poses[-1].angles())
    assert not 180 - bottom.hip_angle > 2 * (180 - bottom.knee_angle)
