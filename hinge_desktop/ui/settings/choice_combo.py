"""A combo box offering the allowed values of a setting, each under its words for the person."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from PySide6.QtWidgets import QComboBox

from hinge_desktop.ui.preferences import Preference

T = TypeVar("T", str, int)


def choice_combo(preference: Preference[T], names: Mapping[T, str], name: str) -> QComboBox:
    """A combo box named ``name`` with one item per choice of ``preference``, in its order:
    the text from ``names``, the value stored as the item's data."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(preference.display_label())
    for key in preference.choices:
        combo.addItem(names[key], key)
    return combo
