"""Training history read from export files (Hinge's own, Strong, Hevy, FitNotes), before it is
matched to drills and stored. Pure Python: the parsers read text and return plain records."""
