"""Which of our drills an exercise from another app is: the same movement, by name.

Apps name an exercise and then, in brackets, its equipment ("Romanian Deadlift (Barbell)").
A name is compared without case, punctuation or spacing, with the equipment kept, because a
barbell good morning and an unloaded one are different drills here. What matches nothing becomes
a drill of the person's own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

SAME_MOVEMENT: Mapping[str, tuple[str, ...]] = {
    "romanian-deadlift": (
        "Romanian Deadlift",
        "Romanian Deadlift (Barbell)",
        "Barbell Romanian Deadlift",
        "RDL",
        "Barbell RDL",
        "RDL (Barbell)",
        "Deadlift (Romanian)",
        "Romanian Deadlift (Trap Bar)",
    ),
    "front-loaded-rdl": (
        "Romanian Deadlift (Dumbbell)",
        "Dumbbell Romanian Deadlift",
        "RDL (Dumbbell)",
        "Goblet RDL",
        "Romanian Deadlift (Kettlebell)",
    ),
    "single-leg-rdl": (
        "Single Leg Romanian Deadlift",
        "Single Leg Romanian Deadlift (Dumbbell)",
        "Single Leg Romanian Deadlift (Barbell)",
        "Single Leg Romanian Deadlift (Kettlebell)",
        "Romanian Deadlift (Single Leg)",
        "Single Leg RDL",
        "Single Leg Deadlift",
        "Single Leg Deadlift (Dumbbell)",
        "Single Leg Deadlift (Kettlebell)",
    ),
    "b-stance-deadlift": (
        "B Stance Deadlift",
        "B-Stance RDL",
        "Kickstand RDL",
        "Kickstand Deadlift",
    ),
    "hip-thrust": (
        "Hip Thrust",
        "Hip Thrust (Barbell)",
        "Barbell Hip Thrust",
        "Hip Thrust (Machine)",
        "Hip Thrust (Smith Machine)",
    ),
    "band-resisted-hip-thrust": ("Hip Thrust (Band)", "Banded Hip Thrust", "Band Hip Thrust"),
    "glute-bridge": ("Glute Bridge", "Glute Bridge (Bodyweight)", "Bridge", "Hip Bridge"),
    "barbell-glute-bridge": ("Glute Bridge (Barbell)", "Barbell Glute Bridge"),
    "single-leg-glute-bridge": (
        "Single Leg Glute Bridge",
        "Glute Bridge (Single Leg)",
        "Single Leg Bridge",
    ),
    "good-morning": ("Good Morning", "Good Morning (Bodyweight)"),
    "barbell-good-morning": ("Good Morning (Barbell)", "Barbell Good Morning"),
    "band-good-morning": ("Good Morning (Band)", "Band Good Morning", "Banded Good Morning"),
    "kettlebell-swing": (
        "Kettlebell Swing",
        "Kettlebell Swings",
        "Russian Kettlebell Swing",
        "Swing (Kettlebell)",
        "Two Hand Kettlebell Swing",
        "KB Swing",
    ),
    "kettlebell-deadlift": ("Kettlebell Deadlift", "Deadlift (Kettlebell)"),
    "cable-pull-through": (
        "Cable Pull Through",
        "Pull Through (Cable)",
        "Cable Pull-Through",
        "Rope Pull Through",
    ),
    "band-pull-through": ("Band Pull Through", "Pull Through (Band)", "Banded Pull Through"),
    "dead-bug": ("Dead Bug", "Deadbug"),
}
"""Our drill ids and the names other apps give the same movement."""


def name_key(name: str) -> str:
    """A name as compared: lower case, accents, punctuation and spacing gone."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"[^\W_]+", letters))


class ExerciseMatcher:
    """Finds the drill an exercise name stands for: one of ours, or one of the person's own."""

    def __init__(
        self,
        drills: Iterable[tuple[str, str]],
        own: Mapping[str, str] | None = None,
    ) -> None:
        """``drills``: (id, name) of the catalogue; ``own``: the person's drills by the name
        they were imported under."""
        self._known: dict[str, str] = {}
        ids = set()
        for drill_id, name in drills:
            ids.add(drill_id)
            self._known[name_key(name)] = drill_id
            self._known[name_key(drill_id)] = drill_id
        for drill_id, names in SAME_MOVEMENT.items():
            if drill_id in ids:
                for name in names:
                    self._known[name_key(name)] = drill_id
        self._own = {name_key(name): drill_id for name, drill_id in (own or {}).items()}

    def drill_for(self, exercise: str) -> str | None:
        """Our drill's id, the person's own drill's id, or None for an exercise new to Hinge."""
        key = name_key(exercise)
        return self._known.get(key) or self._own.get(key)

    def is_ours(self, exercise: str) -> bool:
        return name_key(exercise) in self._known
