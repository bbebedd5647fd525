"""What the player asks before a workout runs: before it is loaded, whether to start a drill above
the person's rung, then whether to end the workout under way (it is loaded only once every answer
is yes); once it is loaded, about each of its drills that hurt last time (``HurtOffers``). Every
way into the player (Today, a routine, a drill's page, a resumed workout) goes through here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.ladder import LadderState, above_reach
from hinge_desktop.domain.plan import WorkoutPlan
from hinge_desktop.domain.timeline import Step
from hinge_desktop.ui.workout.hurt_offers import HurtOffers
from hinge_desktop.ui.workout.plan_checks import PlanChecks
from hinge_desktop.ui.workout.rung_text import above_rung_text
from hinge_desktop.ui.workout.workout_prompts import ask_to_replace, ask_to_start_above_rung

if TYPE_CHECKING:
    from hinge_desktop.ui.workout.workout_view import WorkoutView


class Load(Enum):
    """How a workout comes to be loaded."""

    NEW = "new"
    """Asked for by the person (or again, after its end): ask about every drill that hurt."""
    REBUILT = "rebuilt"
    """Rebuilt from an answer about a drill that hurt: ask only what was not asked yet."""
    RESUMED = "resumed"
    """Resumed after a crash: it was started, so everything was asked before its start."""


Loader = Callable[[Sequence[Step], WorkoutPlan | None, int, Load], None]
"""Loads steps from a plan, at a step index, without asking."""


class BeforeStart(QObject):
    """The questions of the player ``view``, which loads a workout without asking with
    ``load``."""

    def __init__(self, view: WorkoutView, checks: PlanChecks | None, load: Loader) -> None:
        super().__init__(view)
        self._view, self._checks, self._load = view, checks, load
        self.offers = HurtOffers(view.player.hurt_card, checks, self)
        self.offers.plan_changed.connect(self._rebuild)
        self.offers.emptied.connect(view.unload)

    def request(
        self, steps: Sequence[Step], plan: WorkoutPlan | None, start_index: int, resumed: bool
    ) -> None:
        """Load ``steps`` once the person agrees (a resumed workout at once)."""
        if resumed:
            self._load(steps, plan, start_index, Load.RESUMED)
            return
        ladder = self._checks.ladder_state if self._checks is not None else None
        view = self._view
        ask_before_loading(
            view,
            steps,
            plan,
            view.name() if view.under_way() else None,
            ladder,
            lambda: self._load(steps, plan, start_index, Load.NEW),
        )

    def loaded(self, plan: WorkoutPlan | None, how: Load) -> None:
        """A workout was loaded: ask about its drills that hurt last time."""
        self.offers.begin(plan, fresh=how is Load.NEW, ask=how is not Load.RESUMED)

    def asking(self) -> bool:
        """A question about a drill that hurt is open."""
        return self.offers.is_open()

    def starting(self) -> None:
        """The workout starts: what is still open goes on as planned."""
        self.offers.go_on()

    def _rebuild(self, plan: WorkoutPlan) -> None:
        if self._checks is not None:
            self._load(plan.steps(self._checks.catalogue), plan, 0, Load.REBUILT)


def ask_before_loading(
    parent: QWidget,
    steps: Sequence[Step],
    plan: WorkoutPlan | None,
    under_way: str | None,
    ladder_state: Callable[[], LadderState] | None,
    proceed: Callable[[], object],
) -> None:
    """Ask what needs asking before ``steps`` are loaded, then ``proceed`` if the answers allow.
    ``under_way`` names the workout under way (None: none is); ``ladder_state`` reads where the
    person stands (None: the rungs are not asked about)."""
    drills = _drills(steps)
    new_name = plan.name if plan is not None else drills[0].name if drills else ""

    def replace_then_load() -> None:
        if under_way is not None:
            ask_to_replace(parent, under_way, new_name, proceed)
        else:
            proceed()

    state = ladder_state() if ladder_state is not None else None
    above = above_reach(drills, state) if state is not None else None
    if above is None or state is None:
        replace_then_load()
        return
    alone = len(drills) == 1 and (plan is None or plan.routine_id is None)
    text, detail = above_rung_text(above, state, None if alone else new_name)
    ask_to_start_above_rung(parent, text, detail, replace_then_load)


def _drills(steps: Sequence[Step]) -> list[Drill]:
    """Each drill of the steps once, in order."""
    seen: dict[str, Drill] = {}
    for step in steps:
        if step.drill is not None and step.drill.id not in seen:
            seen[step.drill.id] = step.drill
    return list(seen.values())
