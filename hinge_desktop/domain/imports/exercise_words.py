"""Reading an exercise name from another app: its movement, how it is loaded, and its variants.

"Single Leg Romanian Deadlift (Dumbbell)" is the Romanian deadlift, on one leg, with dumbbells;
"Paused RDL" is the Romanian deadlift with a pause, which changes nothing about the drill. Every
word of a name must be understood: a word this vocabulary does not know ("Jefferson", "frog",
"march") leaves the name unread, so an exercise is never taken for a drill it only resembles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum


class Word(Enum):
    """What a word (or a few words together) of a name says."""

    MOVEMENT = "movement"
    LOADING = "loading"
    VARIANT = "variant"
    """Changes the exercise: one leg, a block under the bell, a seat."""
    PASSING = "passing"
    """Changes how a set is done, not the drill: a pause, a tempo."""
    FILLER = "filler"


MOVEMENTS: Mapping[str, tuple[str, ...]] = {
    "rdl": ("romanian deadlift", "romanian dead lift", "romanian dl", "romanian", "rdl"),
    "deadlift": ("deadlift", "dead lift", "dl"),
    "good-morning": ("good morning",),
    "hip-thrust": ("hip thrust", "glute thrust"),
    "glute-bridge": ("glute bridge", "hip bridge", "bridge", "hip raise"),
    "swing": ("swing",),
    "pull-through": ("pull through", "pullthrough", "pull thru"),
    "back-extension": ("back extension", "hyperextension", "hyper extension", "hyper"),
    "hip-extension": ("hip extension",),
    "dead-bug": ("dead bug", "deadbug"),
    "row": ("row",),
    "hinge-row": ("hinge row",),
    "hip-hinge": ("hip hinge", "hinge"),
}
"""Each movement and the words apps name it by (a plural is understood too)."""

LOADINGS: Mapping[str, tuple[str, ...]] = {
    "barbell": ("barbell", "barbel", "bb", "bar"),
    "dumbbell": ("dumbbell", "dumbell", "dumb bell", "db"),
    "kettlebell": ("kettlebell", "kettle bell", "kb"),
    "band": ("band", "banded", "resistance band", "mini band", "band resisted", "elastic"),
    "cable": ("cable", "rope", "pulley", "low pulley"),
    "machine": ("machine",),
    "smith": ("smith machine", "smith"),
    "bodyweight": ("bodyweight", "body weight", "bw", "no weight", "unweighted", "unloaded"),
    "stick": ("dowel", "stick", "pvc", "pvc pipe", "broomstick", "broom", "towel"),
    "trap-bar": ("trap bar", "trapbar", "hex bar", "hexbar"),
    "weighted": ("weighted", "loaded"),
    "plate": ("plate",),
    "landmine": ("landmine",),
}
"""Each way of loading a movement and its words; a stick or towel loads nothing."""

VARIANTS: Mapping[str, tuple[str, ...]] = {
    "single-leg": (
        "single leg",
        "single legged",
        "one leg",
        "one legged",
        "1 leg",
        "1 legged",
        "sl",
        "unilateral",
    ),
    "b-stance": ("b stance", "kickstand", "kick stand", "staggered stance", "staggered"),
    "front": ("front loaded", "front load", "goblet"),
    "block": ("block", "from a block", "elevated"),
    "standing": ("standing",),
    "knee-outs": ("knee out", "knees out", "abduction"),
    "bent-over": ("bent over", "bentover", "bent"),
    "deficit": ("deficit",),
    "sumo": ("sumo",),
    "stiff-leg": ("stiff leg", "stiff legged", "straight leg", "straight legged", "sldl"),
    "snatch-grip": ("snatch grip",),
    "seated": ("seated",),
    "single-arm": ("single arm", "one arm", "1 arm", "one handed", "single hand"),
    "american": ("american",),
    "kneeling": ("kneeling",),
    "wall": ("wall",),
    "hands-on-hips": ("hands on hips",),
    "reverse": ("reverse",),
    "bench": ("bench",),
    "two-hand": ("two hand", "two handed", "2 hand"),
    "russian": ("russian",),
    "conventional": ("conventional",),
    "floor": ("floor", "lying"),
}
"""Each variant and its words; a variant Hinge has no drill for keeps the exercise its own."""

PASSING: Mapping[str, tuple[str, ...]] = {
    "paused": ("paused", "pause", "with pause", "pause at the bottom"),
    "tempo": ("tempo",),
}
"""How a set was done, which leaves the drill as it is (a paused RDL set is an RDL set)."""

FILLERS = ("with", "on", "a", "an", "the", "and", "exercise")

IMPLIED: Mapping[str, frozenset[str]] = {
    "rdl": frozenset({"standing"}),
    "deadlift": frozenset({"standing", "conventional"}),
    "good-morning": frozenset({"standing"}),
    "swing": frozenset({"standing", "russian", "two-hand"}),
    "pull-through": frozenset({"standing"}),
    "hip-thrust": frozenset({"bench"}),
    "glute-bridge": frozenset({"floor"}),
}
"""Variants that say what the movement is anyway: a Russian swing is the two-hand swing."""

LONGEST = 4
"""The most words one phrase of the vocabulary has."""


@dataclass(frozen=True)
class ExerciseName:
    """An exercise name as read: what the words say, and the words not understood."""

    movement: str | None
    loadings: frozenset[str] = frozenset()
    variants: frozenset[str] = frozenset()
    passing: frozenset[str] = frozenset()
    unknown: tuple[str, ...] = ()

    @property
    def understood(self) -> bool:
        """One movement, and every word understood."""
        return self.movement is not None and not self.unknown


def name_key(name: str) -> str:
    """A name as compared: lower case, accents, punctuation and spacing gone."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"[^\W_]+", letters))


