"""Pure-Python core of Hinge: no Qt, no SQLite, no speech engine, so it tests in milliseconds."""
