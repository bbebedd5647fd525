"""The pose assist's angles in words, beside the drill's aim at the bottom of the rep."""

from __future__ import annotations

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
