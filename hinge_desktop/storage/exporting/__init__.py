"""Writing the whole log out, as Hinge CSV and as Hinge JSON."""
