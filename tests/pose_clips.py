"""Clips made from the drill's figure, for the pose assist's tests: frames drawn at 640×480 with
the body at about two thirds of the height, each with the truth about its angles and rep."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

from system_tools import missing

from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.figure import scene
from hinge_desktop.domain.pose.reading import BodyReading, read_body
from hinge_desktop.domain.pose.rep_script import Fault, ScriptFrame, rep_script
from hinge_desktop.ui.camera.frame_pixels import rgb_pixels
from hinge_desktop.ui.camera.generated_frames import FigureCamera


def require_pose_extra() -> None:
    if importlib.util.find_spec("mediapipe") is None:
        missing("the pose extra is not installed (pip install 'hinge-desktop[pose]')")


def frames(
    drill: Drill, faults: list[Fault], fps: float
) -> Iterator[tuple[ScriptFrame, BodyReading]]:
    """Each frame of the reps with the truth: the figure's own angles at that moment."""
    for frame in rep_script(drill, faults, fps=fps):
        yield frame, read_body(scene(drill.figure, frame.angles).points)


def write_clip(
    path: Path, drill: Drill, faults: list[Fault], fps: float = 30.0, upto: float | None = None
) -> int:
    """An MP4 of the reps, as a phone would film them (stopped ``upto`` seconds in, if given);
    returns its number of frames."""
    import cv2  # comes with the pose extra

    camera = FigureCamera(drill)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, (640, 480))
    count = 0
    try:
        for frame, _truth in frames(drill, faults, fps):
            if upto is not None and count >= upto * fps:
                break
            writer.write(cv2.cvtColor(rgb_pixels(camera.frame(frame.angles)), cv2.COLOR_RGB2BGR))
            count += 1
    finally:
        writer.release()
    return count
