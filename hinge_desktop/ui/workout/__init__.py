"""The workout: the player, logging each set, the resume prompt."""
