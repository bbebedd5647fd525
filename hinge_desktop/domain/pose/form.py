"""The three cues a side view can back with angles, and how often they may be said.

Each comes from the articles (``SOURCES``) and each is judged only from
the angles the camera measures at the rep's deepest point. None is about the shape of the back.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from hinge_desktop.domain.pose.reps import Rep
from hinge_desktop.domain.pose.targets import PoseTargets


class FormCue(StrEnum):
    HIPS_BACK = "hips back"
    """Knees travelling forward while the hips stay over the feet: the hinge turning into a
    squat. Articles 000 ("hips back"), 003 ("push your hips back") and 004 (a slight push of the
    knees, "otherwise it turns into a squat")."""
    SOFT_KNEES = "soft knees"
    """Knees locked straight in a drill done with them unlocked. Article 002 ("unlock your
    knees", "slight bend in the knees, NOT straight")."""
    HIPS_FURTHER = "push the hips back further"
    """A rep well short of the drill's hinge. Article 003 ("push your hips back"); how deep is
    the drill's own figure, as article 002 sets the RDL's (about mid-shin)."""


SOURCES: dict[FormCue, tuple[str, ...]] = {
    FormCue.HIPS_BACK: (
        "000_f0d8267c270ae285.txt",
        "003_b0ad731887608956.txt",
        "004_dee04668fea2a83d.txt",
    ),
    FormCue.SOFT_KNEES: ("002_f3b9e46bc58ab9f6.txt",),
    FormCue.HIPS_FURTHER: ("003_b0ad731887608956.txt", "002_f3b9e46bc58ab9f6.txt"),
}
"""The articles each cue is written from (``domain/sources.py``)."""

KNEES_FORWARD_BEND = 25.0
"""Degrees more knee bend than the drill's deepest pose asks for."""
HIPS_OVER_FEET = 0.12
"""Leg lengths less far behind the ankle than the drill's deepest pose puts the hips."""
LOCKED = 10.0
"""Knee bend in degrees at or under which a knee counts as locked straight."""
SOFT = 15.0
"""Knee bend the drill's deepest pose must have for locked knees to be a fault."""
DEEP_ENOUGH = 0.7
"""The share of the drill's hip range a rep must reach."""


def rep_cues(rep: Rep, targets: PoseTargets) -> tuple[FormCue, ...]:
    """The cues the angles at this rep's deepest point back, most important first; none when
    the whole body was not clearly in the picture."""
    if not rep.seen_whole:
        return ()
    bottom, aim = rep.bottom, targets.bottom
    cues = []
    if (
        bottom.knee > aim.knee + KNEES_FORWARD_BEND
        and bottom.hips_back < aim.hips_back - HIPS_OVER_FEET
    ):
        cues.append(FormCue.HIPS_BACK)
    if bottom.knee <= LOCKED and aim.knee >= SOFT:
        cues.append(FormCue.SOFT_KNEES)
    if bottom.hip < targets.top.hip + DEEP_ENOUGH * targets.hip_range:
        cues.append(FormCue.HIPS_FURTHER)
    return tuple(cues)


@dataclass
class CueGate:
    """Lets a cue be said at most once per ``gap`` seconds, and the same one at most once per
    ``same_gap``: a coach watching, not a nag."""

    gap: float = 8.0
    same_gap: float = 20.0
    _last: float | None = None
    _said: dict[FormCue, float] | None = None

    def pick(self, seconds: float, cues: tuple[FormCue, ...]) -> FormCue | None:
        """The cue to say now, if any, and remember it as said."""
        said = self._said if self._said is not None else {}
        if self._last is not None and seconds - self._last < self.gap:
            return None
        for cue in cues:
            if cue in said and seconds - said[cue] < self.same_gap:
                continue
            said[cue] = seconds
            self._said, self._last = said, seconds
            return cue
        return None
