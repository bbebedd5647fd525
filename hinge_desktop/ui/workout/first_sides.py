"""Which side each drill done per side starts on: chosen in its get-ready, remembered per drill.

A person who should "start with the weaker side" picks it once; every set of that drill starts
there, in this workout and the next ones (and in a workout resumed after a crash, whose steps
are the same with their sides swapped, so its step index still holds).
"""

from __future__ import annotations

from collections.abc import Sequence

from hinge_desktop.domain.timeline import Step, StepKind, first_side, with_first_side
from hinge_desktop.domain.training import Side
from hinge_desktop.ui.preferences import Preferences, first_side_setting


class FirstSides:
    """The sides chosen, kept in the preferences."""

    def __init__(self, preferences: Preferences) -> None:
        self._preferences = preferences

    def chosen(self, drill_id: str) -> Side:
        return Side(self._preferences.get(first_side_setting(drill_id)))

    def apply(self, steps: Sequence[Step]) -> tuple[Step, ...]:
        """``steps`` with every drill done per side starting on the side chosen for it."""
        found = tuple(steps)
        for drill_id in dict.fromkeys(s.drill.id for s in found if s.drill is not None):
            if first_side(found, drill_id) is not None:
                found = with_first_side(found, drill_id, self.chosen(drill_id))
        return found

    def choose(self, step: Step, side: Side) -> bool:
        """Remember ``side`` for the drill getting ready in ``step``; False (nothing kept)
        outside the get-ready of a drill done per side, or when it starts there already."""
        if step.kind is not StepKind.GET_READY or step.drill is None or step.side in (None, side):
            return False
        self._preferences.set(first_side_setting(step.drill.id), side.value)
        return True
