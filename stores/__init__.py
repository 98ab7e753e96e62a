"""Storage extensions for Rasa (configured in endpoints*.yml)."""
