"""How a drill reads on screen: its dose in words and its detail page as rich text."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from hinge_desktop.domain.catalogue import SOURCES
from hinge_desktop.domain.drills import CheckResult, Drill, DrillKind, Prescription
from hinge_desktop.ui.drill_model import equipment_name, focus_name, phase_name


def _tr(text: str) -> str:
    return QCoreApplication.translate("DrillText", text)


def _seconds(value: float) -> str:
    return f"{value:g}"


def dose(prescription: Prescription) -> str:
    """ "3 sets × 8 reps" or "2 sets × 30 s hold", with "each side" where it applies."""
    if prescription.reps is not None:
        text = _tr("{sets} × {reps} reps").format(sets=prescription.sets, reps=prescription.reps)
    else:
        text = _tr("{sets} × {seconds} s hold").format(
            sets=prescription.sets, seconds=prescription.hold_seconds
        )
    if prescription.per_side:
        text += " " + _tr("each side")
    return text


def tempo(prescription: Prescription) -> str:
    t = prescription.tempo
    return _tr("{away}-{hold}-{back}-{rest} s").format(
        away=_seconds(t.away), hold=_seconds(t.hold), back=_seconds(t.back), rest=_seconds(t.rest)
    )


def kind_name(kind: DrillKind) -> str:
    return {
        DrillKind.EXERCISE: _tr("Exercise"),
        DrillKind.CHECK: _tr("Check"),
        DrillKind.MOBILITY: _tr("Mobility"),
    }[kind]


def facts_line(drill: Drill) -> str:
    """Phase, kind, kit and focus in one line under the name."""
    kit = ", ".join(equipment_name(item) for item in sorted(drill.equipment)) or equipment_name(
        "none"
    )
    focus = ", ".join(focus_name(item) for item in sorted(drill.focus))
    return " · ".join(
        [
            _tr("Phase {number}: {name}").format(
                number=int(drill.phase), name=phase_name(drill.phase)
            ),
            kind_name(drill.kind),
            kit,
            focus,
        ]
    )


def prescription_html(drill: Drill) -> str:
    p = drill.prescription
    rows = [
        (_tr("Dose"), dose(p)),
        (_tr("Tempo"), tempo(p) + " " + _tr("(there, hold, back, pause)")),
        (_tr("Rest"), _tr("{seconds} s between sets").format(seconds=p.rest_seconds)),
    ]
    cells = "".join(
        f"<tr><td style='padding-right:12px'><b>{escape(label)}</b></td>"
        f"<td>{escape(value)}</td></tr>"
        for label, value in rows
    )
    # Non-breaking spaces keep each cue on one line.
    cues = "&nbsp;&nbsp; ".join(
        "“" + "&nbsp;".join(escape(word) for word in cue.split()) + "”" for cue in drill.cues
    )
    return (
        f"<h3>{escape(_tr('Prescription'))}</h3><table>{cells}</table>"
        f"<h3>{escape(_tr('Cues you will hear'))}</h3><p>{cues}</p>"
    )


def _list(items: tuple[str, ...], ordered: bool) -> str:
    tag = "ol" if ordered else "ul"
    body = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f"<{tag} style='margin-left:-16px'>{body}</{tag}>"


def _links(ids: tuple[str, ...], names: dict[str, str]) -> str:
    return ", ".join(f"<a href='drill:{escape(i)}'>{escape(names.get(i, i))}</a>" for i in ids)


def detail_html(drill: Drill, names: dict[str, str]) -> str:
    """The teaching part of the detail pane; neighbour links are ``drill:ID`` URLs."""
    parts = [f"<p>{escape(drill.purpose)}</p>"]
    if drill.check is not None:
        check = drill.check
        parts.append(f"<h3>{escape(_tr('What the result looks like'))}</h3>")
        if check.result is CheckResult.MEASURE and check.measure:
            target = (
                _tr(" (aim: {target:g} {unit})").format(target=check.target, unit=check.unit)
                if check.target is not None
                else ""
            )
            parts.append(
                "<p>"
                + escape(
                    _tr("Measure: {measure}, {low:g}–{high:g} {unit}").format(
                        measure=check.measure,
                        low=check.minimum,
                        high=check.maximum,
                        unit=check.unit,
                    )
                    + target
                )
                + "</p>"
            )
        else:
            parts.append(f"<p>{escape(_tr('Pass or fail.'))}</p>")
        parts.append(f"<p><b>{escape(_tr('Pass:'))}</b> {escape(check.pass_when)}</p>")
        if check.criteria:
            parts.append(_list(check.criteria, ordered=False))
    parts += [
        f"<h3>{escape(_tr('Set-up'))}</h3>",
        _list(drill.setup, ordered=True),
        f"<h3>{escape(_tr('How to do it'))}</h3>",
        _list(drill.steps, ordered=True),
        f"<h3>{escape(_tr('Common faults and their fixes'))}</h3>",
        "<ul style='margin-left:-16px'>"
        + "".join(
            f"<li><b>{escape(f.fault)}</b><br/>{escape(_tr('Fix:'))} {escape(f.fix)}</li>"
            for f in drill.faults
        )
        + "</ul>",
        f"<h3>{escape(_tr('Safety'))}</h3>",
        _list(drill.safety, ordered=False),
    ]
    if drill.easier or drill.harder:
        parts.append(f"<h3>{escape(_tr('Neighbours on the ladder'))}</h3><p>")
        if drill.easier:
            parts.append(f"{escape(_tr('Easier:'))} {_links(drill.easier, names)}<br/>")
        if drill.harder:
            parts.append(f"{escape(_tr('Harder:'))} {_links(drill.harder, names)}")
        parts.append("</p>")
    titles = [SOURCES.get(source, source) for source in drill.sources]
    parts.append(f"<p><small>{escape(_tr('From:'))} {escape('; '.join(titles))}</small></p>")
    return "".join(parts)