def _vocabulary() -> dict[tuple[str, ...], tuple[Word, str]]:
    found: dict[tuple[str, ...], tuple[Word, str]] = {}

    def add(kind: Word, table: Mapping[str, Iterable[str]]) -> None:
        for meaning, phrases in table.items():
            for phrase in phrases:
                words = tuple(phrase.split())
                found.setdefault(words, (kind, meaning))
                plural = (*words[:-1], words[-1] + "s")
                found.setdefault(plural, (kind, meaning))

    add(Word.MOVEMENT, MOVEMENTS)
    add(Word.LOADING, LOADINGS)
    add(Word.VARIANT, VARIANTS)
    add(Word.PASSING, PASSING)
    add(Word.FILLER, {"": FILLERS})
    return found


VOCABULARY = _vocabulary()


def read_exercise(name: str) -> ExerciseName:
    """What ``name`` says, read word by word, the longest phrase first."""
    words = name_key(name).split()
    movements: list[str] = []
    found: dict[Word, set[str]] = {kind: set() for kind in Word}
    unknown: list[str] = []
    at = 0
    while at < len(words):
        for length in range(min(LONGEST, len(words) - at), 0, -1):
            meaning = VOCABULARY.get(tuple(words[at : at + length]))
            if meaning is not None:
                kind, value = meaning
                if kind is Word.MOVEMENT:
                    movements.append(value)
                found[kind].add(value)
                at += length
                break
        else:
            unknown.append(words[at])
            at += 1
    named = set(movements)
    if named == {"deadlift", "rdl"}:
        named = {"rdl"}  # "Deadlift (Romanian)"
    if len(named) != 1:
        # None, or two ("Deadlift to Row"): not one movement Hinge could have.
        return ExerciseName(None, unknown=tuple(unknown) or tuple(movements))
    (movement,) = named
    variants = found[Word.VARIANT] - IMPLIED.get(movement, frozenset())
    if movement == "deadlift" and variants & {"single-leg", "b-stance"}:
        movement = "rdl"  # a single-leg deadlift is what Hinge calls the single-leg RDL
    return ExerciseName(
        movement=movement,
        loadings=frozenset(found[Word.LOADING]),
        variants=frozenset(variants),
        passing=frozenset(found[Word.PASSING]),
        unknown=tuple(unknown),
    )
