"""Whether the window in front is full screen (a presentation, a video call shared, a film), as
the window manager of an X11 desktop says on its root window (EWMH: ``_NET_ACTIVE_WINDOW``, and
that window's ``_NET_WM_STATE``). Read through libX11 itself, which every X11 desktop has, with
a display connection of its own for each question (asked on the desktop bus lane). Wayland
shows no application another's windows: there, and without X, the answer is no, and the
desktop holds notifications back over full-screen windows itself (GNOME, KDE)."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from functools import cache
from typing import Any

_X_OK = 0


@cache
def x11_library() -> Any:
    name = ctypes.util.find_library("X11")
    if name is None:
        return None
    lib = ctypes.CDLL(name)
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XInternAtom.restype = ctypes.c_ulong
    lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    lib.XGetWindowProperty.argtypes = [
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_ulong,
        ctypes.c_long,
        ctypes.c_long,
        ctypes.c_int,
        ctypes.c_ulong,
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_void_p),
    ]
    lib.XFree.argtypes = [ctypes.c_void_p]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    return lib


def _longs(lib: Any, display: int, window: int, name: bytes) -> list[int]:
    """A window's 32-bit property as numbers (atoms, window ids); empty when it has none."""
    atom = lib.XInternAtom(display, name, 0)
    kind, size, count, after = ctypes.c_ulong(), ctypes.c_int(), ctypes.c_ulong(), ctypes.c_ulong()
    data = ctypes.c_void_p()
    status = lib.XGetWindowProperty(
        display, window, atom, 0, 64, 0, 0, kind, size, count, after, ctypes.byref(data)
    )
    if status != _X_OK or not data.value:
        return []
    try:
        if size.value != 32:
            return []
        values = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))
        return [values[i] for i in range(count.value)]
    finally:
        lib.XFree(data)


def active_window_is_full_screen() -> bool:
    """True when an X11 window manager says the window in front is full screen."""
    if not os.environ.get("DISPLAY"):
        return False
    lib = x11_library()
    if lib is None:
        return False
    display = lib.XOpenDisplay(None)
    if not display:
        return False
    try:
        root = lib.XDefaultRootWindow(display)
        active = _longs(lib, display, root, b"_NET_ACTIVE_WINDOW")
        if not active or not active[0]:
            return False
        full = lib.XInternAtom(display, b"_NET_WM_STATE_FULLSCREEN", 0)
        return full in _longs(lib, display, active[0], b"_NET_WM_STATE")
    finally:
        lib.XCloseDisplay(display)
