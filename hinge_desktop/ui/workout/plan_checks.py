"""What the player reads before a workout runs, to ask first where it should: the ladder's state
(a drill above the person's rung) and each drill's pain history (a drill that hurt last time).

The shell builds it from the log; a player built without it asks nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.hurt import HurtHistory
from hinge_desktop.domain.ladder import LadderState


@dataclass(frozen=True)
class PlanChecks:
    catalogue: Catalogue
    """The drills a plan is built from, and their easier neighbours."""
    ladder_state: Callable[[], LadderState]
    """Where the person stands on the ladder now, with every rung reached."""
    hurt_history: Callable[[str], HurtHistory]
    """A drill's pain history, by its id."""
    today: Callable[[], date]
    """The person's local day."""
