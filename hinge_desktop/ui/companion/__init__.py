"""The companion through the working day: activation-snack reminders and desk nudges, with
Hinge running in the background while they are on."""
