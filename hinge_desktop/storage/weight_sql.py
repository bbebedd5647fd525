"""A set's weight in kilograms, as SQL: weights are stored in the unit they were logged in, and
every query and trigger that adds them up converts pounds with this one expression."""

from __future__ import annotations

from hinge_desktop.domain.training import LB_PER_KG

LB_PER_KG_SQL = repr(LB_PER_KG)
"""The domain's pounds per kilogram as an SQL number, every digit kept."""


def weight_kg_sql(table: str = "") -> str:
    """The SQL expression of a set's weight in kg, from the ``weight`` and ``unit`` columns of
    ``table`` (a table alias, ``NEW`` or ``OLD``; unqualified when empty). NULL without a
    weight."""
    prefix = f"{table}." if table else ""
    weight, unit = f"{prefix}weight", f"{prefix}unit"
    return f"(CASE WHEN {unit} = 'lb' THEN {weight} / {LB_PER_KG_SQL} ELSE {weight} END)"
