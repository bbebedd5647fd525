"""The library: drills with their detail and figure, routines, the ladder and its checks, and
drills of one's own."""
