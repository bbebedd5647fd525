"""Everything Qt: the main window, its views, widgets and item models."""
