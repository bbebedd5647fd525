"""The start page: where the person stands today and what to do now."""
