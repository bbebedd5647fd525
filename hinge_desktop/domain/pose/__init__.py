"""Reading a person's hinge from the points a pose model finds: angles, reps and the few cues
the angles can back. Pure Python: the model and the camera live elsewhere."""
