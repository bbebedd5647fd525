"""The pose assist's angles in words, beside the drill's aim at the bottom of the rep."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from hinge_desktop.domain.pose.reading import BodyReading
from hinge_desktop.domain.pose.targets import PoseTargets


def tr(text: str) -> str:
    return QCoreApplication.translate("Camera", text)


def readout_text(reading: BodyReading | None, targets: PoseTargets | None) -> str:
    if reading is None or targets is None:
        return tr("Step into the picture, side-on.")
    aim = targets.bottom
    text = tr(
        "hip {hip}° (aim {hip_aim}°) · knee {knee}° (aim {knee_aim}°) · trunk {trunk}°"
    ).format(
        hip=f"{reading.hip:.0f}",
        hip_aim=f"{aim.hip:.0f}",
        knee=f"{reading.knee:.0f}",
        knee_aim=f"{aim.knee:.0f}",
        trunk=f"{reading.trunk:.0f}",
    )
    if not reading.whole_body:
        text += " · " + tr("the whole body is not in view: no cues")
    return text


def longest_readout() -> str:
    """The most the readout says: every angle and aim in three figures, and the body not in
    view."""
    wide = BodyReading(hip=188, knee=188, trunk=188, hips_back=0, knees_forward=0)
    aims = PoseTargets(drill_id="", top=wide, bottom=wide)
    return readout_text(replace(wide, whole_body=False), aims)


class SteadyReadout:
    """The readout held steady: what it says of the body being in view changes only once a
    change has lasted ``hold`` seconds of the frames' own time, so the model's doubt for a
    moment (a joint read at 0.59 where 0.6 counts as seen, for 18 frames on the wall hip hinge's
    figure) does not make the words come and go, however many frames a second are analysed.
    Cues are judged rep by rep, apart from this."""

    def __init__(self, hold: float = 1.0) -> None:
        self._hold = hold
        self._in_view = True
        self._since: float | None = None
        """When the frames began to disagree with what is shown."""
        self._last: BodyReading | None = None

    def text(self, reading: BodyReading | None, targets: PoseTargets | None, seconds: float) -> str:
        seen = reading is not None and reading.whole_body
        if seen == self._in_view:
            self._since = None
        elif self._since is None:
            self._since = seconds
        if self._since is not None and seconds - self._since >= self._hold:
            self._in_view, self._since = seen, None
        if reading is not None:
            self._last = reading
        shown = self._last if reading is None and self._in_view else reading
        if shown is not None and shown.whole_body != self._in_view:
            shown = replace(shown, whole_body=self._in_view)
        return readout_text(shown, targets)
