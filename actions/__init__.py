"""Custom actions: translate between Rasa trackers and the `bot` package."""
