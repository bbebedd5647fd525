"""The pose model behind the camera's pose assist: an optional extra, never imported unless the
person turns the assist on or analyses a clip."""
