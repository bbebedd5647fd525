"""The words of the question asked before starting a drill above the person's rung: the drill's
rung, the person's, and what opens the next one, as the ladder words its gates."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hinge_desktop.domain.drills import Drill, Phase
from hinge_desktop.domain.ladder import LadderState
from hinge_desktop.ui.drill_text import phase_name
from hinge_desktop.ui.ladder_text import gate_count, gate_text


def _t(text: str) -> str:
    return QCoreApplication.translate("RungText", text)


def rung_name(phase: Phase) -> str:
    """ "rung 5, loading": the rung's number and name."""
    return _t("rung {number}, {name}").format(number=int(phase), name=phase_name(phase).lower())


def above_rung_text(drill: Drill, state: LadderState, routine: str | None) -> tuple[str, str]:
    """The question and its details: "Kettlebell deadlift is on rung 5, loading. You are on
    rung 3, patterning.", then what opens the next rung and the count so far. ``routine`` names
    the routine the drill is in (None: the drill alone)."""
    if routine is None:
        where = _t("{drill} is on {rung}.").format(drill=drill.name, rung=rung_name(drill.phase))
    else:
        where = _t("{routine} includes {drill}, on {rung}.").format(
            routine=routine, drill=drill.name, rung=rung_name(drill.phase)
        )
    you = _t("You are on {rung}.").format(rung=rung_name(state.phase))
    gate = gate_text(state)
    count = gate_count(state)
    if count:
        gate = _t("{gate} So far: {count}.").format(gate=gate, count=count)
    return f"{where} {you}", gate
