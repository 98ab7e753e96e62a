"""Pre-screening domain logic for NCT06056921; knows nothing of Rasa."""
