"""Before a workout starts, each of its drills that hurt last time is asked about, one at a time,
on the player's card: do the easier drill in its place, leave it out, or go on as planned.

Asked as the player loads a workout, so every way in gets it. An answer holds for that workout:
a workout rebuilt by a swap asks only about what it has not asked yet (the easier drill may have
hurt too), and Start goes on as planned with whatever is still open. A workout resumed after a
crash asks nothing: it was started, so every question about the sets before it was answered then,
and a set said to hurt during it is for the next workout.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.hurt import HurtOffer, offer_after_hurt, with_easier, without_drill
from hinge_desktop.domain.plan import WorkoutPlan
from hinge_desktop.ui.workout.hurt_offer_card import HurtOfferCard
from hinge_desktop.ui.workout.hurt_text import offer_text, offer_title
from hinge_desktop.ui.workout.plan_checks import PlanChecks


class HurtOffers(QObject):
    """Asks on ``card`` about the drills of the loaded plan that hurt last time."""

    plan_changed = Signal(object)
    """Load this :class:`WorkoutPlan` in place of the one shown (a drill swapped or left out)."""
    emptied = Signal()
    """The only drill of the workout was left out: nothing is left to load."""
    message = Signal(str)

    def __init__(
        self, card: HurtOfferCard, checks: PlanChecks | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._card, self._checks = card, checks
        self._plan: WorkoutPlan | None = None
        self._queue: list[HurtOffer] = []
        self._answered: set[str] = set()
        card.hide()
        card.easier_chosen.connect(self._swap)
        card.left_out.connect(self._leave_out)
        card.gone_on.connect(self._go_on)

    def begin(self, plan: WorkoutPlan | None, *, fresh: bool, ask: bool) -> None:
        """A workout was loaded from ``plan``: ask about its drills that hurt when ``ask``.
        ``fresh``: a workout loaded anew (not rebuilt from an answer), so nothing is answered
        yet."""
        if fresh:
            self._answered = set()
        self._plan = plan
        self._queue = self._offers(plan) if ask and plan is not None else []
        self._show_next()

    def is_open(self) -> bool:
        """A question is on the card."""
        return bool(self._queue)

    def go_on(self) -> None:
        """The workout starts: every open question is answered "as planned"."""
        self._answered.update(offer.drill_id for offer in self._queue)
        self._queue = []
        self._card.hide()

    def _offers(self, plan: WorkoutPlan) -> list[HurtOffer]:
        checks = self._checks
        if checks is None:
            return []
        offers = []
        for drill_id in dict.fromkeys(entry.drill_id for entry in plan.entries):
            if drill_id in self._answered or drill_id not in checks.catalogue:
                continue
            drill = checks.catalogue.get(drill_id)
            offer = offer_after_hurt(drill, checks.catalogue, checks.hurt_history(drill_id))
            if offer is not None:
                offers.append(offer)
        return offers

    def _show_next(self) -> None:
        if not self._queue or self._checks is None:
            self._card.hide()
            return
        offer = self._queue[0]
        drill = self._drill(offer.drill_id)
        easier = self._easier(offer)
        self._card.show_offer(
            offer_title(drill, offer, self._checks.today()),
            offer_text(drill, offer, easier),
            None if easier is None else easier.name,
        )

    def _drill(self, drill_id: str) -> Drill:
        assert self._checks is not None
        return self._checks.catalogue.get(drill_id)

    def _easier(self, offer: HurtOffer) -> Drill | None:
        if offer.easier_id is None or self._checks is None:
            return None
        catalogue = self._checks.catalogue
        return catalogue.get(offer.easier_id) if offer.easier_id in catalogue else None

    def _answer(self) -> HurtOffer | None:
        """The question answered now, taken off the queue."""
        if not self._queue:
            return None
        offer = self._queue.pop(0)
        self._answered.add(offer.drill_id)
        return offer

    def _swap(self) -> None:
        offer = self._answer()
        easier = None if offer is None else self._easier(offer)
        if offer is None or easier is None or self._plan is None:
            self._show_next()
            return
        drill = self._drill(offer.drill_id)
        self.message.emit(
            self.tr("{easier} is in this workout in place of {drill}.").format(
                easier=easier.name, drill=drill.name
            )
        )
        self.plan_changed.emit(with_easier(self._plan, drill, easier))

    def _leave_out(self) -> None:
        offer = self._answer()
        if offer is None or self._plan is None:
            self._show_next()
            return
        name = self._drill(offer.drill_id).name
        rest = without_drill(self._plan, offer.drill_id)
        if rest is None:
            self._queue = []
            self._card.hide()
            self.message.emit(self.tr("{drill} is left out: nothing is loaded.").format(drill=name))
            self.emptied.emit()
            return
        self.message.emit(self.tr("{drill} is left out of this workout.").format(drill=name))
        self.plan_changed.emit(rest)

    def _go_on(self) -> None:
        self._answer()
        self._show_next()
