"""The running workout as a media player of the desktop (MPRIS): headset buttons, keyboard
media keys and the desktop's media panel and lock screen pause, resume, skip and go back, and
show the drill, the step and its figure.

Hinge takes the bus name ``org.mpris.MediaPlayer2.hinge`` when the first workout is loaded (a
second Hinge adds ``.instance<pid>``, as the specification asks) and gives it up at quit.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import ClassInfo, Property, QMetaType, QObject, Signal, Slot
from PySide6.QtDBus import (
    QDBusAbstractAdaptor,
    QDBusArgument,
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
)

from hinge_desktop import APP_ID, APP_NAME
from hinge_desktop.ui.desktop.bus_calls import BusError, DesktopBus

BUS_NAME = "org.mpris.MediaPlayer2.hinge"
PATH = "/org/mpris/MediaPlayer2"
ROOT = "org.mpris.MediaPlayer2"
PLAYER = "org.mpris.MediaPlayer2.Player"
NO_TRACK = "/org/mpris/MediaPlayer2/TrackList/NoTrack"

PLAYING, PAUSED, STOPPED = "Playing", "Paused", "Stopped"


@dataclass(frozen=True)
class NowPlaying:
    """What the desktop's media controls show: the workout's state and where it is."""

    status: str = STOPPED
    """Playing (running), Paused (started and paused, or ready to start) or Stopped (none)."""
    drill: str = ""
    step: str = ""
    """Where the workout is, in a few words: "Set 2 of 3", "Rest 0:45"."""
    workout: str = ""
    art_url: str = ""
    """A file URL of the drill's figure as a picture, or empty."""
    index: int = -1
    """The step's place in the workout (the track's id), -1 for none."""
    can_go_next: bool = False
    can_go_previous: bool = False

    def metadata(self) -> dict[str, object]:
        if self.index < 0:
            return {"mpris:trackid": QDBusObjectPath(NO_TRACK)}
        data: dict[str, object] = {
            "mpris:trackid": QDBusObjectPath(f"/org/hinge/Step/{self.index}"),
            "xesam:title": self.drill or self.workout,
            "xesam:artist": [self.step] if self.step else [],
            "xesam:album": self.workout,
        }
        if self.art_url:
            data["mpris:artUrl"] = self.art_url
        return data


@ClassInfo({"D-Bus Interface": ROOT})
class _RootAdaptor(QDBusAbstractAdaptor):
    def __init__(self, player: MediaPlayer) -> None:
        super().__init__(player)
        self._player = player

    @Slot()
    def Raise(self) -> None:
        self._player.raise_requested.emit()

    @Slot()
    def Quit(self) -> None:
        """CanQuit is false: a headset button never ends a workout or Hinge."""

    def _false(self) -> bool:
        return False

    def _true(self) -> bool:
        return True

    def _identity(self) -> str:
        return APP_NAME

    def _desktop_entry(self) -> str:
        return APP_ID

    def _none(self) -> list[str]:
        return []

    CanQuit = Property(bool, _false)
    CanRaise = Property(bool, _true)
    HasTrackList = Property(bool, _false)
    Identity = Property(str, _identity)
    DesktopEntry = Property(str, _desktop_entry)
    SupportedUriSchemes = Property("QStringList", _none)
    SupportedMimeTypes = Property("QStringList", _none)


@ClassInfo({"D-Bus Interface": PLAYER})
class _PlayerAdaptor(QDBusAbstractAdaptor):
    Seeked = Signal("qlonglong")
    """Part of the interface; never sent, as nothing seeks in a workout (CanSeek is false)."""

    def __init__(self, player: MediaPlayer) -> None:
        super().__init__(player)
        self._player = player

    @Slot()
    def PlayPause(self) -> None:
        self._player.play_pause_requested.emit()

    @Slot()
    def Play(self) -> None:
        if self._player.now.status != PLAYING:
            self._player.play_pause_requested.emit()

    @Slot()
    def Pause(self) -> None:
        if self._player.now.status == PLAYING:
            self._player.play_pause_requested.emit()

    @Slot()
    def Stop(self) -> None:
        """Stop pauses: what was done stays, and the workout goes on when the person wants."""
        self.Pause()

    @Slot()
    def Next(self) -> None:
        if self._player.now.can_go_next:
            self._player.next_requested.emit()

    @Slot()
    def Previous(self) -> None:
        if self._player.now.can_go_previous:
            self._player.previous_requested.emit()

    @Slot("qlonglong")
    def Seek(self, _offset: int) -> None:
        """CanSeek is false: a workout's time is the person's, not a track's."""

    @Slot(QDBusObjectPath, "qlonglong")
    def SetPosition(self, _track: QDBusObjectPath, _position: int) -> None:
        """CanSeek is false."""

    @Slot(str)
    def OpenUri(self, _uri: str) -> None:
        """No URI schemes are supported."""

    def _status(self) -> str:
        return self._player.now.status

    def _metadata(self) -> dict[str, object]:
        return self._player.now.metadata()

    def _can_go_next(self) -> bool:
        return self._player.now.can_go_next

    def _can_go_previous(self) -> bool:
        return self._player.now.can_go_previous

    def _can_play(self) -> bool:
        return self._player.now.index >= 0

    def _false(self) -> bool:
        return False

    def _true(self) -> bool:
        return True

    def _one(self) -> float:
        return 1.0

    def _position(self) -> int:
        return 0

    PlaybackStatus = Property(str, _status)
    Metadata = Property("QVariantMap", _metadata)
    Rate = Property(float, _one)
    MinimumRate = Property(float, _one)
    MaximumRate = Property(float, _one)
    Volume = Property(float, _one)
    Position = Property("qlonglong", _position)
    CanGoNext = Property(bool, _can_go_next)
    CanGoPrevious = Property(bool, _can_go_previous)
    CanPlay = Property(bool, _can_play)
    CanPause = Property(bool, _can_play)
    CanSeek = Property(bool, _false)
    CanControl = Property(bool, _true)


