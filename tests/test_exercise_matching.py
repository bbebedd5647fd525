"""Exercises from Strong, Hevy and FitNotes matched to Hinge's drills by movement and loading:
never a drill of another loading, a paused set as the drill itself, and an own drill for what
Hinge does not have."""

from __future__ import annotations

from pathlib import Path

import pytest
from drill_catalogue import CATALOGUE, PAIRS

from hinge_desktop.domain.imports.exercise_names import DRILL_FORMS, ExerciseMatcher
from hinge_desktop.domain.imports.exercise_words import read_exercise
from hinge_desktop.domain.imports.plan import own_drill_id
from hinge_desktop.domain.training import Unit
from hinge_desktop.storage.custom_drills import CustomDrillRepository
from hinge_desktop.storage.importing.prepare import prepare_import, read_export, store_import
from hinge_desktop.storage.store import Store

MATCHER = ExerciseMatcher(PAIRS)

# Names as the apps' exercise lists spell them: Strong "Name (Equipment)", Hevy the same with
# its own words, FitNotes the equipment first; and a few typed by hand.
MATCHED = [
    # The names that went wrong.
    ("One Leg Rdl", "single-leg-rdl"),
    ("Paused RDL", "romanian-deadlift"),
    # Romanian deadlifts.
    ("Romanian Deadlift (Barbell)", "romanian-deadlift"),
    ("Romanian Deadlift", "romanian-deadlift"),
    ("Barbell Romanian Deadlift", "romanian-deadlift"),
    ("RDL", "romanian-deadlift"),
    ("Barbell RDLs", "romanian-deadlift"),
    ("Deadlift (Romanian)", "romanian-deadlift"),
    ("Pause Romanian Deadlift (Barbell)", "romanian-deadlift"),
    ("Tempo RDL", "romanian-deadlift"),
    ("Goblet RDL", "front-loaded-rdl"),
    ("Front-Loaded RDL (Kettlebell)", "front-loaded-rdl"),
    ("Goblet Romanian Deadlift (Dumbbell)", "front-loaded-rdl"),
    # Single leg and B-stance.
    ("Single Leg Romanian Deadlift (Dumbbell)", "single-leg-rdl"),
    ("Single-Leg Romanian Deadlift (Dumbbell)", "single-leg-rdl"),
    ("Single Leg Deadlift (Kettlebell)", "single-leg-rdl"),
    ("Single Leg RDL", "single-leg-rdl"),
    ("1-Leg RDL (Bodyweight)", "single-leg-rdl"),
    ("SL RDL", "single-leg-rdl"),
    ("One-Legged Deadlift", "single-leg-rdl"),
    ("B-Stance RDL", "b-stance-deadlift"),
    ("Kickstand Deadlift (Dumbbell)", "b-stance-deadlift"),
    ("Staggered Stance RDL (Kettlebell)", "b-stance-deadlift"),
    # Kettlebell deadlifts.
    ("Deadlift (Kettlebell)", "kettlebell-deadlift"),
    ("Kettlebell Deadlift", "kettlebell-deadlift"),
    ("KB Deadlifts", "kettlebell-deadlift"),
    ("Kettlebell Deadlift from a Block", "kettlebell-deadlift-block"),
    ("Elevated Kettlebell Deadlift", "kettlebell-deadlift-block"),
    # Hip thrusts and bridges.
    ("Hip Thrust", "hip-thrust"),
    ("Hip Thrust (Bodyweight)", "hip-thrust"),
    ("Hip Thrust (Dumbbell)", "hip-thrust"),
    ("Bench Hip Thrust", "hip-thrust"),
    ("Standing Hip Thrust (Band)", "band-resisted-hip-thrust"),
    ("Band Resisted Hip Thrust", "band-resisted-hip-thrust"),
    ("Glute Bridge", "glute-bridge"),
    ("Glute Bridge (Bodyweight)", "glute-bridge"),
    ("Barbell Glute Bridge", "barbell-glute-bridge"),
    ("Glute Bridge (Barbell)", "barbell-glute-bridge"),
    ("Single Leg Glute Bridge", "single-leg-glute-bridge"),
    ("Banded Glute Bridge", "glute-bridge-knee-outs"),
    ("Glute Bridge (Band)", "glute-bridge-knee-outs"),
    # Good mornings.
    ("Good Morning", "good-morning"),
    ("Good Morning (Bodyweight)", "good-morning"),
    ("PVC Good Morning", "good-morning"),
    ("Good Morning (Barbell)", "barbell-good-morning"),
    ("Good morning (Barbell)", "barbell-good-morning"),
    ("Barbell Good Mornings", "barbell-good-morning"),
    ("Band Good Morning", "band-good-morning"),
    ("Good Morning (Band)", "band-good-morning"),
    # Swings and pull-throughs.
    ("Kettlebell Swing", "kettlebell-swing"),
    ("Kettlebell Swings", "kettlebell-swing"),
    ("Russian Kettlebell Swing", "kettlebell-swing"),
    ("Two-Hand Kettlebell Swing", "kettlebell-swing"),
    ("Swing (Kettlebell)", "kettlebell-swing"),
    ("KB Swing", "kettlebell-swing"),
    ("Cable Pull Through", "cable-pull-through"),
    ("Cable Pull-Through (Rope)", "cable-pull-through"),
    ("Pull Through (Band)", "band-pull-through"),
    ("Banded Pull-Throughs", "band-pull-through"),
    # The rest.
    ("Bent Over Row (Dumbbell)", "hinge-row"),
    ("Dead Bug", "dead-bug"),
    ("Deadbug", "dead-bug"),
    ("Hip Hinge (Dowel)", "dowel-hinge"),
    ("Wall Hip Hinge", "wall-hip-hinge"),
    # Hinge's own names and ids, as its exports write them.
    ("Romanian deadlift", "romanian-deadlift"),
    ("Single-leg Romanian deadlift", "single-leg-rdl"),
    ("Glute squeeze test", "glute-squeeze-test"),
    ("wall-hinge-check", "wall-hinge-check"),
]

