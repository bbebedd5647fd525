"""Speech: the coach's voice, behind a small protocol with a real, a silent and a recording twin."""
