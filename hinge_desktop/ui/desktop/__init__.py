"""What Hinge asks of the desktop through the session bus: the screen kept awake while a workout
runs, the desktop's media controls, notifications. Shared by the features; imports none."""
