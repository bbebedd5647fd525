"""Keep the speaker's voice, rate and volume in step with the settings."""

from __future__ import annotations

from hinge_desktop.speech.speaker import Speaker, VoiceSettings
from hinge_desktop.ui.preferences import VOICE, VOICE_RATE, VOICE_VOLUME, Preferences

_KEYS = {VOICE.key, VOICE_RATE.key, VOICE_VOLUME.key}


def voice_settings(preferences: Preferences) -> VoiceSettings:
    return VoiceSettings(
        voice=preferences.get(VOICE),
        rate=preferences.get(VOICE_RATE),
        volume=preferences.get(VOICE_VOLUME) / 100,
    )


def follow_voice_preferences(preferences: Preferences, speaker: Speaker) -> None:
    """Configure ``speaker`` now and whenever one of its settings changes."""
    speaker.configure(voice_settings(preferences))

    def changed(key: str) -> None:
        if key in _KEYS:
            speaker.configure(voice_settings(preferences))

    preferences.changed.connect(changed)
