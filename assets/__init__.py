"""Data files shipped with Hinge (read through importlib.resources)."""
