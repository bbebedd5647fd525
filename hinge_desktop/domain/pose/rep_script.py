"""Reps of a drill as a moving figure, done well or with one of the faults the camera cues:
the angles of every frame, so pictures drawn from them come with the truth about each rep."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.figure import angles_at


class Fault(StrEnum):
    NONE = "good"
    KNEES_FORWARD = "knees forward"
    """The hinge turned into a squat: knees well forward, hips kept over the feet."""
    LOCKED_KNEES = "locked knees"
    SHALLOW = "shallow"
    """Half the drill's hinge."""


def faulty(
    angles: dict[str, float], top: dict[str, float], deepest_hip: float, fault: Fault
) -> dict[str, float]:
    """A pose of the drill changed into its faulty form; the top of the rep stays as it was.
    ``deepest_hip`` is the hip bend of the drill's deepest pose."""
    changed = dict(angles)
    share = max(0.0, min(1.0, (angles["hip"] - top["hip"]) / max(1.0, deepest_hip - top["hip"])))
    if fault is Fault.SHALLOW:
        for key in changed:
            changed[key] = top[key] + (angles[key] - top[key]) * 0.45
    elif fault is Fault.LOCKED_KNEES:
        for key in ("knee", "far_knee"):
            changed[key] = 0.0
        for key in ("ankle", "far_ankle"):
            changed[key] = 0.0
    elif fault is Fault.KNEES_FORWARD:
        changed["trunk"] = top["trunk"] + (angles["trunk"] - top["trunk"]) * 0.5
        changed["hip"] = top["hip"] + (angles["hip"] - top["hip"]) * 0.8
        for side in ("", "far_"):
            changed[f"{side}knee"] = angles[f"{side}knee"] + 60.0 * share
            changed[f"{side}ankle"] = angles[f"{side}ankle"] + 30.0 * share
    return changed


@dataclass(frozen=True)
class ScriptFrame:
    seconds: float
    angles: dict[str, float]
    rep: int
    """The rep under way (from 1), or 0 before the first."""
    fault: Fault


def rep_script(
    drill: Drill, faults: list[Fault], fps: float = 30.0, lead: float = 1.0
) -> Iterator[ScriptFrame]:
    """Frames of ``len(faults)`` reps at the drill's tempo, each done with its fault, after
    ``lead`` seconds standing at the top."""
    figure, tempo = drill.figure, drill.prescription.tempo
    top = figure.poses[0].angles()
    deepest = max(pose.hip for pose in figure.poses)
    rep_seconds = tempo.rep_seconds
    total = lead + rep_seconds * len(faults)
    frame = 0
    while frame / fps < total:
        seconds = frame / fps
        frame += 1
        if seconds < lead:
            yield ScriptFrame(seconds, dict(top), 0, Fault.NONE)
            continue
        index = min(int((seconds - lead) // rep_seconds), len(faults) - 1)
        within = seconds - lead - index * rep_seconds
        angles = angles_at(figure, tempo, within)
        yield ScriptFrame(
            seconds, faulty(angles, top, deepest, faults[index]), index + 1, faults[index]
        )
