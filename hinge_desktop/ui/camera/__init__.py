"""The camera: a mirror beside the figure, recording and replaying a set, and the pose assist."""
