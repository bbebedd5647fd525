"""Sets in a few words: "Last time: 3×10, 16 kg"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from hinge_desktop.domain.training import LoggedSet


def _t(text: str) -> str:
    return QCoreApplication.translate("SetSummary", text)


def _number(value: float) -> str:
    return f"{value:g}"


def sets_text(sets: Sequence[LoggedSet]) -> str:
    """ "3×10, 16 kg", "10, 8, 8", "2×30 s, red band"; checks as passed or not."""
    if not sets:
        return ""
    parts: list[str] = []
    results = [s.result for s in sets if s.result is not None]
    if results:
        parts.append(_t("passed") if results[-1].value == "pass" else _t("not yet passed"))
    reps = [s.reps for s in sets if s.reps is not None]
    holds = [s.hold_seconds for s in sets if s.hold_seconds is not None]
    for values, unit in ((reps, ""), (holds, " s")):
        if not values:
            continue
        if len(set(values)) == 1:
            parts.append(f"{len(values)}×{_number(values[0])}{unit}")
        else:
            parts.append(", ".join(f"{_number(v)}{unit}" for v in values))
    weighed = [s for s in sets if s.weight is not None and s.unit is not None]
    if weighed:
        top = max(weighed, key=lambda s: s.weight_kg or 0.0)
        assert top.weight is not None
        assert top.unit is not None
        parts.append(f"{_number(top.weight)} {top.unit.value}")
    bands = [s.band for s in sets if s.band]
    if bands:
        parts.append(_t("{band} band").format(band=_t(bands[-1] or "")))
    return ", ".join(parts)


def last_time_text(sets: Sequence[LoggedSet]) -> str:
    """ "Last time: 3×10, 16 kg (12 Nov)", or nothing for a drill never done."""
    if not sets:
        return ""
    when = sets[-1].performed_at.strftime("%-d %b")
    return _t("Last time: {sets} ({when})").format(sets=sets_text(sets), when=when)
