"""The start page's words: the rung, the next session, the last session, the streak and what
opens the next rung, in the person's language and locale.

The gates are worded by ``ui/ladder_text.py``, as the ladder panel words them, with the count
so far: "2 of 6 days of mobility".
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import (
    STRAIGHT_LEG_RAISE_TARGET,
    STRAIGHT_LEG_RAISE_TESTS,
    LadderHint,
    LadderState,
)
from hinge_desktop.domain.snacks import SnackSummary
from hinge_desktop.domain.today import TOP_RUNG, LastSession
from hinge_desktop.ui import ladder_text
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.drill_text import phase_name
from hinge_desktop.ui.plurals import plural

NAMES_SHOWN = 3
"""Drills named in a line before the rest are counted ("and 2 more")."""


def _tr(text: str, count: int | None = None) -> str:
    if count is None:
        return QCoreApplication.translate("Today", text)
    translated = QCoreApplication.translate("Today", text, None, count)
    return plural(translated, count).replace("%n", QLocale().toString(count))


def rung_text(phase: Phase) -> str:
    """ "You are on rung 1 of 6: glute activation", or the checks before the first rung."""
    if phase is Phase.CHECK:
        return _tr("You are at the start: the checks")
    return _tr("You are on rung {rung} of {top}: {phase}").format(
        rung=int(phase), top=TOP_RUNG, phase=phase_name(phase).lower()
    )


def next_heading(phase: Phase, retest: bool, first_run: bool) -> str:
    """What the next session is for, above its name."""
    if retest:
        return _tr("Next: retake the checks")
    if phase is Phase.CHECK:
        if first_run:
            return _tr("Start here: a few short tests say where on the ladder you begin")
        return _tr("Next: the checks, to find your first rung")
    return _tr("Next session")


def drill_list(drill_ids: tuple[str, ...], names: DrillNames) -> str:
    """ "Glute bridge, Dead bug and 2 more"."""
    shown = [names.name(drill_id) for drill_id in drill_ids[:NAMES_SHOWN]]
    rest = len(drill_ids) - len(shown)
    text = ", ".join(shown)
    if rest > 0:
        text = _tr("{drills} and %n more", rest).format(drills=text)
    return text


def plan_facts(drills: int, minutes: int) -> str:
    """ "5 drills · about 12 min"."""
    return "{drills} · {minutes}".format(
        drills=_tr("%n drill(s)", drills), minutes=_tr("about {minutes} min")
    ).format(minutes=minutes)


def day_text(day: date, today: date) -> str:
    """ "Today", "Yesterday", "Tuesday, 3 days ago" or the date: when a session was."""
    if day == today:
        return _tr("Today")
    if day == today - timedelta(days=1):
        return _tr("Yesterday")
    locale = QLocale()
    shown = QDate(day.year, day.month, day.day)
    days = (today - day).days
    if 0 < days < 7:
        weekday = locale.dayName(shown.dayOfWeek(), QLocale.FormatType.LongFormat)
        return _tr("{weekday}, %n day(s) ago", days).format(weekday=weekday)
    pattern = "dddd d MMMM" if day.year == today.year else "d MMMM yyyy"
    return locale.toString(shown, pattern)


def session_name(session: LastSession, names: DrillNames) -> str:
    """What was trained: the workout's name, or its drills."""
    if session.name and not session.quick:
        return session.name
    return drill_list(session.drill_ids, names)


def session_facts(session: LastSession, names: DrillNames) -> str:
    """ "6 sets", or "6 sets logged without the player" for quick-logged ones."""
    sets = _tr("%n set(s)", session.sets)
    if session.quick:
        return _tr("{sets} logged without the player").format(sets=sets)
    if session.name and len(session.drill_ids) > 1:
        return _tr("{sets} of {drills}").format(
            sets=sets, drills=drill_list(session.drill_ids, names)
        )
    return sets


def streak_value(weeks: int, first_run: bool) -> str:
    """ "3 weeks in a row": weeks with training, as History's calendar counts them."""
    if first_run:
        return _tr("Not started yet")
    return _tr("%n week(s) in a row", weeks)


def streak_detail(weeks: int, days_this_week: int, first_run: bool) -> str:
    """Under the streak: this week so far. Never a reproach."""
    if first_run:
        return _tr("Each week with a session adds one. Your first session starts it.")
    if days_this_week:
        return _tr("%n day(s) with training so far this week.", days_this_week)
    if weeks:
        return _tr("Nothing logged yet this week: a session this week adds one.")
    return _tr("A session this week starts a new run.")


def snack_value(snacks: SnackSummary) -> str:
    """ "1 of 2 today": the day's activation snacks against its goal."""
    return _tr("{done} of {goal} today").format(
        done=QLocale().toString(snacks.done), goal=QLocale().toString(snacks.goal)
    )


def snack_detail(snacks: SnackSummary) -> str:
    """Under the snacks: the days in a row, or what a snack is. Never a reproach."""
    if snacks.goal_met and snacks.streak_days > 1:
        return _tr("Done for today. %n day(s) in a row with a snack.", snacks.streak_days)
    if snacks.goal_met:
        return _tr("Done for today.")
    if snacks.streak_days:
        return _tr("%n day(s) in a row with a snack.", snacks.streak_days)
    return _tr("A few minutes of glute work, every day and twice on desk days.")


def nudge_count(count: int) -> str:
    """ "3 desk nudges today": counted, never asked for."""
    return _tr("%n desk nudge(s) today.", count)


def gate_title(state: LadderState) -> str:
    """What the next-rung card is about."""
    if state.phase is Phase.CHECK:
        return _tr("What decides your first rung")
    if state.hint is LadderHint.TOP_RUNG:
        return _tr("The top rung")
    return _tr("What opens {next}").format(next=phase_name(Phase(state.phase + 1)).lower())


def gate_value(state: LadderState) -> str:
    """The count towards the next rung ("2 of 6 days of mobility"), or the test that decides."""
    hint = state.hint
    if hint is LadderHint.TAKE_SQUEEZE_TEST:
        return _tr("The glute squeeze test")
    if hint is LadderHint.RETAKE_SQUEEZE_TEST:
        return _tr("Retake the squeeze test")
    return ladder_text.gate_count(state) or _tr("You are there")


def gate_text(state: LadderState, catalogue: Catalogue) -> str:
    """What opens the next rung, in words, as the ladder panel says it."""
    return ladder_text.gate_text(state, leg_raise_target(catalogue))


def leg_raise_target(catalogue: Catalogue) -> float:
    """The straight-leg raise test's target, as the catalogue gives it."""
    for drill_id in sorted(STRAIGHT_LEG_RAISE_TESTS):
        if drill_id in catalogue:
            check = catalogue.get(drill_id).check
            if check is not None and check.target is not None:
                return check.target
    return STRAIGHT_LEG_RAISE_TARGET