OWN = [
    # Another loading than any of Hinge's drills of that movement.
    "Romanian Deadlift (Dumbbell)",
    "Dumbbell Romanian Deadlift",
    "Romanian Deadlift (Kettlebell)",
    "Romanian Deadlift (Trap Bar)",
    "Paused Romanian Deadlift (Dumbbell)",
    "Single Leg Romanian Deadlift (Barbell)",
    "Hip Thrust (Barbell)",
    "Barbell Hip Thrust",
    "Hip Thrust (Machine)",
    "Hip Thrust (Smith Machine)",
    "Hip Thrust (Band)",
    "Good Morning (Smith Machine)",
    "Good Morning (Dumbbell)",
    "Dumbbell Swing",
    "Deadlift (Dumbbell)",
    "Deadlift (Band)",
    "Deadlift (Smith machine)",
    "Deadlift (Trap Bar)",
    "Trap Bar Deadlift",
    "Bent Over Row (Barbell)",
    # A variant Hinge has no drill for.
    "Deficit deadlift (Barbell)",
    "Deficit RDL",
    "Sumo Deadlift",
    "Stiff Leg Deadlift",
    "Stiff-Legged Deadlift",
    "Straight Leg Deadlift",
    "Seated Good Morning",
    "Single Leg Hip Thrust",
    "Single Leg Hip Thrust (Dumbbell)",
    "Single Arm Kettlebell Swing",
    "American Kettlebell Swing",
    "Bent over one arm row (Barbell)",
    # A plain name with more than one drill of Hinge's to be.
    "Pull Through",
    "Deadlift (Barbell)",
    "Deadlift",
    "Kettlebell Deadlift (Single Leg) (Barbell)",
    # Movements Hinge has no drill for, or words it does not know.
    "Back Extension",
    "Back Extension (Machine)",
    "Back Extension (Weighted Hyperextension)",
    "Reverse Hyperextension",
    "Glute Ham Raise",
    "Glute Kickback on Floor",
    "Glute Bridge March",
    "Frog Pumps (Dumbbell)",
    "Jefferson Curl",
    "Rack Pull",
    "Dumbbell Row",
    "Deadlift High Pull",
    "RDL to Row",
    "Bench Press (Barbell)",
    "Flat Barbell Bench Press",
    "Plank",
    "Running (Outdoor)",
    "Rumänisches Kreuzheben (Langhantel)",
]


@pytest.mark.parametrize(("exercise", "drill_id"), MATCHED)
def test_an_exercise_is_the_drill_of_its_movement_and_loading(exercise: str, drill_id: str) -> None:
    assert MATCHER.drill_for(exercise) == drill_id
    assert MATCHER.is_ours(exercise)


@pytest.mark.parametrize("exercise", OWN)
def test_an_exercise_hinge_has_no_drill_of_that_loading_or_variant_for_stays_its_own(
    exercise: str,
) -> None:
    assert MATCHER.drill_for(exercise) is None
    assert not MATCHER.is_ours(exercise)


