"""After a set that hurt: what to offer the next time the person starts that drill.

A set the person said hurt holds them where they are: the next time they start the drill, the
drill's easier neighbour is offered instead, or, when there is nothing easier, to stop and get
it checked. The offer stays until a later set of the drill goes without hurting.

This module decides and returns data (drill ids, the day, a kind, the workout with the easier
drill swapped in or the drill left out); the words are the UI's.

Added, not from the articles: they name easier versions of the drills (the kettlebell deadlift
from a block, the kneeling hinge) but give no rule for a set that hurt. Holding back after pain
and having it checked when nothing is easier is the app's own caution, and its words must say
no more than that.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.plan import PlanEntry, WorkoutPlan


@dataclass(frozen=True)
class HurtHistory:
    """What the log says about one drill's sets, as far as pain goes."""

    last_hurt_at: datetime | None
    """When the latest set of the drill that hurt was done (local time, with its offset);
    None when no set of it ever hurt."""
    painless_since: bool = False
    """A set of the drill done after that one went without hurting. Warm-up sets do not
    count: a light warm-up that did not hurt says little about the working sets that did."""

    @property
    def hurts_still(self) -> bool:
        """The last word the log has on this drill is that it hurt."""
        return self.last_hurt_at is not None and not self.painless_since


NEVER_HURT = HurtHistory(last_hurt_at=None)
"""A drill none of whose sets hurt."""


class HurtOfferKind(StrEnum):
    TRY_EASIER = "try_easier"
    """Try the easier drill (``HurtOffer.easier_id``) first."""
    GET_CHECKED = "get_checked"
    """Nothing is easier: stop, and have it checked before doing it again."""


@dataclass(frozen=True)
class HurtOffer:
    """What to say when the person starts a drill that hurt last time."""

    kind: HurtOfferKind
    drill_id: str
    """The drill that hurt."""
    hurt_on: date
    """The local day it hurt."""
    easier_id: str | None
    """With :attr:`HurtOfferKind.TRY_EASIER`, the drill to offer instead; else None."""
    advice: str
    """The drill's own words on what to do if it hurts (its ``if_it_hurts``); "" when it has
    none, and the UI says its own plain sentence."""


def easier_drill(drill: Drill, catalogue: Catalogue) -> Drill | None:
    """The drill to offer after a set of ``drill`` hurt, as the catalogue names it (its
    ``regression``); None when there is nothing easier to offer."""
    easier = catalogue.regression_of(drill)
    return None if easier is None or easier.id == drill.id else easier


def offer_after_hurt(drill: Drill, catalogue: Catalogue, history: HurtHistory) -> HurtOffer | None:
    """What to offer as the person starts ``drill``, given what the log says; None when the last
    set of it that hurt has been followed by one that did not (or none ever hurt)."""
    if not history.hurts_still or history.last_hurt_at is None:
        return None
    easier = easier_drill(drill, catalogue)
    return HurtOffer(
        kind=HurtOfferKind.GET_CHECKED if easier is None else HurtOfferKind.TRY_EASIER,
        drill_id=drill.id,
        hurt_on=history.last_hurt_at.date(),
        easier_id=None if easier is None else easier.id,
        advice=drill.if_it_hurts,
    )


def easier_entry(entry: PlanEntry, drill: Drill, easier: Drill) -> PlanEntry:
    """``entry`` (a dose of ``drill``) done as ``easier``: the same sets, reps or hold and rest
    where the two are done the same way (reps for reps, a hold for a hold, neither in timed
    parts), else the easier drill's own dose."""
    mine, theirs = drill.prescription, easier.prescription
    if mine.parts or theirs.parts or mine.is_hold != theirs.is_hold:
        return PlanEntry.of(easier)
    return replace(entry, drill_id=easier.id)


def with_easier(plan: WorkoutPlan, drill: Drill, easier: Drill) -> WorkoutPlan:
    """The workout with ``easier`` in the place of ``drill`` (see :func:`easier_entry`); where
    the workout does the easier drill already, ``drill`` is left out instead. A workout of that
    one drill takes the easier drill's name."""
    if any(entry.drill_id == easier.id for entry in plan.entries):
        kept = without_drill(plan, drill.id)
        return plan if kept is None else kept
    entries = tuple(
        easier_entry(entry, drill, easier) if entry.drill_id == drill.id else entry
        for entry in plan.entries
    )
    alone = plan.routine_id is None and plan.name == drill.name
    return replace(plan, entries=entries, name=easier.name if alone else plan.name)


def without_drill(plan: WorkoutPlan, drill_id: str) -> WorkoutPlan | None:
    """The workout without the drill ``drill_id``; None when nothing else is left in it."""
    entries = tuple(entry for entry in plan.entries if entry.drill_id != drill_id)
    return replace(plan, entries=entries) if entries else None


class HurtRecency(StrEnum):
    """How to name the day something hurt, seen from today."""

    TODAY = "today"
    YESTERDAY = "yesterday"
    THIS_WEEK = "this_week"
    """Within the last six days: name the weekday ("Thursday")."""
    EARLIER = "earlier"
    """A week ago or more (or a day in the future, from a clock set wrong): name the date."""


def recency(hurt_on: date, today: date) -> HurtRecency:
    """How to name ``hurt_on`` to a person whose day is ``today``: a weekday only when it cannot
    be taken for another week's."""
    days = (today - hurt_on).days
    if days == 0:
        return HurtRecency.TODAY
    if days == 1:
        return HurtRecency.YESTERDAY
    if 2 <= days <= 6:
        return HurtRecency.THIS_WEEK
    return HurtRecency.EARLIER
