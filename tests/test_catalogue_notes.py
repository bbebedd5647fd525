"""The notes that drills share and the drill offered after a set that hurt, as the catalogue loads
them: a note kept once beside the drills, named by the drills it applies to, and refused by file
and field when it is broken."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from hinge_desktop.domain.catalogue import SOURCES, Catalogue, CatalogueError, load_catalogue
from hinge_desktop.domain.coaching_notes import NOTES_FILE

GOOD = files("hinge_desktop.assets") / "drills" / "glute-bridge.toml"

NOTE = """
[breathing]
title = "Breathe out, then brace"
intro = "Breathe out first, then brace."
steps = ["Breathe out.", "Brace your abs."]
sources = ["004_dee04668fea2a83d.txt"]
added = ["The order."]
"""


def _bridge(**changes: str) -> str:
    """The shipped glute bridge, alone: no neighbours outside the sample; ``changes`` replace
    or add top-level lines."""
    text = GOOD.read_text(encoding="utf-8").replace('harder = ["single-leg-glute-bridge"]', "")
    for key, value in changes.items():
        text = f"{key} = {value}\n" + text
    return text


def _folder(tmp_path: Path, drills: dict[str, str], notes: str | None = None) -> Path:
    folder = tmp_path / "drills"
    folder.mkdir()
    for name, text in drills.items():
        (folder / f"{name}.toml").write_text(text, encoding="utf-8")
    if notes is not None:
        (folder / NOTES_FILE).write_text(notes, encoding="utf-8")
    return folder


def test_the_shipped_notes_say_where_they_come_from(catalogue: Catalogue) -> None:
    assert set(catalogue.notes) == {"breathing", "after-pregnancy", "first-load"}
    for note in catalogue.notes.values():
        assert note.title
        assert note.intro
        assert len(note.steps) >= 3
        assert note.sources
        assert set(note.sources) <= set(SOURCES)
    breathing = " ".join(catalogue.notes["breathing"].steps).casefold()
    assert breathing.index("breathe out") < breathing.index("brace")


def test_a_drill_shows_the_notes_it_names_in_its_order(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"glute-bridge": _bridge(notes='["breathing"]')}, NOTE)
    catalogue = load_catalogue(folder, set(SOURCES))
    assert len(catalogue) == 1  # the notes file is not a drill
    drill = catalogue.get("glute-bridge")
    assert [note.title for note in catalogue.notes_of(drill)] == ["Breathe out, then brace"]
    assert catalogue.notes["breathing"].added == ("The order.",)


def test_a_drill_naming_a_note_that_is_not_there_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"glute-bridge": _bridge(notes='["breathing", "posture"]')}, NOTE)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(folder, set(SOURCES))
    assert caught.value.drill == "glute-bridge"
    assert caught.value.field == "notes[1]"
    assert "'posture'" in str(caught.value)


@pytest.mark.parametrize(
    ("old", "new", "field", "says"),
    [
        ('title = "Breathe out, then brace"\n', "", "breathing.title", "missing"),
        ("004_dee04668fea2a83d.txt", "blog.txt", "breathing.sources[0]", "not a known source"),
        (
            'steps = ["Breathe out.", "Brace your abs."]',
            "steps = []",
            "breathing.steps",
            "at least",
        ),
        ("[breathing]", "[Breathing]", "Breathing", "lower-case"),
        ('added = ["The order."]', 'added = ["The order."]\nsay = "x"', "breathing.say", "not a"),
    ],
)
def test_a_broken_note_is_refused_by_file_and_field(
    tmp_path: Path, old: str, new: str, field: str, says: str
) -> None:
    assert old in NOTE
    folder = _folder(tmp_path, {"glute-bridge": _bridge()}, NOTE.replace(old, new))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(folder, set(SOURCES))
    assert caught.value.file == f"drills/{NOTES_FILE}"
    assert caught.value.field == field
    assert says in str(caught.value)


def test_the_drill_offered_after_a_hurt_is_the_first_its_own_file_calls_easier(
    tmp_path: Path,
) -> None:
    """A drill listed as easier only by another file (a link read both ways) is not offered:
    the bridge lists nothing easier, so it offers nothing, though the harder drill names it."""
    harder = _bridge().replace('id = "glute-bridge"', 'id = "bridge-two"')
    harder = harder.replace("easier = []", 'easier = ["glute-bridge"]')
    folder = _folder(tmp_path, {"glute-bridge": _bridge(), "bridge-two": harder})
    catalogue = load_catalogue(folder, set(SOURCES))
    assert catalogue.regression_of(catalogue.get("bridge-two")) == catalogue.get("glute-bridge")
    bridge = catalogue.get("glute-bridge")
    assert bridge.easier == ()
    assert bridge.harder == ("bridge-two",)
    assert catalogue.regression_of(bridge) is None


def test_a_named_regression_wins_and_must_be_another_drill(tmp_path: Path) -> None:
    other = _bridge().replace('id = "glute-bridge"', 'id = "bridge-two"')
    folder = _folder(
        tmp_path, {"glute-bridge": _bridge(regression='"bridge-two"'), "bridge-two": other}
    )
    catalogue = load_catalogue(folder, set(SOURCES))
    assert catalogue.get("glute-bridge").regression == "bridge-two"

    (folder / "glute-bridge.toml").write_text(_bridge(regression='"glute-bridge"'), "utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(folder, set(SOURCES))
    assert caught.value.field == "regression"


def test_a_check_offers_nothing_easier_unless_it_names_a_drill(catalogue: Catalogue) -> None:
    """A check's easier neighbour is another test, not a way round its pain; the dowel check
    names the kneeling dowel hinge, as the article does when it is too hard."""
    leg_raise = catalogue.get("aslr-test")
    assert leg_raise.easier
    assert catalogue.regression_of(leg_raise) is None
    dowel = catalogue.get("dowel-three-point-check")
    assert catalogue.regression_of(dowel) == catalogue.get("kneeling-dowel-hinge")