def test_a_variant_that_only_changes_how_the_set_is_done_is_kept_as_its_name() -> None:
    assert MATCHER.note_for("Paused  RDL") == "Paused RDL"
    assert MATCHER.note_for("Tempo Hip Thrust (Dumbbell)") == "Tempo Hip Thrust (Dumbbell)"
    # The drill's own name, a name the drill stands for as it is, or no drill: nothing to keep.
    assert MATCHER.note_for("Romanian deadlift") is None
    assert MATCHER.note_for("Romanian Deadlift (Barbell)") is None
    assert MATCHER.note_for("Paused Romanian Deadlift (Dumbbell)") is None


def test_a_name_is_read_into_movement_loading_and_variants() -> None:
    read = read_exercise("Paused Single-Leg RDL (Dumbbells)")
    assert (read.movement, read.loadings, read.variants, read.passing) == (
        "rdl",
        {"dumbbell"},
        {"single-leg"},
        {"paused"},
    )
    assert read.understood
    unread = read_exercise("Glute Bridge March")
    assert unread.unknown == ("march",)
    assert not unread.understood


def test_the_drill_forms_agree_with_the_catalogue() -> None:
    """Each form names a drill of the catalogue, loaded only as the drill is, and every load its
    equipment lists is one a name can say."""
    loads = {"kettlebell", "dumbbell", "barbell", "band", "cable"}
    from_set_up = {"hip-thrust": {"dumbbell"}}  # "hold a dumbbell across the crease of your hips"
    for drill_id, forms in DRILL_FORMS.items():
        equipment = {item.value for item in CATALOGUE.get(drill_id).equipment}
        named = set().union(*(form.loadings for form in forms))
        held = named - {"bodyweight", "stick"}
        assert held <= equipment | from_set_up.get(drill_id, set()), drill_id
        assert equipment & loads <= named, drill_id
        if "stick" in named:
            assert "dowel" in equipment or drill_id == "good-morning", drill_id


def test_no_two_drills_share_a_movement_variants_and_loading() -> None:
    """So a name never fits two drills, and the plain name of a movement fits one at most."""
    forms = [(drill_id, form) for drill_id, many in DRILL_FORMS.items() for form in many]
    for at, (drill_id, form) in enumerate(forms):
        for other_id, other in forms[at + 1 :]:
            if (form.movement, form.variants) != (other.movement, other.variants):
                continue
            assert not (form.loadings & other.loadings), (drill_id, other_id)
            assert not (form.plain and other.plain), (drill_id, other_id)


def test_only_drills_of_the_catalogue_given_are_matched() -> None:
    without = ExerciseMatcher([pair for pair in PAIRS if pair[0] != "single-leg-rdl"])
    assert without.drill_for("One Leg Rdl") is None
    assert without.drill_for("Romanian Deadlift (Barbell)") == "romanian-deadlift"


def test_an_own_drill_an_earlier_import_made_keeps_its_name_before_a_movement_match() -> None:
    """A log from before the movements were read has "Paused RDL" as a drill of its own: the same
    file imported again must not add its sets a second time as Romanian deadlift sets."""
    own_id = own_drill_id("Paused RDL")
    matcher = ExerciseMatcher(PAIRS, {"Paused RDL": own_id})
    assert matcher.drill_for("paused rdl") == own_id
    assert not matcher.is_ours("Paused RDL")
    assert matcher.note_for("Paused RDL") is None
    # Hinge's own names come first.
    assert ExerciseMatcher(PAIRS, {"Glute bridge": own_id}).drill_for("Glute bridge") == (
        "glute-bridge"
    )


def test_an_import_logs_each_exercise_under_the_drill_of_its_loading(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "strong.csv"
    rows = [
        ("One Leg Rdl", 12),
        ("Paused RDL", 60),
        ("Romanian Deadlift (Dumbbell)", 20),
        ("Hip Thrust (Barbell)", 100),
    ]
    path.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes,RPE\n"
        + "".join(
            f'2024-05-14 06:45:12,"Hinge day",40m,"{name}",1,{kg},8,0,0,,,\n' for name, kg in rows
        ),
        encoding="utf-8",
    )
    store_import(store.db, prepare_import(store.db, path, read_export(path), PAIRS, Unit.KG))

    by_weight = {s.weight: s.drill_id for s in store.sets.all()}
    own = {d.imported_as: d.id for d in CustomDrillRepository(store.db).all()}
    assert by_weight == {
        12: "single-leg-rdl",
        60: "romanian-deadlift",
        20: own["Romanian Deadlift (Dumbbell)"],
        100: own["Hip Thrust (Barbell)"],
    }
    assert set(own) == {"Romanian Deadlift (Dumbbell)", "Hip Thrust (Barbell)"}
    notes = {s.weight: s.note for s in store.sets.all()}
    assert notes[60] == "Paused RDL"  # the way it was done, kept with the set
    assert notes[12] == ""  # another name for the drill itself: nothing to keep
