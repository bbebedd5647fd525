"""The one SQLite file of Hinge, through sqlite-utils: opening, migrating and the repositories."""
