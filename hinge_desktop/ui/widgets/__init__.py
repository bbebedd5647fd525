"""Shared pieces of the views: icons, chips, stepper, big number, empty state, the figure, the
set form and the dialogs that never block."""
