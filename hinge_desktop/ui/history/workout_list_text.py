"""The words and numbers of History's list of workouts: when a workout was and how long it
took, what was done in it, and each set's side, dose, weight and kind, in the person's locale."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from hinge_desktop.domain.training import LoggedSet, SetKind, Side
from hinge_desktop.storage.workout_list_queries import LogEntry
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.plurals import plural


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkoutList", text)


def drill_name(drill_id: str, names: DrillNames) -> str:
    """The drill's name, a drill of one's own's as the person named it; a drill Hinge knows
    nothing of reads as its id."""
    return names.name(drill_id)


def drill_names(drill_ids: tuple[str, ...], names: DrillNames) -> str:
    return ", ".join(names.name(d) for d in drill_ids)


def date_text(moment: datetime, today: date | None = None) -> str:
    """ "Today", "Yesterday" or the date in the person's locale."""
    today = today if today is not None else datetime.now().astimezone().date()
    day = moment.date()
    if day == today:
        return _tr("Today")
    if day == today - timedelta(days=1):
        return _tr("Yesterday")
    locale = QLocale()
    shown = QDate(day.year, day.month, day.day)
    pattern = "ddd d MMM" if day.year == today.year else "ddd d MMM yyyy"
    return locale.toString(shown, pattern)


def time_text(moment: datetime) -> str:
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


def duration_text(duration: timedelta) -> str:
    minutes = max(0, round(duration.total_seconds() / 60))
    if minutes < 60:
        return _tr("{minutes} min").format(minutes=minutes)
    return _tr("{hours} h {minutes:02d} min").format(hours=minutes // 60, minutes=minutes % 60)


def seconds_text(seconds: float) -> str:
    whole = round(seconds)
    if whole < 120:
        return _tr("{seconds} s").format(seconds=whole)
    return _tr("{minutes}:{seconds:02d} min").format(minutes=whole // 60, seconds=whole % 60)


def number_text(value: float) -> str:
    """A count or load with the locale's grouping, and a decimal only when it has one."""
    locale = QLocale()
    if float(value).is_integer():
        return locale.toString(int(value))
    return locale.toString(float(value), "f", 1)


def when_text(entry: LogEntry) -> str:
    parts = [date_text(entry.started_at), time_text(entry.started_at)]
    if entry.duration is not None:
        parts.append(duration_text(entry.duration))
    return " · ".join(parts)


def load_text(volume_kg: float) -> str:
    """The load moved in all (weight times reps), said as such so that it never reads as the
    weight of a set."""
    if volume_kg <= 0:
        return _tr("bodyweight")
    return _tr("{volume} kg lifted").format(volume=number_text(round(volume_kg)))


def summary_text(entry: LogEntry, names: DrillNames) -> str:
    """Drills, sets, reps or hold time, and load, in one line."""
    drills = len(entry.drill_ids)
    parts = []
    if drills == 1:
        parts.append(names.name(entry.drill_ids[0]))
    elif drills > 1:
        parts.append(_plural("drill", drills))
    parts.append(_plural("set", entry.set_count))
    if entry.total_reps:
        parts.append(_plural("rep", entry.total_reps))
    if entry.total_seconds:
        parts.append(_tr("{time} held").format(time=seconds_text(entry.total_seconds)))
    if entry.set_count:
        parts.append(load_text(entry.volume_kg))
    return " · ".join(parts)


def _plural(noun: str, count: int) -> str:
    texts = {
        "drill": QCoreApplication.translate("WorkoutList", "%n drill(s)", None, count),
        "set": QCoreApplication.translate("WorkoutList", "%n set(s)", None, count),
        "rep": QCoreApplication.translate("WorkoutList", "%n rep(s)", None, count),
    }
    return plural(texts[noun], count).replace("%n", number_text(count))


def kind_text(kind: SetKind) -> str:
    return {
        SetKind.WARMUP: _tr("warm-up"),
        SetKind.WORKING: _tr("working"),
        SetKind.FAILURE: _tr("to failure"),
        SetKind.DROP: _tr("drop set"),
    }[kind]


def side_text(side: Side | None) -> str:
    if side is None:
        return ""
    return _tr("left") if side is Side.LEFT else _tr("right")


def dose_text(logged: LoggedSet) -> str:
    parts = []
    if logged.reps is not None:
        parts.append(_plural("rep", logged.reps))
    if logged.hold_seconds is not None:
        parts.append(seconds_text(logged.hold_seconds))
    return " · ".join(parts)


def weight_text(logged: LoggedSet) -> str:
    if logged.weight is None or logged.unit is None:
        return ""
    return f"{number_text(logged.weight)} {logged.unit.value}"