def _shown(now: NowPlaying) -> tuple[object, ...]:
    return (now.index, now.drill, now.step, now.workout, now.art_url)


def _changed(before: NowPlaying, after: NowPlaying) -> dict[str, object]:
    """The player's properties that differ between two states, as PropertiesChanged sends."""
    changed: dict[str, object] = {}
    if before.status != after.status:
        changed["PlaybackStatus"] = after.status
    if _shown(before) != _shown(after):
        changed["Metadata"] = after.metadata()
    if before.can_go_next != after.can_go_next:
        changed["CanGoNext"] = after.can_go_next
    if before.can_go_previous != after.can_go_previous:
        changed["CanGoPrevious"] = after.can_go_previous
    if (before.index >= 0) != (after.index >= 0):
        changed["CanPlay"] = changed["CanPause"] = after.index >= 0
    return changed


class MediaPlayer(QObject):
    """Hinge's MPRIS player: the controls it is asked for come out as signals, and
    :meth:`show` tells the desktop what to show."""

    play_pause_requested = Signal()
    next_requested = Signal()
    previous_requested = Signal()
    raise_requested = Signal()

    def __init__(self, bus: DesktopBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus
        self.now = NowPlaying()
        self._root = _RootAdaptor(self)
        self._player = _PlayerAdaptor(self)
        self._name: str | None = None
        self._registering = False

    def bus_name(self) -> str | None:
        """The name Hinge's player has on the bus, once taken."""
        return self._name

    def show(self, now: NowPlaying) -> None:
        """The workout changed: what the desktop shows follows (registered at the first)."""
        before, self.now = self.now, now
        if self._name is None:
            if not self._registering and now.index >= 0:
                self._register()
            return
        changed = _changed(before, now)
        if changed:
            self._announce(changed)

    def shutdown(self) -> None:
        """Give the bus name up (on the bus lane, before it ends)."""
        name, self._name = self._name, None
        if name is None and self._registering:
            # Still being taken: given up right after, on the same lane.
            self._bus.submit(_unregister_any, lambda _: None, lambda _: None)
        elif name is not None:
            self._bus.submit(lambda: _unregister(name), lambda _: None, lambda _: None)

    def _register(self) -> None:
        self._registering = True
        self._bus.submit(lambda: _register(self), self._registered, self._not_registered)

    def _registered(self, name: object) -> None:
        self._registering = False
        self._name = str(name)
        self._announce(_changed(NowPlaying(), self.now))

    def _not_registered(self, _error: Exception) -> None:
        # No bus, or no name to be had: the keyboard and the buttons still work.
        self._registering = False

    def _announce(self, changed: dict[str, object]) -> None:
        signal = QDBusMessage.createSignal(
            PATH, "org.freedesktop.DBus.Properties", "PropertiesChanged"
        )
        invalidated = QDBusArgument()
        invalidated.beginArray(QMetaType(QMetaType.Type.QString))
        invalidated.endArray()
        signal.setArguments([PLAYER, changed, invalidated])
        QDBusConnection.sessionBus().send(signal)


def _register(player: MediaPlayer) -> str:
    """Export the player and take its name; runs on the bus lane."""
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        raise BusError("there is no session bus")
    if not bus.registerObject(PATH, player, QDBusConnection.RegisterOption.ExportAdaptors):
        raise BusError(bus.lastError().message() or f"{PATH} is taken")
    for name in (BUS_NAME, f"{BUS_NAME}.instance{os.getpid()}"):
        if bus.registerService(name):
            return name
    bus.unregisterObject(PATH)
    raise BusError(bus.lastError().message() or f"{BUS_NAME} is taken")


def _unregister_any() -> None:
    """Give up whichever of Hinge's player names this process took."""
    bus = QDBusConnection.sessionBus()
    for name in (BUS_NAME, f"{BUS_NAME}.instance{os.getpid()}"):
        bus.unregisterService(name)
    bus.unregisterObject(PATH)


def _unregister(name: str) -> None:
    bus = QDBusConnection.sessionBus()
    bus.unregisterService(name)
    bus.unregisterObject(PATH)
