"""The main window's views by name, in navigation order: the one list the window, the settings
and ``--screenshot`` share. Qt-free, so the command line reads it without loading Qt."""

VIEWS = ("today", "drills", "workout", "history", "settings")
