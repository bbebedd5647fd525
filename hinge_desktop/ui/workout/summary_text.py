"""How the end of a session reads: time taken, sets, reps, holds, load lifted, records beaten.

Every string is a literal ``QCoreApplication.translate("SummaryText", …)`` call, so that
``pyside6-lupdate`` finds them all.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QLocale

from hinge_desktop.domain.session_summary import BeatenRecord, SessionSummary
from hinge_desktop.domain.statistics import RecordKind, convert_weight
from hinge_desktop.domain.training import Unit
from hinge_desktop.ui.plurals import plural


def _t(text: str) -> str:
    return QCoreApplication.translate("SummaryText", text)


def _number(value: float) -> str:
    """1240 as "1,240", 42.5 as "42.5" (in the person's locale): whole numbers when the value is
    near one."""
    if abs(value - round(value)) < 0.05:
        return QLocale().toString(round(value))
    return QLocale().toString(value, "f", 1)


def duration_text(seconds: float) -> str:
    """ "12:34", or "1:02:03" past the hour."""
    whole = max(0, math.floor(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def heading_text(summary: SessionSummary) -> str:
    return _t("Finished") if summary.finished_early else _t("Workout complete")


def sets_text(summary: SessionSummary) -> str:
    """ "2 of 3", or "3" when all planned were done (or more: extra sets)."""
    if summary.sets >= summary.sets_planned:
        return str(summary.sets)
    return _t("{done} of {planned}").format(done=summary.sets, planned=summary.sets_planned)


def sets_caption(summary: SessionSummary) -> str:
    count = summary.sets_planned
    if summary.from_log:
        text = QCoreApplication.translate("SummaryText", "set(s) logged", None, count)
    else:
        text = QCoreApplication.translate("SummaryText", "set(s) done", None, count)
    return plural(text, count)


def reps_caption(count: int) -> str:
    return plural(QCoreApplication.translate("SummaryText", "rep(s)", None, count), count)


def holds_caption(count: int) -> str:
    text = QCoreApplication.translate("SummaryText", "held, in %n hold(s)", None, count)
    return plural(text, count)


def load_text(load: float, unit: Unit) -> str:
    return f"{_number(load)} {unit.value}"


def _weight(kg: float, unit: Unit) -> str:
    return load_text(convert_weight(kg, Unit.KG, unit), unit)


def _value(kind: RecordKind, value: float, unit: Unit) -> str:
    if kind is RecordKind.LONGEST_HOLD:
        return _t("{seconds} s").format(seconds=_number(value))
    if kind in (RecordKind.HEAVIEST_WEIGHT, RecordKind.BEST_E1RM, RecordKind.MOST_VOLUME):
        return _weight(value, unit)
    return _number(value)


def _what(kind: RecordKind) -> str:
    return {
        RecordKind.MOST_REPS_IN_A_SET: _t("most reps in a set"),
        RecordKind.MOST_REPS_IN_A_SESSION: _t("most reps in a session"),
        RecordKind.LONGEST_HOLD: _t("longest hold"),
        RecordKind.HEAVIEST_WEIGHT: _t("heaviest weight"),
        RecordKind.BEST_E1RM: _t("best estimated one-rep max"),
        RecordKind.MOST_VOLUME: _t("most load in a session"),
    }[kind]


def record_text(record: BeatenRecord, names: Mapping[str, str], unit: Unit | None) -> str:
    """ "Romanian deadlift: heaviest weight, 42 kg (was 40 kg)"."""
    shown = unit or Unit.KG
    return _t("{drill}: {what}, {value} (was {before})").format(
        drill=names.get(record.drill_id, record.drill_id),
        what=_what(record.kind),
        value=_value(record.kind, record.value, shown),
        before=_value(record.kind, record.before, shown),
    )


def records_heading(count: int) -> str:
    text = QCoreApplication.translate("SummaryText", "New record(s)", None, count)
    return plural(text, count)
