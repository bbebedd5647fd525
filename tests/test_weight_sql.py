"""The SQL that turns a set's weight into kilograms agrees with the domain's ``to_kg``, to the
last bit, on either unit and on a set without a weight."""

from __future__ import annotations

import sqlite3

import pytest

from hinge_desktop.domain.training import Unit, to_kg
from hinge_desktop.storage.weight_sql import weight_kg_sql


@pytest.mark.parametrize(
    ("weight", "unit"), [(22.0, Unit.LB), (143.3, Unit.LB), (60.0, Unit.KG), (0.5, Unit.LB)]
)
def test_sql_weights_in_kg_are_the_domains(weight: float, unit: Unit) -> None:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE TABLE sets (weight REAL, unit TEXT)")
        conn.execute("INSERT INTO sets VALUES (?, ?), (NULL, NULL)", [weight, unit.value])
        rows = conn.execute(
            f"SELECT {weight_kg_sql()}, {weight_kg_sql('s')} FROM sets s ORDER BY rowid"
        ).fetchall()
    finally:
        conn.close()
    assert rows == [(to_kg(weight, unit), to_kg(weight, unit)), (None, None)]
