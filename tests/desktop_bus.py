"""The desktop's services as tests meet them: stand-ins (desktop_stand_ins.py) started as a
process of their own on this run's private session bus (conftest.py), and what they recorded."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import SLOT, QObject, Slot
from PySide6.QtDBus import QDBusConnection
from system_tools import missing

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

T = TypeVar("T")

STAND_INS = Path(__file__).with_name("desktop_stand_ins.py")


def require_session_bus() -> None:
    if not os.environ.get("HINGE_TEST_SESSION_BUS"):
        missing("dbus-daemon is not installed (Debian package dbus-daemon)")


class StandIns:
    """A stand-in process and what it has recorded so far, one list of fields per call."""

    def __init__(self, *services: str) -> None:
        self._process = subprocess.Popen(
            [sys.executable, str(STAND_INS), *services],
            stdout=subprocess.PIPE,
            stdin=subprocess.PIPE,
            text=True,
        )
        self._records: list[list[object]] = []
        self._lock = threading.Lock()
        assert self._process.stdout is not None
        first = self._process.stdout.readline()
        if json.loads(first or "null") != ["ready"]:
            self.stop()
            raise RuntimeError(f"the stand-ins {services} did not start: {first!r}")
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            with self._lock:
                self._records.append(json.loads(line))

    def records(self, service: str, call: str | None = None) -> list[list[object]]:
        """What ``service`` recorded (of ``call`` only, if given), without the service's name."""
        with self._lock:
            return [
                r[1:] for r in self._records if r[0] == service and (call is None or r[1] == call)
            ]

    def act(self, line: str) -> None:
        """Act as the person at the desktop: "lock", "invoke 1 start", "close 1 2"."""
        assert self._process.stdin is not None
        self._process.stdin.write(line + "\n")
        self._process.stdin.flush()

    def held(self, service: str) -> set[object]:
        """The holds ``service`` keeps now: given, and neither taken back nor dropped."""
        held: set[object] = set()
        for fields in self.records(service):
            call, token = fields[0], fields[1]
            if call == "Inhibit":
                held.add(token)
            else:
                held.discard(token)
        return held

    def stop(self) -> None:
        self._process.kill()
        self._process.wait(10)
        if hasattr(self, "_reader"):
            self._reader.join(10)
        for pipe in (self._process.stdout, self._process.stdin):
            if pipe is not None:
                pipe.close()


class MprisClient:
    """A media panel or headset on the bus: ``dbus-send``, another program, calls a player's
    methods and reads its properties; the properties it announces as changed are heard on a
    bus connection of the test's own.

    The calls run as processes that the test waits for without blocking its thread, which is
    Hinge's GUI thread and must answer them.
    """

    PATH = "/org/mpris/MediaPlayer2"
    PLAYER = "org.mpris.MediaPlayer2.Player"

    def __init__(self, qtbot: QtBot, name: str = "org.mpris.MediaPlayer2.hinge") -> None:
        self._qtbot = qtbot
        self.name = name
        self._connection_name = f"mprisClient{id(self)}"
        self._bus = QDBusConnection.connectToBus(
            os.environ["DBUS_SESSION_BUS_ADDRESS"], self._connection_name
        )
        assert self._bus.isConnected(), self._bus.lastError().message()
        self.announced: list[dict[str, object]] = []
        self._listener = _Listener(self.announced)
        self._bus.connect(
            name,
            self.PATH,
            "org.freedesktop.DBus.Properties",
            "PropertiesChanged",
            self._listener,
            SLOT("heard(QString,QVariantMap,QStringList)"),
        )

    def has_owner(self) -> bool:
        return bool(
            self._send(
                "org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                f"string:{self.name}",
            )
        )

    def call(self, method: str, interface: str = PLAYER) -> None:
        self._send(self.name, self.PATH, f"{interface}.{method}")

    def get(self, prop: str, interface: str = PLAYER) -> object:
        return self._send(
            self.name,
            self.PATH,
            "org.freedesktop.DBus.Properties.Get",
            f"string:{interface}",
            f"string:{prop}",
        )

    def _send(self, destination: str, path: str, method: str, *args: str) -> object:
        command = ["dbus-send", "--session", "--print-reply", f"--dest={destination}", path]
        process = subprocess.Popen(
            [*command, method, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        self._qtbot.waitUntil(lambda: process.poll() is not None, timeout=10000)
        out, err = process.communicate()
        assert process.returncode == 0, err
        return read_reply(out)

    def close(self) -> None:
        QDBusConnection.disconnectFromBus(self._connection_name)


class _Listener(QObject):
    def __init__(self, heard: list[dict[str, object]]) -> None:
        super().__init__()
        self._heard = heard

    @Slot(str, "QVariantMap", "QStringList")
    def heard(self, interface: str, changed: dict[str, object], _invalidated: list[str]) -> None:
        if interface == MprisClient.PLAYER:
            self._heard.append(dict(changed))


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\(|\)|\[|\]|[^\s()\[\]]+')
_NUMBERS = {"byte", "int16", "uint16", "int32", "uint32", "int64", "uint64"}


def read_reply(text: str) -> object:
    """The first value of a ``dbus-send --print-reply`` answer as Python (None if none)."""
    tokens = _TOKEN.findall(text.split("\n", 1)[1] if "\n" in text else "")
    if not tokens:
        return None
    value, _ = _value(tokens, 0)
    return value


def _value(tokens: list[str], at: int) -> tuple[object, int]:
    kind = tokens[at]
    if kind == "variant":
        return _value(tokens, at + 1)
    if kind == "string":
        return json.loads(tokens[at + 1]), at + 2
    if kind == "object" and tokens[at + 1] == "path":
        return json.loads(tokens[at + 2]), at + 3
    if kind == "boolean":
        return tokens[at + 1] == "true", at + 2
    if kind in _NUMBERS:
        return int(tokens[at + 1]), at + 2
    if kind == "double":
        return float(tokens[at + 1]), at + 2
    if kind == "array":
        assert tokens[at + 1] == "[", tokens[at : at + 3]
        items: list[object] = []
        at += 2
        while tokens[at] != "]":
            item, at = _value(tokens, at)
            items.append(item)
        if items and all(isinstance(i, tuple) and len(i) == 2 for i in items):
            return dict(items), at + 1  # type: ignore[arg-type]
        return items, at + 1
    if kind == "dict" and tokens[at + 1 : at + 3] == ["entry", "("]:
        key, at = _value(tokens, at + 3)
        item, at = _value(tokens, at)
        assert tokens[at] == ")", tokens[at:]
        return (key, item), at + 1
    raise ValueError(f"cannot read {tokens[at : at + 4]} in a dbus-send answer")
