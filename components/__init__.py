"""Rasa graph components of our own, in the NLU pipeline (config.yml)."""
