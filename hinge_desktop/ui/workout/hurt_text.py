"""The player's words about a set that hurt: what follows once the person says so, and, the next
time the drill is loaded, why it is asked about and what is offered.

The articles name easier versions of the drills; they give no rule for pain. Holding the ladder,
offering the easier drill and, with nothing easier, stopping to have it checked are the app's own
caution (see ``domain/hurt.py``), so these words say no more than that, and the drill's own words
on pain (its ``if_it_hurts``) are quoted as they are.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.hurt import HurtOffer, HurtOfferKind, HurtRecency, recency


def _t(text: str) -> str:
    return QCoreApplication.translate("HurtText", text)


def noted_text(easier: Drill | None) -> str:
    """What follows a set the person said hurt, with the easier drill offered next time (None:
    nothing is easier)."""
    noted = _t("Noted: this set will not count towards the ladder.")
    if easier is not None:
        then = _t("Next time Hinge offers {easier} first.").format(easier=easier.name)
    else:
        then = _t(
            "Nothing easier is offered for it: stop, and have it checked before doing it again."
        )
    return f"{noted} {then}"


def day_text(day: date, today: date) -> str:
    """The day something hurt, as seen from ``today``: "today", "yesterday", a weekday within
    the last week, else the date."""
    when = recency(day, today)
    if when is HurtRecency.TODAY:
        return _t("today")
    if when is HurtRecency.YESTERDAY:
        return _t("yesterday")
    locale = QLocale()
    if when is HurtRecency.THIS_WEEK:
        return locale.dayName(day.isoweekday(), QLocale.FormatType.LongFormat)
    pattern = "d MMMM" if day.year == today.year else "d MMMM yyyy"
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


def offer_title(drill: Drill, offer: HurtOffer, today: date) -> str:
    """ "Last time, Kettlebell deadlift hurt (Thursday)." """
    return _t("Last time, {drill} hurt ({day}).").format(
        drill=drill.name, day=day_text(offer.hurt_on, today)
    )


def offer_text(drill: Drill, offer: HurtOffer, easier: Drill | None) -> str:
    """What Hinge offers instead: the easier drill, or to stop and have it checked, with the
    drill's own words on pain."""
    if offer.kind is HurtOfferKind.TRY_EASIER and easier is not None:
        return _t(
            "Hinge offers {easier} first: the easier version, at the same dose where it fits. "
            "Or leave {drill} out of this workout, or go on with it as planned."
        ).format(easier=easier.name, drill=drill.name)
    text = _t(
        "Nothing easier is offered for it: stop, and have it checked before doing it again. "
        "Leave it out of this workout, or go on with it as planned."
    )
    if offer.advice:
        text = _t("{text}\nWhat to do if it hurts: {advice}").format(text=text, advice=offer.advice)
    return text
