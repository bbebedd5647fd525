"""The window around the views: application set-up, main window, navigation, menus, theme."""
