"""Moving training data in and out: the import preview and worker, the exports."""
