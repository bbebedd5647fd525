"""Shared pieces of the views: icons, chips, stepper, big number, empty state, the figure and
the set form."""
