"""Settings: preferences, the voice and backups."""
