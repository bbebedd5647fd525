"""How far one press of plus or minus moves a load: to the next weight one can pick up.

Kettlebells come in 4 kg steps (8, 12, 16, 20, 24 …); a barbell is loaded with a pair of the
smallest common plates (2.5 kg, or 5 lb); dumbbell racks go by 1 kg up to 10 kg and by 2 kg above
(2.5 lb up to 25 lb, then 5 lb). Any other load keeps the plain step (1 kg, 2.5 lb).
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass

from hinge_desktop.domain.drills import Equipment
from hinge_desktop.domain.training import Unit

_EPSILON = 1e-6


@dataclass(frozen=True)
class WeightSteps:
    """A ladder of weights: from each ``(start, step)`` band on, weights ``step`` apart, up to
    the next band's start. The first band starts at 0 (no weight)."""

    bands: tuple[tuple[float, float], ...]

    def up(self, weight: float) -> float:
        """The next weight on the ladder above ``weight``."""
        for position, (start, step) in enumerate(self.bands):
            end = self._end(position)
            if weight < end - _EPSILON:
                above = start + (math.floor((weight - start) / step + _EPSILON) + 1) * step
                return _tidy(min(above, end))
        return _tidy(weight)

    def down(self, weight: float) -> float:
        """The next weight on the ladder below ``weight`` (never below 0)."""
        for position in range(len(self.bands) - 1, -1, -1):
            start, step = self.bands[position]
            if weight > start + _EPSILON:
                below = start + (math.ceil((weight - start) / step - _EPSILON) - 1) * step
                return _tidy(max(below, start))
        return 0.0

    def _end(self, position: int) -> float:
        return self.bands[position + 1][0] if position + 1 < len(self.bands) else math.inf


def _tidy(weight: float) -> float:
    return round(weight, 3)


PLAIN = {Unit.KG: WeightSteps(((0.0, 1.0),)), Unit.LB: WeightSteps(((0.0, 2.5),))}
KETTLEBELL = {Unit.KG: WeightSteps(((0.0, 4.0),)), Unit.LB: WeightSteps(((0.0, 5.0),))}
BARBELL = {Unit.KG: WeightSteps(((0.0, 2.5),)), Unit.LB: WeightSteps(((0.0, 5.0),))}
DUMBBELL = {
    Unit.KG: WeightSteps(((0.0, 1.0), (10.0, 2.0))),
    Unit.LB: WeightSteps(((0.0, 2.5), (25.0, 5.0))),
}

_BY_EQUIPMENT = (
    # Finest first: a drill done with dumbbells or a kettlebell steps as the dumbbells do, so
    # that no weight of either is out of reach.
    (Equipment.DUMBBELL, DUMBBELL),
    (Equipment.BARBELL, BARBELL),
    (Equipment.KETTLEBELL, KETTLEBELL),
)


def weight_steps(equipment: Collection[Equipment], unit: Unit) -> WeightSteps:
    """The ladder for a drill done with ``equipment``, in ``unit``."""
    for kind, ladders in _BY_EQUIPMENT:
        if kind in equipment:
            return ladders[unit]
    return PLAIN[unit]
