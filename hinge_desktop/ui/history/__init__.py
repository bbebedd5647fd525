"""History: the progress charts, calendar and records, and the list of workouts with its editing."""
