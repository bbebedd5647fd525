"""Which of our drills an exercise from another app is: the same movement, loaded the same way.

An exercise whose name is a drill's own name (or id) is that drill. Any other name is read into a
movement, its loading and its variants (:mod:`exercise_words`) and compared with what each of our
drills is (:data:`DRILL_FORMS`): "Single Leg RDL (Dumbbell)" is the single-leg Romanian deadlift,
whose dumbbell or kettlebell it names. A name that says no loading is the drill Hinge names with
the movement alone ("Romanian deadlift", "Good morning"). Three rules keep the log right:

- never a drill of another loading: "Romanian Deadlift (Dumbbell)" is not our barbell RDL, nor
  the front-loaded RDL that holds the weight at the chest; with no drill of that loading the
  exercise becomes a drill of the person's own, which they can merge later if they like;
- a variant that only changes how a set is done (paused, tempo) is the drill itself: a paused RDL
  set is an RDL set, and :meth:`ExerciseMatcher.note_for` gives the name to keep in its note;
  a variant that changes the exercise (deficit, sumo, one arm, a seat) and a word the reading
  does not know keep the exercise its own;
- a drill of one's own that an earlier import made for a name keeps that name's sets, so
  importing a file again adds nothing twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from hinge_desktop.domain.imports.exercise_words import ExerciseName, name_key, read_exercise

__all__ = ["DRILL_FORMS", "DrillForm", "ExerciseMatcher", "name_key"]


@dataclass(frozen=True)
class DrillForm:
    """One way an exercise can be one of our drills."""

    movement: str
    loadings: frozenset[str]
    """The loadings the drill is done with."""
    variants: frozenset[str] = frozenset()
    """The variants the name must say, no more and no fewer."""
    plain: bool = False
    """A name that says no loading is this drill (its name in Hinge is the movement's)."""


def _form(movement: str, loadings: str, variants: str = "", *, plain: bool = False) -> DrillForm:
    return DrillForm(
        movement, frozenset(loadings.split()), frozenset(variants.split()), plain=plain
    )


DRILL_FORMS: Mapping[str, tuple[DrillForm, ...]] = {
    "romanian-deadlift": (_form("rdl", "barbell", plain=True),),
    "front-loaded-rdl": (_form("rdl", "kettlebell dumbbell", "front", plain=True),),
    "single-leg-rdl": (_form("rdl", "kettlebell dumbbell bodyweight", "single-leg", plain=True),),
    "b-stance-deadlift": (_form("rdl", "kettlebell dumbbell", "b-stance", plain=True),),
    "kettlebell-deadlift": (_form("deadlift", "kettlebell"),),
    "kettlebell-deadlift-block": (_form("deadlift", "kettlebell", "block"),),
    "hip-thrust": (_form("hip-thrust", "bodyweight dumbbell", plain=True),),
    "band-resisted-hip-thrust": (_form("hip-thrust", "band", "standing"),),
    "glute-bridge": (_form("glute-bridge", "bodyweight", plain=True),),
    "barbell-glute-bridge": (_form("glute-bridge", "barbell"),),
    "single-leg-glute-bridge": (_form("glute-bridge", "bodyweight", "single-leg", plain=True),),
    "glute-bridge-knee-outs": (
        _form("glute-bridge", "band"),
        _form("glute-bridge", "band", "knee-outs", plain=True),
    ),
    "good-morning": (_form("good-morning", "bodyweight stick", plain=True),),
    "barbell-good-morning": (_form("good-morning", "barbell"),),
    "band-good-morning": (_form("good-morning", "band"),),
    "kettlebell-swing": (_form("swing", "kettlebell"),),
    "cable-pull-through": (_form("pull-through", "cable"),),
    "band-pull-through": (_form("pull-through", "band"),),
    "hinge-row": (
        _form("hinge-row", "dumbbell kettlebell", plain=True),
        _form("row", "dumbbell kettlebell", "bent-over"),
    ),
    "dead-bug": (_form("dead-bug", "bodyweight", plain=True),),
    "dowel-hinge": (_form("hip-hinge", "stick"),),
    "wall-hip-hinge": (_form("hip-hinge", "bodyweight", "wall", plain=True),),
    "kneeling-hinge": (_form("hip-hinge", "bodyweight", "kneeling", plain=True),),
    "kneeling-dowel-hinge": (_form("hip-hinge", "stick", "kneeling"),),
    "hands-on-hips-hinge": (_form("hip-hinge", "bodyweight", "hands-on-hips", plain=True),),
}
"""What each of our drills is, as exercise names are read: its movement, the loadings it is done
with (from its equipment and set-up) and the variants that make it that drill. Drills not listed
(the checks, the rolls, the patterning drills) are matched by their own names only."""


@dataclass(frozen=True)
class DrillMatch:
    """The drill an exercise name stands for, and how that was found."""

    drill_id: str
    own: bool = False
    """A drill of the person's own, made by an earlier import for this name."""
    read: ExerciseName | None = None
    """The name as read, when it matched by movement rather than by a drill's name."""


class ExerciseMatcher:
    """Finds the drill an exercise name stands for: one of ours, or one of the person's own."""

    def __init__(
        self,
        drills: Iterable[tuple[str, str]],
        own: Mapping[str, str] | None = None,
    ) -> None:
        """``drills``: (id, name) of the catalogue; ``own``: the person's drills by the name
        they were imported under."""
        self._named: dict[str, str] = {}
        ids = set()
        for drill_id, name in drills:
            ids.add(drill_id)
            self._named[name_key(name)] = drill_id
            self._named[name_key(drill_id)] = drill_id
        self._forms = [
            (drill_id, form)
            for drill_id, forms in DRILL_FORMS.items()
            if drill_id in ids
            for form in forms
        ]
        self._own = {name_key(name): drill_id for name, drill_id in (own or {}).items()}

    def match(self, exercise: str) -> DrillMatch | None:
        """The drill ``exercise`` is, or None for an exercise new to Hinge."""
        key = name_key(exercise)
        if key in self._named:
            return DrillMatch(self._named[key])
        if key in self._own:
            return DrillMatch(self._own[key], own=True)
        read = read_exercise(exercise)
        drill_id = self._by_movement(read)
        return DrillMatch(drill_id, read=read) if drill_id is not None else None

    def drill_for(self, exercise: str) -> str | None:
        """Our drill's id, the person's own drill's id, or None for an exercise new to Hinge."""
        found = self.match(exercise)
        return found.drill_id if found is not None else None

    def is_ours(self, exercise: str) -> bool:
        """Whether the exercise is one of Hinge's drills (not one of the person's own)."""
        found = self.match(exercise)
        return found is not None and not found.own

    def note_for(self, exercise: str) -> str | None:
        """The exercise's name, to keep in the note of each of its sets, when it was taken as
        one of our drills done another way ("Paused RDL" as the Romanian deadlift); else
        None."""
        found = self.match(exercise)
        if found is None or found.read is None or not found.read.passing:
            return None
        return " ".join(exercise.split())

    def _by_movement(self, read: ExerciseName) -> str | None:
        if not read.understood:
            return None
        fits = {
            drill_id
            for drill_id, form in self._forms
            if form.movement == read.movement
            and form.variants == read.variants
            and (read.loadings <= form.loadings if read.loadings else form.plain)
        }
        # Two drills that both fit would be a guess: the exercise stays the person's own.
        return fits.pop() if len(fits) == 1 else None
