"""Light and dark palettes for the Fusion style, following the system's colour scheme.

Fusion looks the same on every platform; the palette comes from here so that a dark desktop gets
a dark Hinge, and the person can also choose one in Settings.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from hinge_desktop.ui.widgets.colours import ACCENT

LIGHT = "light"
DARK = "dark"
SYSTEM = "system"


def system_scheme() -> str:
    scheme = QGuiApplication.styleHints().colorScheme()
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def resolve(choice: str) -> str:
    """The scheme to show for a setting of ``system``, ``light`` or ``dark``."""
    return system_scheme() if choice == SYSTEM else choice


def palette_for(scheme: str) -> QPalette:
    if scheme == DARK:
        return _palette(
            window="#1f2326",
            base="#171a1c",
            alternate="#262b2e",
            text="#e8eaeb",
            button="#2a2f33",
            mid="#3a4146",
            disabled="#7d8489",
            link="#7fc8b8",
            highlight="#3f9c88",
        )
    return _palette(
        window="#f4f5f4",
        base="#ffffff",
        alternate="#eef1f0",
        text="#1c2124",
        button="#e9ecea",
        mid="#c5cbc8",
        disabled="#8b9295",
        link=ACCENT,
        highlight=ACCENT,
    )


def apply(app: QApplication, choice: str) -> str:
    """Apply the palette for ``choice``; returns the scheme shown (``light`` or ``dark``)."""
    scheme = resolve(choice)
    app.setPalette(palette_for(scheme))
    return scheme


def _palette(
    *,
    window: str,
    base: str,
    alternate: str,
    text: str,
    button: str,
    mid: str,
    disabled: str,
    link: str,
    highlight: str,
) -> QPalette:
    pal = QPalette()
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, window),
        (role.WindowText, text),
        (role.Base, base),
        (role.AlternateBase, alternate),
        (role.ToolTipBase, base),
        (role.ToolTipText, text),
        (role.PlaceholderText, disabled),
        (role.Text, text),
        (role.Button, button),
        (role.ButtonText, text),
        (role.BrightText, "#ffffff"),
        (role.Light, QColor(button).lighter(130).name()),
        (role.Midlight, QColor(button).lighter(115).name()),
        (role.Mid, mid),
        (role.Dark, QColor(mid).darker(130).name()),
        (role.Shadow, "#000000"),
        (role.Highlight, highlight),
        (role.HighlightedText, "#ffffff"),
        (role.Link, link),
        (role.LinkVisited, link),
        (role.Accent, highlight),
    ):
        pal.setColor(r, QColor(colour))
    group = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(group, r, QColor(disabled))
    return pal
