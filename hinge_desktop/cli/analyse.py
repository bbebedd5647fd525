"""``--analyse VIDEO --drill ID``: the pose assist run over a clip filmed from the side.

One line per rep (its number, when it ended, the deepest hip bend, the knee there, the cues it
would give) and a summary line; exit 0. A drill that is not known or not followed by the camera,
a file that is not a video, or no pose extra: one line saying so, and a non-zero exit.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hinge_desktop import COMMAND

UNUSABLE = 2
"""The exit code for a drill, or a file, that cannot be analysed."""
NO_POSE_EXTRA = 3


def _fail(message: str, code: int) -> int:
    print(f"{COMMAND}: {message}", file=sys.stderr, flush=True)
    return code


def _clock(seconds: float) -> str:
    minutes, rest = divmod(max(0.0, seconds), 60)
    return f"{int(minutes)}:{rest:04.1f}"


def run_analyse(video: Path, drill_id: str) -> int:
    from hinge_desktop.domain.catalogue import CatalogueError, builtin_catalogue
    from hinge_desktop.domain.pose.targets import pose_targets
    from hinge_desktop.vision.pose_model import INSTALL, pose_model_installed

    try:
        catalogue = builtin_catalogue()
    except CatalogueError as error:
        return _fail(str(error), 1)
    followed = sorted(drill.id for drill in catalogue if pose_targets(drill) is not None)
    if drill_id not in catalogue:
        return _fail(
            f"no drill has the id {drill_id!r}; the camera follows: {', '.join(followed)}",
            UNUSABLE,
        )
    drill = catalogue.get(drill_id)
    targets = pose_targets(drill)
    if targets is None:
        return _fail(
            f"the camera follows standing hinge drills, and {drill.name} ({drill_id}) is not "
            f"one; it follows: {', '.join(followed)}",
            UNUSABLE,
        )
    if not video.is_file():
        return _fail(f"there is no file at {video}", UNUSABLE)
    if not pose_model_installed():
        return _fail(
            f"analysing a clip needs the pose assist, which is not installed: {INSTALL} "
            "(Python 3.11 or 3.12)",
            NO_POSE_EXTRA,
        )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt Multimedia's notes on its codecs and libraries say nothing a person can act on here.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false;qt.rhi*=false")
    return _analyse(video, drill.name, targets)


def _analyse(video: Path, name: str, targets) -> int:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication, QImage

    from hinge_desktop.domain.pose.coach import PoseCoach
    from hinge_desktop.domain.pose.form import CueGate
    from hinge_desktop.domain.pose.reading import landmark_reading
    from hinge_desktop.qt_messages import drop_qt_message
    from hinge_desktop.ui.camera.frame_pixels import rgb_pixels
    from hinge_desktop.ui.camera.frame_sources import NO_GPU
    from hinge_desktop.ui.camera.video_file import VideoError, VideoFileFrames
    from hinge_desktop.vision.pose_model import PoseModel, PoseModelMissing

    app = QGuiApplication.instance() or QGuiApplication([COMMAND])
    drop_qt_message(NO_GPU)
    try:
        model = PoseModel()
    except PoseModelMissing as error:
        return _fail(f"the pose assist could not start: {error}", NO_POSE_EXTRA)
    # Every rep's cues are printed; none is held back as a spoken one would be.
    coach = PoseCoach(targets, CueGate(gap=0.0, same_gap=0.0))
    seen = [0, 0]  # frames, frames with a body
    deepest = [0.0]  # the deepest hip bend the reps are counted from (smoothed)

    def frame(seconds: float, image: QImage) -> None:
        seen[0] += 1
        found = model.find(rgb_pixels(image))
        reading = landmark_reading(found, image.width(), image.height()) if found else None
        seen[1] += reading is not None
        update = coach.add(seconds, reading)
        deepest[0] = max(deepest[0], update.reading.hip if update.reading is not None else 0.0)
        if update.rep is None:
            return
        rep = update.rep
        cues = ", ".join(cue.value for cue in update.cues) or "none"
        if not rep.seen_whole:
            cues = "none (the whole body was not in view)"
        print(
            f"rep {rep.number}  at {_clock(rep.end)}  deepest hip {rep.bottom.hip:.0f}°  "
            f"knee {rep.bottom.knee:.0f}°  cues: {cues}",
            flush=True,
        )

    reader = VideoFileFrames(video, frame, rate=8.0)
    try:
        reader.read()
    except VideoError as error:
        return _fail(str(error), UNUSABLE)
    finally:
        model.close()
        del app
    reps = coach.count
    print(
        f"{name}: {reps} {'rep' if reps == 1 else 'reps'} in {_clock(reader.end)} "
        f"({seen[0]} frames, a body found in {seen[1]})",
        flush=True,
    )
    if seen[1] == 0:
        print(
            f"{COMMAND}: no person was found in the clip: film from the side, the whole body "
            "in view",
            file=sys.stderr,
        )
    elif reps == 0:
        print(f"{COMMAND}: {_no_rep(targets, deepest[0], coach.in_rep)}", file=sys.stderr)
    return 0


def _no_rep(targets, deepest: float, in_rep: bool) -> str:  # type: ignore[no-untyped-def]
    """Why a clip with a body in it has no whole rep."""
    from hinge_desktop.domain.pose.reps import rep_bounds

    down, up = rep_bounds(targets)
    rule = (
        f"A rep counts from standing, with the hip bent under {up:.0f}°, down past {down:.0f}° "
        f"and back under {up:.0f}°."
    )
    if in_rep:
        why = f"the clip ended before the hip came back under {up:.0f}°"
    elif deepest >= down:
        why = (
            f"the hip bent to {deepest:.0f}°, but the clip did not show standing before it, or "
            "the body was out of view during it"
        )
    else:
        why = f"the deepest hip bend in the clip was {deepest:.0f}°"
    return f"no whole rep: {why}. {rule}"
