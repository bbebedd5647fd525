"""Importing an export from Strong, Hevy, FitNotes or Hinge: reading it into a plan, storing it."""
