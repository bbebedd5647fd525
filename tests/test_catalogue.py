"""The shipped drill catalogue is complete and sound; a broken entry is refused by name."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from hinge_desktop.domain.catalogue import (
    SOURCES,
    Catalogue,
    CatalogueError,
    builtin_catalogue,
    load_catalogue,
)
from hinge_desktop.domain.drills import (
    MAX_CUE_CHARACTERS,
    MAX_CUE_WORDS,
    CheckResult,
    DrillKind,
    Equipment,
    Phase,
    cue_problem,
)
from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.domain.workout_steps import set_steps

# Every drill and check of product.md's phase table, with its variations, by catalogue id.
PHASE_TABLE: dict[Phase, set[str]] = {
    Phase.CHECK: {
        "glute-squeeze-test",
        "aslr-test",
        "aslr-distraction-test",
        "wall-hinge-check",
        "dowel-three-point-check",
    },
    Phase.ACTIVATION: {
        "glute-bridge",
        "single-leg-glute-bridge",
        "barbell-glute-bridge",
        "hip-extension-bench-hands",
        "hip-extension-bench-forearms",
        "glute-bridge-knee-outs",
    },
    Phase.MOBILITY: {
        "roll-stretch-glutes",
        "roll-stretch-hamstrings",
        "roll-stretch-hip-flexors",
        "aslr-distraction",
    },
    Phase.PATTERNING: {
        "quadruped-rock-back",
        "kneeling-hinge",
        "wall-hip-hinge",
        "dowel-hinge",
        "kneeling-dowel-hinge",
        "hands-on-hips-hinge",
        "push-pull-hinge",
        "dead-bug",
        "floor-pick-up",
        "hinge-first-squat",
    },
    Phase.LIGHT_LOADING: {
        "band-resisted-hip-thrust",
        "band-pull-through",
        "cable-pull-through",
        "good-morning",
        "band-good-morning",
        "hip-thrust",
    },
    Phase.LOADING: {
        "front-loaded-rdl",
        "kettlebell-deadlift",
        "kettlebell-deadlift-block",
        "hinge-row",
    },
    Phase.BAR_AND_SWING: {
        "romanian-deadlift",
        "deadlift-setup",
        "kettlebell-swing",
        "barbell-good-morning",
    },
    Phase.SINGLE_LEG: {"b-stance-deadlift", "single-leg-rdl"},
}
CHECKS = PHASE_TABLE[Phase.CHECK]


def test_the_catalogue_holds_every_drill_of_the_phase_table(catalogue: Catalogue) -> None:
    assert 30 <= len(catalogue) <= 45
    for phase, ids in PHASE_TABLE.items():
        found = {drill.id for drill in catalogue.in_phase(phase)}
        assert ids == found, (
            f"phase {phase.name}: {sorted(found - ids)} in, {sorted(ids - found)} out"
        )
    assert {drill.phase for drill in catalogue} == set(Phase)


def test_drills_are_listed_in_phase_order(catalogue: Catalogue) -> None:
    phases = [drill.phase for drill in catalogue]
    assert phases == sorted(phases)
    assert len({drill.id for drill in catalogue}) == len(catalogue)


def test_checks_say_what_a_result_looks_like(catalogue: Catalogue) -> None:
    for drill_id in CHECKS:
        drill = catalogue.get(drill_id)
        assert drill.kind is DrillKind.CHECK
        assert drill.check is not None
        assert drill.check.pass_when
    leg_raise = catalogue.get("aslr-test").check
    assert leg_raise.result is CheckResult.MEASURE
    assert leg_raise.measure
    assert leg_raise.unit
    assert leg_raise.minimum < leg_raise.maximum
    # The wall hinge check is the gate to loading: its three "easily" questions.
    wall = catalogue.get("wall-hinge-check").check
    assert wall.result is CheckResult.PASS_FAIL
    assert len(wall.criteria) == 3


def test_every_drill_is_complete(catalogue: Catalogue) -> None:
    for drill in catalogue:
        assert all((drill.purpose, drill.setup, drill.steps, drill.safety)), drill.id
        assert len(drill.cues) >= 2, drill.id
        assert drill.faults, drill.id
        assert set(drill.sources) <= set(SOURCES), drill.id
        assert len(drill.figure.poses) >= 2, drill.id
        p = drill.prescription
        assert (p.reps is None) != (p.hold_seconds is None), drill.id


def test_every_cue_can_be_said_in_about_two_seconds(catalogue: Catalogue) -> None:
    for drill in catalogue:
        for cue in drill.cue_texts:
            assert len(cue.split()) <= MAX_CUE_WORDS, cue
            assert len(cue) <= MAX_CUE_CHARACTERS, cue


def test_neighbours_lead_up_and_down_the_ladder(catalogue: Catalogue) -> None:
    linked = 0
    for drill in catalogue:
        for other in (*drill.easier, *drill.harder):
            assert other in catalogue
            linked += 1
    assert linked >= len(catalogue)
    assert "single-leg-glute-bridge" in catalogue.get("glute-bridge").harder


def test_equipment_words_find_their_drills(catalogue: Catalogue) -> None:
    def having(item: Equipment) -> set[str]:
        return {drill.id for drill in catalogue if item in drill.equipment}

    assert {"band-pull-through", "glute-bridge-knee-outs"} <= having(Equipment.BAND)
    assert "kettlebell-swing" in having(Equipment.KETTLEBELL)
    assert "dowel-hinge" in having(Equipment.DOWEL)
    assert "glute-bridge" in {drill.id for drill in catalogue if drill.needs_no_equipment}


def test_cue_problem_names_what_is_too_long() -> None:
    assert cue_problem("hips back") is None
    assert "words" in (cue_problem("push your hips all the way back now") or "")
    assert "characters" in (cue_problem("superextraordinarily longwinded cue") or "")
    assert cue_problem("   ") == "is empty"


# Broken samples: each edit of a good file must be refused with the file, drill and field.

GOOD = files("hinge_desktop.assets") / "drills" / "glute-bridge.toml"


def _folder_with(tmp_path: Path, text: str, name: str = "glute-bridge.toml") -> Path:
    folder = tmp_path / "drills"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def _good_text() -> str:
    # Neighbours point outside the one-file sample catalogue; drop them.
    text = GOOD.read_text(encoding="utf-8")
    return text.replace('harder = ["single-leg-glute-bridge"]', "harder = []")


def test_the_good_sample_loads(tmp_path: Path) -> None:
    catalogue = load_catalogue(_folder_with(tmp_path, _good_text()), set(SOURCES))
    assert [drill.id for drill in catalogue] == ["glute-bridge"]


@pytest.mark.parametrize(
    ("old", "new", "field", "says"),
    [
        ('name = "Glute bridge"\n', "", "name", "missing"),
        ("\nfeel = ", "\nfelt = ", "feel", "missing"),
        ("phase = 1", "phase = 9", "phase", "between 0 and 7"),
        ('kind = "exercise"', 'kind = "stretch"', "kind", "'exercise', 'check', 'mobility'"),
        ('focus = ["glutes"]', 'focus = ["calves"]', "focus[0]", "must be one of"),
        ("equipment = []", 'equipment = ["rope"]', "equipment[0]", "must be one of"),
        ('"ribs down"', '"breathe out and bring the ribs down"', "cues[2]", "words"),
        (
            'harder = ["single-leg-glute-bridge"]',
            'harder = ["no-such-drill"]',
            "harder[0]",
            "not a drill",
        ),
        ("reps = 12", "reps = 12\nhold = 30", "prescription", "one of reps, hold"),
        ("tempo = [2, 2, 2, 1]", "tempo = [2, 2]", "prescription.tempo", "four seconds"),
        ("sets = 2", "sets = 0", "prescription.sets", "between 1 and 10"),
        ("per_side = false", 'per_side = "no"', "prescription.per_side", "true or false"),
        ('purpose = """', 'purpos = "x"\npurpose = """', "purpos", "not a field"),
        (
            'contacts = ["head", "shoulder", "hip"',
            'contacts = ["nose", "shoulder", "hip"',
            "figure.poses[0].contacts[0]",
            "not a body point",
        ),
        ('anchor = "shoulder"', 'anchor = "tail"', "figure.anchor", "body point"),
        ('kind = "exercise"', 'kind = "check"', "check", "result looks like"),
        (
            'sources = ["000_f0d8267c270ae285.txt"',
            'sources = ["blog.txt"',
            "sources[0]",
            "not a known source",
        ),
        ("trunk = -90", 'trunk = "flat"', "figure.poses[0].trunk", "must be a number"),
    ],
)
def test_a_broken_entry_is_refused_by_file_drill_and_field(
    tmp_path: Path, old: str, new: str, field: str, says: str
) -> None:
    text = GOOD.read_text(encoding="utf-8")
    assert old in text
    broken = text.replace(old, new, 1)
    if "harder" not in old:
        broken = broken.replace('harder = ["single-leg-glute-bridge"]', "harder = []")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(_folder_with(tmp_path, broken), set(SOURCES))
    error = caught.value
    assert error.file == "drills/glute-bridge.toml"
    assert error.drill == "glute-bridge"
    assert error.field == field
    assert says in str(error)
    assert str(error).startswith(f"drills/glute-bridge.toml: drill 'glute-bridge': field '{field}'")


def test_a_file_that_is_not_toml_is_refused_by_name(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, _good_text())
    (folder / "broken.toml").write_text('id = "broken"\nname = [unclosed\n', encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"^drills/broken.toml: is not valid TOML"):
        load_catalogue(folder, set(SOURCES))


def test_a_file_named_after_another_id_is_refused(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, _good_text(), name="bridge.toml")
    with pytest.raises(CatalogueError, match=r"must be named glute-bridge\.toml"):
        load_catalogue(folder, set(SOURCES))


def test_an_empty_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "drills"
    folder.mkdir()
    with pytest.raises(CatalogueError, match="holds no drill files"):
        load_catalogue(folder)


def test_the_shipped_folder_can_be_copied_and_still_loads(tmp_path: Path) -> None:
    """The loader reads any folder (a person's edited copy), not only the installed one."""
    source = files("hinge_desktop.assets") / "drills"
    target = tmp_path / "drills"
    target.mkdir()
    for item in source.iterdir():
        if item.name.endswith(".toml"):
            (target / item.name).write_bytes(item.read_bytes())
    assert len(load_catalogue(target, set(SOURCES))) == len(builtin_catalogue())


def _two_drills(tmp_path: Path, easier_of_second: str) -> Path:
    folder = _folder_with(tmp_path, _good_text())
    second = _good_text().replace('id = "glute-bridge"', 'id = "bridge-two"')
    second = second.replace("easier = []", f"easier = [{easier_of_second}]")
    (folder / "bridge-two.toml").write_text(second, encoding="utf-8")
    return folder


def test_a_one_way_neighbour_link_reads_both_ways(tmp_path: Path) -> None:
    folder = _two_drills(tmp_path, '"glute-bridge"')
    catalogue = load_catalogue(folder, set(SOURCES))
    assert catalogue.get("bridge-two").easier == ("glute-bridge",)
    assert catalogue.get("glute-bridge").harder == ("bridge-two",)


def test_a_drill_both_easier_and_harder_than_another_is_refused(tmp_path: Path) -> None:
    folder = _two_drills(tmp_path, '"glute-bridge"')
    first = folder / "glute-bridge.toml"
    first.write_text(
        first.read_text(encoding="utf-8").replace("easier = []", 'easier = ["bridge-two"]'),
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError, match="both easier and harder"):
        load_catalogue(folder, set(SOURCES))


def test_every_ladder_link_in_the_shipped_catalogue_reads_both_ways(catalogue: Catalogue) -> None:
    for drill in catalogue:
        for other in drill.harder:
            assert drill.id in catalogue.get(other).easier
        for other in drill.easier:
            assert drill.id in catalogue.get(other).harder


def test_a_drill_in_parts_holds_as_long_as_its_parts_take_in_one_set(catalogue: Catalogue) -> None:
    in_parts = [drill for drill in catalogue if drill.prescription.parts]
    assert in_parts
    for drill in in_parts:
        held = [s for s in set_steps(drill, 1, 1) if s.kind is StepKind.HOLD]
        sides = 2 if drill.prescription.per_side else 1
        assert drill.prescription.hold_seconds == sum(s.seconds for s in held) / sides, drill.id
