"""One straight-leg raise test on one day, both legs together: the ladder's way out of mobility
opens only when the left and the right leg both reach the target on the same day."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from hinge_desktop.domain.training import Side


@dataclass(frozen=True)
class LegRaise:
    """One straight-leg raise test on one day: the best angle measured on each side."""

    drill_id: str
    day: date
    target: float
    left: float | None = None
    right: float | None = None

    def angle(self, side: Side) -> float | None:
        return self.left if side is Side.LEFT else self.right

    @property
    def short_sides(self) -> tuple[Side, ...]:
        """The sides not measured at the target that day (not measured at all, or lower)."""
        return tuple(
            side for side in Side if (angle := self.angle(side)) is None or angle < self.target
        )

    @property
    def passed(self) -> bool:
        return not self.short_sides

    def with_angle(self, side: Side, angle: float) -> LegRaise:
        """This test with ``angle`` measured on ``side`` too (the better one counts)."""
        best = max(angle, self.angle(side) or angle)
        return replace(self, left=best) if side is Side.LEFT else replace(self, right=best)
