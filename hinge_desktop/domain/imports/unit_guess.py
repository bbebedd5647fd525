"""Whether the weights of a file that gives no unit are kilograms or pounds, told from the
numbers, with the reason in words a person can check ("they step by 2.5 kg: 62.5, 102.5…").

Each clue comes from what gyms have (added by Hinge; the articles say nothing of units):

- plates: kilogram gyms have 1.25 and 2.5 kg plates, so kilogram loads often fall between the
  fives (62.5, 41.25, 102.5); pound plates go down to 2.5 lb a side, so pound loads step by 5;
- the bar: a pound bar weighs 45 lb and pairs of 5, 10, 25, 35 or 45 lb plates go on it, so
  pound barbell loads end in 5 (135, 185, 225); a 20 kg bar with pairs of 5 to 25 kg plates
  gives loads that end in 0 (60, 80, 100);
- kettlebells: made in kilogram sizes (16, 24, 32 kg) and sold in pounds as 35, 53, 70 lb;
- heavy loads: more than people lift in kilograms for that lift (a 405 deadlift, a 100 curl).

A clue counts when at least :data:`AT_LEAST` sets show it. Clues for both units, or none:
undecided, and the person chooses; when unsure, Hinge says so rather than guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from hinge_desktop.domain.imports.csv_rows import amount_text
from hinge_desktop.domain.imports.model import ParsedFile
from hinge_desktop.domain.training import Unit

AT_LEAST = 2
"""Sets that must show a clue for it to count: one odd number is a typing slip."""

BAR_SETS = 4
"""Barbell sets needed before the ends of their loads say anything."""

BAR_SHARE = 0.8
"""The share of barbell loads that must end alike (in 5, or in 0)."""

EXAMPLES = 3

KETTLEBELL_KG = frozenset({12.0, 14.0, 16.0, 18.0, 22.0, 24.0, 28.0, 32.0, 36.0, 48.0})
"""Kettlebell sizes in kg that no pound kettlebell has."""
KETTLEBELL_LB = frozenset({26.0, 35.0, 44.0, 53.0, 62.0, 70.0, 88.0, 97.0, 106.0})
"""Kilogram kettlebells as sold in pounds (12 kg is 26 lb, 24 kg is 53 lb, 32 kg is 70 lb)."""

_HEAVIEST_KG: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(pattern), kg)
    for pattern, kg in (
        (r"leg (press|curl|extension)|sled|hack squat|calf", 600.0),
        (r"kettlebell|\bkb\b|swing", 56.0),
        (r"dumbbell|\bdb\b|curl|raise|\bfly|flye|kickback|tricep", 80.0),
        (r"bench|overhead press|military press|shoulder press|\brow\b", 200.0),
        (r"deadlift|squat|hip thrust|good morning|rack pull|\brdl\b", 320.0),
    )
)
"""More than people lift in kg, by kind of lift (the first that matches the name)."""
HEAVIEST_KG = 400.0
"""More than people lift in kg in any other exercise."""

_BARBELL = re.compile(
    r"deadlift|squat|bench press|good morning|hip thrust|\brdl\b|overhead press|\brow\b"
)
"""The lifts loaded on a full-size bar (a curl's may be a fixed barbell of 60 or 80 lb)."""
_NOT_BARBELL = re.compile(
    r"dumbbell|kettlebell|machine|cable|smith|band|trap|hex|leg press|goblet|single|split|"
    r"bodyweight|landmine|\bez\b|\bdb\b|\bkb\b"
)
_KETTLEBELL = re.compile(r"kettlebell|\bkb\b|swing")


class Clue(StrEnum):
    HEAVY = "heavy"
    KG_PLATES = "kg plates"
    KG_BAR = "kg bar"
    LB_BAR = "lb bar"
    KETTLEBELL_KG = "kettlebell kg"
    KETTLEBELL_LB = "kettlebell lb"
    NONE = "none"
    """Undecided: the numbers could be either."""
    BOTH = "both"
    """Undecided: clues for both units."""


KG_CLUES = (Clue.KG_PLATES, Clue.KETTLEBELL_KG, Clue.KG_BAR)
LB_CLUES = (Clue.HEAVY, Clue.KETTLEBELL_LB, Clue.LB_BAR)
"""Strongest first."""


@dataclass(frozen=True)
class UnitGuess:
    """What the numbers say: a unit and the clue, or None (undecided) and why."""

    unit: Unit | None
    clue: Clue
    examples: tuple[float, ...] = ()
    """Weights that show the clue (for :attr:`Clue.BOTH`, those that look like kg)."""
    lift: str = ""
    """For :attr:`Clue.HEAVY`: the exercise lifted that heavy."""
    against: tuple[float, ...] = ()
    """For :attr:`Clue.BOTH`: the weights that look like pounds."""
    more: bool = False
    """More weights show the clue than :attr:`examples` gives."""

    @property
    def step(self) -> float:
        """For :attr:`Clue.KG_PLATES`: the step the loads show, 1.25 or 2.5 kg."""
        return 1.25 if any(round(w * 4) % 2 for w in self.examples) else 2.5

    @property
    def reason(self) -> str:
        """Why, in words that follow "weights taken as kg: " or "the unit is unclear: "."""
        shown = listed(self.examples, self.more)
        match self.clue:
            case Clue.HEAVY:
                return f"{self.lift} at {shown} is more than people lift in kg"
            case Clue.KG_PLATES:
                return f"they step by {amount_text(self.step)} kg: {shown}"
            case Clue.KG_BAR:
                return f"barbell loads are a 20 kg bar and pairs of plates: {shown}"
            case Clue.LB_BAR:
                return f"barbell loads are a 45 lb bar and pairs of plates: {shown}"
            case Clue.KETTLEBELL_KG:
                return f"kettlebells of {shown} are kilogram sizes"
            case Clue.KETTLEBELL_LB:
                return f"kettlebells of {shown} are kilogram bells sold in pounds"
            case Clue.BOTH:
                against = listed(self.against, False)
                return (
                    f"the numbers point both ways: some look like kg ({shown}), "
                    f"some like lb ({against})"
                )
        return f"the weights ({shown}) could be kg or lb"


def listed(weights: tuple[float, ...], more: bool) -> str:
    """ "62.5, 102.5, 22.5…" """
    return ", ".join(amount_text(w) for w in weights) + ("…" if more else "")


def weights_without_unit(parsed: ParsedFile) -> list[tuple[str, float]]:
    """(exercise, weight) of every set whose weight the file gives no unit for."""
    return [
        (s.exercise, s.weight)
        for workout in parsed.workouts
        for s in workout.sets
        if s.weight and s.unit is None
    ]


def guess_for(parsed: ParsedFile) -> UnitGuess | None:
    """The guess for ``parsed``'s weights without a unit; None when it has none."""
    if not parsed.weights_without_unit:
        return None
    weights = weights_without_unit(parsed)
    return guess_unit(weights) if weights else None


def guess_unit(weights: Iterable[tuple[str, float]]) -> UnitGuess:
    """The unit of weights logged without one, each with its exercise's name."""
    found = _Clues()
    for exercise, weight in weights:
        found.add(exercise, weight)
    return found.guess()


class _Clues:
    def __init__(self) -> None:
        self.sets: dict[Clue, list[float]] = {clue: [] for clue in (*KG_CLUES, *LB_CLUES)}
        self.heavy: dict[str, list[float]] = {}
        self.bar_ends: list[float] = []
        self.seen: list[float] = []

    def add(self, exercise: str, weight: float) -> None:
        if weight <= 0:
            return
        name = exercise.casefold()
        if len(self.seen) <= EXAMPLES and weight not in self.seen:
            self.seen.append(weight)
        if weight > _heaviest_kg(name):
            self.sets[Clue.HEAVY].append(weight)
            self.heavy.setdefault(exercise, []).append(weight)
        if _on_step(weight, 1.25) and not _on_step(weight, 5):
            self.sets[Clue.KG_PLATES].append(weight)
        if _KETTLEBELL.search(name):
            if weight in KETTLEBELL_KG:
                self.sets[Clue.KETTLEBELL_KG].append(weight)
            elif weight in KETTLEBELL_LB:
                self.sets[Clue.KETTLEBELL_LB].append(weight)
        elif _BARBELL.search(name) and not _NOT_BARBELL.search(name) and _on_step(weight, 5):
            self.bar_ends.append(weight)

    def guess(self) -> UnitGuess:
        self._bar()
        kg = [clue for clue in KG_CLUES if len(self.sets[clue]) >= AT_LEAST]
        lb = [clue for clue in LB_CLUES if len(self.sets[clue]) >= AT_LEAST]
        if kg and lb:
            kg_shown, _ = _examples(self.sets[kg[0]])
            lb_shown, _ = _examples(self.sets[lb[0]])
            return UnitGuess(None, Clue.BOTH, kg_shown, against=lb_shown)
        if not kg and not lb:
            shown = tuple(self.seen[:EXAMPLES])
            return UnitGuess(None, Clue.NONE, shown, more=len(self.seen) > EXAMPLES)
        # The clue most sets show names the guess (the strongest first among equals).
        clue = max(kg or lb, key=lambda found: len(self.sets[found]))
        lift = ""
        if clue is Clue.HEAVY:
            # The lift most often that heavy, and its loads.
            lift = max(self.heavy, key=lambda name: len(self.heavy[name]))
            self.sets[clue] = self.heavy[lift]
        shown, more = _examples(self.sets[clue])
        return UnitGuess(Unit.KG if kg else Unit.LB, clue, shown, lift=lift, more=more)

    def _bar(self) -> None:
        ends = self.bar_ends
        if len(ends) < BAR_SETS:
            return
        fives = [w for w in ends if round(w) % 10 == 5]
        tens = [w for w in ends if round(w) % 10 == 0]
        for group, clue in ((fives, Clue.LB_BAR), (tens, Clue.KG_BAR)):
            if len(group) >= BAR_SHARE * len(ends) and len(set(group)) >= 2:
                self.sets[clue] = group


def _heaviest_kg(name: str) -> float:
    for pattern, kg in _HEAVIEST_KG:
        if pattern.search(name):
            return kg
    return HEAVIEST_KG


def _on_step(weight: float, step: float) -> bool:
    steps = weight / step
    return abs(steps - round(steps)) < 1e-6


def _examples(weights: list[float]) -> tuple[tuple[float, ...], bool]:
    distinct = list(dict.fromkeys(weights))
    return tuple(distinct[:EXAMPLES]), len(distinct) > EXAMPLES
