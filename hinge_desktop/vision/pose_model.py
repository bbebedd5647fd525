"""BlazePose, from mediapipe's wheel: the points of a body in a picture, offline.

mediapipe 0.10.21 ships the "full" pose model and its detector inside the wheel, and the legacy
``solutions.pose`` API runs them with nothing downloaded; the newer Tasks API needs a model
bundle that no wheel carries, and the lite and heavy models are fetched at run time. So Hinge
uses the legacy API at model complexity 1. Install with ``pip install 'hinge-desktop[pose]'``
(Python 3.9 to 3.12).
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from hinge_desktop.domain.pose.reading import Landmark

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

INSTALL = "pip install 'hinge-desktop[pose]'"
"""The command that adds the pose assist, for messages."""

# mediapipe's names for the points the readings use.
POINTS: dict[str, str] = {
    "nose": "NOSE",
    **{
        f"{side}_{ours}": f"{side.upper()}_{theirs}"
        for side in ("left", "right")
        for ours, theirs in (
            ("shoulder", "SHOULDER"),
            ("hip", "HIP"),
            ("knee", "KNEE"),
            ("ankle", "ANKLE"),
            ("heel", "HEEL"),
            ("toe", "FOOT_INDEX"),
        )
    },
}


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """The model's C++ side writes its start-up notes straight to file descriptor 2; they say
    nothing a person can act on, so they go nowhere while it starts."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class PoseModelMissing(RuntimeError):
    """The pose extra is not installed."""


def pose_model_installed() -> bool:
    """Whether mediapipe can be imported, without importing it (that takes a second)."""
    try:
        return importlib.util.find_spec("mediapipe") is not None
    except (ImportError, ValueError):
        return False


class PoseModel:
    """Finds one body per picture, following it from frame to frame (tracking mode): about
    20–25 ms a frame at 640×480 on one core. Use it from one thread only."""

    def __init__(self) -> None:
        try:
            from mediapipe.python.solutions import pose as mp_pose
        except ImportError as error:
            raise PoseModelMissing(str(error)) from error
        self._indices = {
            ours: mp_pose.PoseLandmark[theirs].value for ours, theirs in POINTS.items()
        }
        with _quiet_stderr():
            self._pose: Any = mp_pose.Pose(
                static_image_mode=False, model_complexity=1, smooth_landmarks=True
            )
            # The graph opens its models on threads of its own, noting it as they do: a first
            # (empty) picture waits for them, so the notes come while they go nowhere.
            import numpy as np

            self._pose.process(np.zeros((64, 64, 3), np.uint8))
        self._started = False

    def find(self, rgb: npt.NDArray[np.uint8]) -> dict[str, Landmark] | None:
        """The body's points in pixels of ``rgb`` (height × width × 3, uint8), or None."""
        height, width = rgb.shape[:2]
        if self._started:
            result = self._pose.process(rgb)
        else:
            # Its notes come again with the first body found.
            with _quiet_stderr():
                result = self._pose.process(rgb)
            self._started = result.pose_landmarks is not None
        if result.pose_landmarks is None:
            return None
        found = result.pose_landmarks.landmark
        return {
            name: Landmark(found[i].x * width, found[i].y * height, found[i].visibility)
            for name, i in self._indices.items()
        }

    def close(self) -> None:
        self._pose.close()
