"""How a drill reads on screen: the names of its phase, equipment and focus, its dose in words and
its detail page as rich text.

Every string is a literal ``QCoreApplication.translate(…)`` call, so that
``pyside6-lupdate`` finds them all.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from hinge_desktop.domain.catalogue import SOURCES
from hinge_desktop.domain.drills import (
    CheckResult,
    CueMoment,
    Drill,
    DrillKind,
    Equipment,
    Focus,
    Phase,
    Prescription,
)
from hinge_desktop.domain.timeline import PART_CHANGE_SECONDS

NO_EQUIPMENT = "none"
"""The equipment filter value for drills that need nothing but the floor."""


def phase_name(phase: Phase) -> str:
    """The name of a rung of the ladder, as the person reads it."""
    return {
        Phase.CHECK: QCoreApplication.translate("Phase", "Checks"),
        Phase.ACTIVATION: QCoreApplication.translate("Phase", "Glute activation"),
        Phase.MOBILITY: QCoreApplication.translate("Phase", "Mobility"),
        Phase.PATTERNING: QCoreApplication.translate("Phase", "Patterning"),
        Phase.LIGHT_LOADING: QCoreApplication.translate("Phase", "Light loading"),
        Phase.LOADING: QCoreApplication.translate("Phase", "Loading"),
        Phase.BAR_AND_SWING: QCoreApplication.translate("Phase", "Bar and swing"),
        Phase.SINGLE_LEG: QCoreApplication.translate("Phase", "Single leg"),
    }[phase]


def equipment_name(item: Equipment | str) -> str:
    names = {
        NO_EQUIPMENT: QCoreApplication.translate("Equipment", "No equipment"),
        Equipment.WALL: QCoreApplication.translate("Equipment", "Wall"),
        Equipment.DOWEL: QCoreApplication.translate("Equipment", "Dowel or broomstick"),
        Equipment.BAND: QCoreApplication.translate("Equipment", "Band"),
        Equipment.BENCH: QCoreApplication.translate("Equipment", "Bench"),
        Equipment.FOAM_ROLLER: QCoreApplication.translate("Equipment", "Foam roller"),
        Equipment.BALL: QCoreApplication.translate("Equipment", "Ball"),
        Equipment.KETTLEBELL: QCoreApplication.translate("Equipment", "Kettlebell"),
        Equipment.DUMBBELL: QCoreApplication.translate("Equipment", "Dumbbell"),
        Equipment.BARBELL: QCoreApplication.translate("Equipment", "Barbell"),
        Equipment.CABLE: QCoreApplication.translate("Equipment", "Cable"),
    }
    return names[item]


def focus_name(item: Focus) -> str:
    return {
        Focus.GLUTES: QCoreApplication.translate("Focus", "Glutes"),
        Focus.HAMSTRINGS: QCoreApplication.translate("Focus", "Hamstrings"),
        Focus.CORE: QCoreApplication.translate("Focus", "Core"),
        Focus.MOBILITY: QCoreApplication.translate("Focus", "Mobility"),
    }[item]


def _seconds(value: float) -> str:
    return f"{value:g}"


def parts_text(prescription: Prescription) -> str:
    """The timed parts in order: "Roll 60 s, then stretch 30 s, each side" (the whole of it per
    side), "Roll 60 s, then stretch 30 s each side" (only the stretch)."""
    p = prescription
    texts = []
    for part in p.parts:
        if part.per_side and not p.per_side:
            template = QCoreApplication.translate("DrillText", "{part} {seconds} s each side")
        else:
            template = QCoreApplication.translate("DrillText", "{part} {seconds} s")
        texts.append(template.format(part=part.name, seconds=part.seconds))
    then = QCoreApplication.translate("DrillText", ", then ")
    text = then.join(texts)
    if p.per_side:
        text = QCoreApplication.translate("DrillText", "{parts}, each side").format(parts=text)
    text = text[:1].upper() + text[1:]
    if p.sets > 1:
        return QCoreApplication.translate("DrillText", "{sets} × ({parts})").format(
            sets=p.sets, parts=text
        )
    return text


def dose(prescription: Prescription) -> str:
    """ "3 × 8 reps" or "2 × 30 s hold", with "each side" where it applies; a drill done in
    timed parts names them in order."""
    p = prescription
    if p.parts:
        return parts_text(p)
    if p.reps is not None:
        if p.alternating:
            text = QCoreApplication.translate(
                "DrillText", "{sets} × {reps} reps each side, alternating sides"
            )
        elif p.per_side:
            text = QCoreApplication.translate("DrillText", "{sets} × {reps} reps each side")
        else:
            text = QCoreApplication.translate("DrillText", "{sets} × {reps} reps")
        return text.format(sets=p.sets, reps=p.reps)
    if p.per_side:
        text = QCoreApplication.translate("DrillText", "{sets} × {seconds} s hold each side")
    else:
        text = QCoreApplication.translate("DrillText", "{sets} × {seconds} s hold")
    return text.format(sets=p.sets, seconds=p.hold_seconds)


def tempo(prescription: Prescription) -> str:
    t = prescription.tempo
    return QCoreApplication.translate("DrillText", "{away}-{hold}-{back}-{rest} s").format(
        away=_seconds(t.away), hold=_seconds(t.hold), back=_seconds(t.back), rest=_seconds(t.rest)
    )


def pacing(prescription: Prescription) -> str:
    """How each rep is paced, how to get into and out of a hold, or the change between parts."""
    t = prescription.tempo
    if prescription.parts:
        return QCoreApplication.translate("DrillText", "{seconds} s between parts").format(
            seconds=_seconds(PART_CHANGE_SECONDS)
        )
    if prescription.is_hold:
        return QCoreApplication.translate(
            "DrillText", "{away} s into position, hold {hold} s, {back} s back out"
        ).format(away=_seconds(t.away), hold=prescription.hold_seconds, back=_seconds(t.back))
    return QCoreApplication.translate("DrillText", "{tempo} (there, hold, back, pause)").format(
        tempo=tempo(prescription)
    )


def rest(prescription: Prescription) -> str | None:
    """The rest between sets, or None when there is only one set."""
    if prescription.sets == 1:
        return None
    return QCoreApplication.translate("DrillText", "{seconds} s between sets").format(
        seconds=prescription.rest_seconds
    )


def kind_name(kind: DrillKind) -> str:
    return {
        DrillKind.EXERCISE: QCoreApplication.translate("DrillText", "Exercise"),
        DrillKind.CHECK: QCoreApplication.translate("DrillText", "Check"),
        DrillKind.MOBILITY: QCoreApplication.translate("DrillText", "Mobility"),
    }[kind]


def facts_line(drill: Drill) -> str:
    """Phase, kind, kit and focus in one line under the name."""
    kit = ", ".join(equipment_name(item) for item in sorted(drill.equipment)) or equipment_name(
        NO_EQUIPMENT
    )
    focus = ", ".join(focus_name(item) for item in sorted(drill.focus))
    phase = QCoreApplication.translate("DrillText", "Phase {number}: {name}").format(
        number=int(drill.phase), name=phase_name(drill.phase)
    )
    return " · ".join([phase, kind_name(drill.kind), kit, focus])


def prescription_html(drill: Drill) -> str:
    p = drill.prescription
    if p.parts:
        pace = QCoreApplication.translate("DrillText", "Change")
    elif p.is_hold:
        pace = QCoreApplication.translate("DrillText", "Hold")
    else:
        pace = QCoreApplication.translate("DrillText", "Tempo")
    rows = [(QCoreApplication.translate("DrillText", "Dose"), dose(p)), (pace, pacing(p))]
    between = rest(p)
    if between is not None:
        rows.append((QCoreApplication.translate("DrillText", "Rest"), between))
    cells = "".join(
        f"<tr><td style='padding-right:12px'><b>{escape(label)}</b></td>"
        f"<td>{escape(value)}</td></tr>"
        for label, value in rows
    )
    heading = escape(QCoreApplication.translate("DrillText", "Prescription"))
    cue_heading = escape(QCoreApplication.translate("DrillText", "Cues you will hear"))
    return f"<h3>{heading}</h3><table>{cells}</table><h3>{cue_heading}</h3>{cues_html(drill)}"


def cue_moment_text(drill: Drill, moment: CueMoment, part: str | None = None) -> str:
    """When a cue is said, in the words of the drill's own poses ("On the way to hips up") or
    parts ("During the roll")."""
    poses = drill.figure.poses
    first, last = poses[0].name, poses[-1].name
    if part is not None:
        if moment is CueMoment.BEFORE:
            return QCoreApplication.translate("DrillText", "Before the {part}").format(part=part)
        return QCoreApplication.translate("DrillText", "During the {part}").format(part=part)
    if moment is CueMoment.BEFORE:
        return QCoreApplication.translate("DrillText", "Before each set")
    if moment is CueMoment.OUT:
        return QCoreApplication.translate("DrillText", "On the way to {pose}").format(pose=last)
    if moment is CueMoment.END:
        return QCoreApplication.translate("DrillText", "At {pose}").format(pose=last)
    if moment is CueMoment.BACK:
        return QCoreApplication.translate("DrillText", "On the way back to {pose}").format(
            pose=first
        )
    if drill.prescription.parts:
        return QCoreApplication.translate("DrillText", "During every part")
    return QCoreApplication.translate("DrillText", "During the hold")


def cues_html(drill: Drill) -> str:
    """The drill's cues grouped by the moment each is said, in the order of a rep (or of the
    parts)."""
    rows = []
    parts: list[str | None] = [None, *(part.name for part in drill.prescription.parts)]
    for moment, part in ((m, p) for p in parts for m in CueMoment):
        said = [cue.text for cue in drill.cues if cue.when is moment and cue.part == part]
        if not said:
            continue
        # Non-breaking spaces keep each cue on one line.
        quoted = "&nbsp;&nbsp; ".join(
            "“" + "&nbsp;".join(escape(word) for word in text.split()) + "”" for text in said
        )
        moment_text = escape(cue_moment_text(drill, moment, part))
        rows.append(f"<p style='margin:0 0 4px 0'><i>{moment_text}:</i> {quoted}</p>")
    return "".join(rows)


def _list(items: tuple[str, ...], ordered: bool) -> str:
    tag = "ol" if ordered else "ul"
    body = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f"<{tag} style='margin-left:-16px'>{body}</{tag}>"


def _links(ids: tuple[str, ...], names: dict[str, str]) -> str:
    return ", ".join(f"<a href='drill:{escape(i)}'>{escape(names.get(i, i))}</a>" for i in ids)


def _heading(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def _check_html(drill: Drill) -> list[str]:
    check = drill.check
    if check is None:
        return []
    parts = [_heading(QCoreApplication.translate("DrillText", "What the result looks like"))]
    if check.result is CheckResult.MEASURE and check.measure:
        if check.target is not None:
            text = QCoreApplication.translate(
                "DrillText", "Measure: {measure}, {low:g}–{high:g} {unit} (aim: {target:g} {unit})"
            )
        else:
            text = QCoreApplication.translate(
                "DrillText", "Measure: {measure}, {low:g}–{high:g} {unit}"
            )
        measure = text.format(
            measure=check.measure,
            low=check.minimum,
            high=check.maximum,
            unit=check.unit,
            target=check.target,
        )
        parts.append(f"<p>{escape(measure)}</p>")
    else:
        parts.append(f"<p>{escape(QCoreApplication.translate('DrillText', 'Pass or fail.'))}</p>")
    passed = QCoreApplication.translate("DrillText", "Pass:")
    parts.append(f"<p><b>{escape(passed)}</b> {escape(check.pass_when)}</p>")
    if check.criteria:
        parts.append(_list(check.criteria, ordered=False))
    return parts


def detail_html(drill: Drill, names: dict[str, str]) -> str:
    """The teaching part of the detail pane; neighbour links are ``drill:ID`` URLs."""
    fix = escape(QCoreApplication.translate("DrillText", "Fix:"))
    faults = "".join(
        f"<li><b>{escape(f.fault)}</b><br/>{fix} {escape(f.fix)}</li>" for f in drill.faults
    )
    parts = [
        f"<p>{escape(drill.purpose)}</p>",
        *_check_html(drill),
        _heading(QCoreApplication.translate("DrillText", "Set-up")),
        _list(drill.setup, ordered=True),
        _heading(QCoreApplication.translate("DrillText", "How to do it")),
        _list(drill.steps, ordered=True),
        _heading(QCoreApplication.translate("DrillText", "Common faults and their fixes")),
        f"<ul style='margin-left:-16px'>{faults}</ul>",
        _heading(QCoreApplication.translate("DrillText", "Safety")),
        _list(drill.safety, ordered=False),
    ]
    if drill.easier or drill.harder:
        parts.append(_heading(QCoreApplication.translate("DrillText", "Neighbours on the ladder")))
        lines = []
        if drill.easier:
            label = escape(QCoreApplication.translate("DrillText", "Easier:"))
            lines.append(f"{label} {_links(drill.easier, names)}")
        if drill.harder:
            label = escape(QCoreApplication.translate("DrillText", "Harder:"))
            lines.append(f"{label} {_links(drill.harder, names)}")
        parts.append("<p>" + "<br/>".join(lines) + "</p>")
    titles = "; ".join(SOURCES.get(source, source) for source in drill.sources)
    source = escape(QCoreApplication.translate("DrillText", "From:"))
    parts.append(f"<p><small>{source} {escape(titles)}</small></p>")
    return "".join(parts)
