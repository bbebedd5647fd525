"""The words and numbers of the progress view: metric names, values with their units, dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from hinge_desktop.domain.statistics import E1RM_FORMULA, E1RM_MAX_REPS, RecordKind
from hinge_desktop.domain.training import Unit
from hinge_desktop.ui.history.progress_data import PER_SET_METRICS, WEIGHT_METRICS, Metric
from hinge_desktop.ui.plurals import plural


def _tr(text: str) -> str:
    return QCoreApplication.translate("Progress", text)


def reps_text(count: int) -> str:
    return plural(QCoreApplication.translate("Progress", "%n rep(s)", None, count), count)


def metric_name(metric: Metric) -> str:
    names = {
        Metric.REPS_PER_SET: _tr("Reps per set"),
        Metric.SESSION_REPS: _tr("Total reps per session"),
        Metric.HOLD: _tr("Hold time per set"),
        Metric.TOP_WEIGHT: _tr("Top weight per session"),
        Metric.VOLUME: _tr("Volume per session (weight × reps)"),
        Metric.E1RM: _tr("Estimated 1RM ({formula} formula)").format(formula=E1RM_FORMULA),
    }
    return names[metric]


def metric_tip(metric: Metric) -> str:
    if metric is Metric.E1RM:
        return _tr(
            "The most you could lift once, estimated from each set of 1 to {most} reps with the "
            "{formula} formula: weight × (1 + reps ÷ 30). The best set of the day is shown."
        ).format(most=E1RM_MAX_REPS, formula=E1RM_FORMULA)
    if metric in PER_SET_METRICS:
        return _tr("One point per set; warm-up sets and checks are left out.")
    return _tr("One point per day trained; warm-up sets and checks are left out.")


def weekly_name(metric: Metric, unit: Unit) -> str:
    """The title of the weekly bars."""
    if metric in WEIGHT_METRICS:
        return _tr("Volume per week ({unit})").format(unit=unit_name(unit))
    if metric is Metric.HOLD:
        return _tr("Hold time per week (minutes)")
    return _tr("Reps per week")


def weekly_axis_label(metric: Metric, unit: Unit) -> str:
    if metric in WEIGHT_METRICS:
        return unit_name(unit)
    if metric is Metric.HOLD:
        return _tr("min")
    return _tr("reps")


def unit_name(unit: Unit) -> str:
    return _tr("kg") if unit is Unit.KG else _tr("lb")


def axis_label(metric: Metric, unit: Unit) -> str:
    if metric in WEIGHT_METRICS:
        return unit_name(unit)
    if metric is Metric.HOLD:
        return _tr("seconds")
    return _tr("reps")


def number(value: float, decimals: int = 1) -> str:
    """A figure as the locale writes it, without a useless ".0"."""
    locale = QLocale()
    rounded = round(value, decimals)
    if rounded == round(rounded):
        return locale.toString(round(rounded))
    return locale.toString(rounded, "f", decimals)


def value_text(metric: Metric, value: float, unit: Unit) -> str:
    if metric is Metric.VOLUME:
        return f"{number(value, 0)} {unit_name(unit)}"
    if metric in WEIGHT_METRICS:
        return f"{number(value)} {unit_name(unit)}"
    if metric is Metric.HOLD:
        return _tr("{seconds} s").format(seconds=number(value, 0))
    return reps_text(round(value))


def weekly_value_text(metric: Metric, value: float, unit: Unit) -> str:
    if metric in WEIGHT_METRICS:
        return f"{number(value, 0)} {unit_name(unit)}"
    if metric is Metric.HOLD:
        return _tr("{minutes} min").format(minutes=number(value, 1))
    return reps_text(round(value))


def day_text(day: date, *, weekday: bool = True) -> str:
    pattern = "ddd d MMM yyyy" if weekday else "d MMM yyyy"
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def record_name(kind: RecordKind) -> str:
    names = {
        RecordKind.MOST_REPS_IN_A_SET: _tr("Most reps in a set"),
        RecordKind.MOST_REPS_IN_A_SESSION: _tr("Most reps in a session"),
        RecordKind.LONGEST_HOLD: _tr("Longest hold"),
        RecordKind.HEAVIEST_WEIGHT: _tr("Heaviest set"),
        RecordKind.BEST_E1RM: _tr("Best estimated 1RM"),
        RecordKind.MOST_VOLUME: _tr("Most volume in a session"),
    }
    return names[kind]


def record_value_text(kind: RecordKind, value: float, unit: Unit) -> str:
    if kind in (RecordKind.MOST_REPS_IN_A_SET, RecordKind.MOST_REPS_IN_A_SESSION):
        return value_text(Metric.SESSION_REPS, value, unit)
    if kind is RecordKind.LONGEST_HOLD:
        return value_text(Metric.HOLD, value, unit)
    decimals = 0 if kind is RecordKind.MOST_VOLUME else 1
    return f"{number(value, decimals)} {unit_name(unit)}"
