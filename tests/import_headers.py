"""The header line of each CSV export Hinge imports."""

from __future__ import annotations

STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)
"""Strong's classic export."""

HEVY_HEADER = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,"
    "set_type,weight_kg,reps,distance_km,duration_seconds,rpe"
)
HEVY_QUOTED_HEADER = ",".join(f'"{name}"' for name in HEVY_HEADER.split(","))
"""Hevy's, every name in quotes, as Hevy's own export writes it."""

FITNOTES_HEADER = "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time,Comment"

HINGE_HEADER = "date,workout,drill_id,drill,set,side,reps,weight,unit,seconds,rpe,band,notes"
