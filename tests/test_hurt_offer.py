"""What Hinge offers when a person starts a drill that hurt last time: the easier neighbour, or
to stop and get it checked when there is nothing easier; nothing once it went without hurting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.hurt import (
    NEVER_HURT,
    HurtHistory,
    HurtOfferKind,
    HurtRecency,
    easier_drill,
    offer_after_hurt,
    recency,
)

BERLIN = timezone(timedelta(hours=1))
THURSDAY = datetime(2026, 4, 2, 18, 30, tzinfo=BERLIN)


def test_a_drill_that_hurt_offers_its_easier_neighbour_with_the_day(catalogue: Catalogue) -> None:
    drill = catalogue.get("kettlebell-deadlift")
    assert drill.regression == drill.easier[0], "the first drill its own file calls easier"

    offer = offer_after_hurt(drill, catalogue, HurtHistory(THURSDAY))

    assert offer is not None
    assert offer.kind is HurtOfferKind.TRY_EASIER
    assert offer.drill_id == "kettlebell-deadlift"
    assert offer.easier_id == "kettlebell-deadlift-block" == drill.easier[0]
    assert offer.hurt_on == date(2026, 4, 2)


def test_the_day_is_the_persons_own_local_day(catalogue: Catalogue) -> None:
    late = datetime(2026, 4, 2, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    offer = offer_after_hurt(catalogue.get("romanian-deadlift"), catalogue, HurtHistory(late))
    assert offer is not None
    assert offer.hurt_on == date(2026, 4, 2), "not the UTC day (the 3rd)"


def test_a_drill_naming_its_regression_offers_that_rather_than_the_first_easier(
    catalogue: Catalogue,
) -> None:
    drill = replace(catalogue.get("kettlebell-deadlift"), regression="band-pull-through")
    assert drill.easier[0] != "band-pull-through"

    offer = offer_after_hurt(drill, catalogue, HurtHistory(THURSDAY))

    assert offer is not None
    assert offer.easier_id == "band-pull-through"


def test_with_nothing_easier_the_offer_is_to_stop_and_get_it_checked(
    catalogue: Catalogue,
) -> None:
    drill = catalogue.get("glute-squeeze-test")
    assert not drill.easier
    assert drill.regression is None

    offer = offer_after_hurt(drill, catalogue, HurtHistory(THURSDAY))

    assert offer is not None
    assert offer.kind is HurtOfferKind.GET_CHECKED
    assert offer.easier_id is None
    assert offer.advice == drill.if_it_hurts


def test_the_drills_own_words_on_pain_come_with_the_offer(catalogue: Catalogue) -> None:
    words = "Stop; roll the bell closer and hinge less deep."
    drill = replace(catalogue.get("kettlebell-deadlift"), if_it_hurts=words)
    offer = offer_after_hurt(drill, catalogue, HurtHistory(THURSDAY))
    assert offer is not None
    assert offer.advice == words


def test_no_offer_once_a_later_set_went_without_hurting(catalogue: Catalogue) -> None:
    drill = catalogue.get("kettlebell-deadlift")
    assert offer_after_hurt(drill, catalogue, HurtHistory(THURSDAY, painless_since=True)) is None


def test_no_offer_for_a_drill_that_never_hurt(catalogue: Catalogue) -> None:
    assert offer_after_hurt(catalogue.get("glute-bridge"), catalogue, NEVER_HURT) is None


@pytest.mark.parametrize("missing", ["no-such-drill", "kettlebell-deadlift"])
def test_a_regression_that_is_no_other_drill_of_the_catalogue_is_not_offered(
    catalogue: Catalogue, missing: str
) -> None:
    # The catalogue refuses such a file; a drill made in code must not offer what is not there.
    drill = replace(catalogue.get("kettlebell-deadlift"), regression=missing)
    assert easier_drill(drill, catalogue) is None
    offer = offer_after_hurt(drill, catalogue, HurtHistory(THURSDAY))
    assert offer is not None
    assert offer.kind is HurtOfferKind.GET_CHECKED


def test_every_drill_that_has_easier_neighbours_offers_one_of_them(catalogue: Catalogue) -> None:
    for drill in catalogue:
        easier = easier_drill(drill, catalogue)
        assert (easier.id if easier else None) == drill.regression, drill.id


@pytest.mark.parametrize(
    ("hurt_on", "expected"),
    [
        (date(2026, 4, 9), HurtRecency.TODAY),
        (date(2026, 4, 8), HurtRecency.YESTERDAY),
        (date(2026, 4, 7), HurtRecency.THIS_WEEK),
        (date(2026, 4, 3), HurtRecency.THIS_WEEK),
        (date(2026, 4, 2), HurtRecency.EARLIER),  # a Thursday, as today is: say the date
        (date(2025, 4, 2), HurtRecency.EARLIER),
        (date(2026, 4, 10), HurtRecency.EARLIER),  # a clock set wrong
    ],
)
def test_a_weekday_names_the_day_only_within_the_last_week(
    hurt_on: date, expected: HurtRecency
) -> None:
    today = date(2026, 4, 9)  # a Thursday
    assert recency(hurt_on, today) is expected
