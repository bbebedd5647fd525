"""Whether there is a display for the window, told before Qt is asked (Qt's own message on a
machine without one blames a missing xcb library instead of the missing display)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

WINDOWED = ("", "xcb", "wayland", "wayland-egl")
"""Qt platforms that need a display (the empty one is Qt's choice, which needs one on Linux)."""


def no_display(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str | None:
    """Why the window cannot open here, in one line with what to do instead; None when it can
    (a display is set, Qt is told to draw off screen or elsewhere, or the system is not Linux's
    kind, where a desktop always has one)."""
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    qt_platform = environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if qt_platform not in WINDOWED:
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "Hinge needs a display to open its window, and there is none here (neither DISPLAY nor "
        "WAYLAND_DISPLAY is set). On a machine without one, run it on a virtual display: "
        "xvfb-run -a hinge-desktop; or render a view without any display: "
        "hinge-desktop --screenshot drills drills.png."
    )
