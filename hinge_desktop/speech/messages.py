"""What the person is told when the coach cannot speak, in plain words, with how to fix it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("Speech", text)


def no_engine_message() -> str:
    if sys.platform.startswith("linux"):
        return _tr(
            "Hinge found no speech engine, so the cues are shown but not spoken. To hear them, "
            "install espeak-ng (on Debian or Ubuntu: sudo apt install espeak-ng) and start "
            "Hinge again."
        )
    return _tr(
        "Hinge could not start the system's speech voices, so the cues are shown but not "
        "spoken. Check that a text-to-speech voice is installed, then start Hinge again."
    )


def no_sound_message(reason: str) -> str:
    return _tr(
        "Hinge cannot play sound ({reason}), so the cues are shown but not spoken. Check that "
        "a sound output is connected and not in use, then start Hinge again."
    ).format(reason=reason)
