"""Shared pieces of the views: icons, chips, stepper, big number, empty state, the figure, the
set form, the card and roomy-row delegates of lists and tables, and the dialogs that never
block."""
