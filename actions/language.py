"""The conversation's language, as the actions see it."""

from __future__ import annotations

from rasa_sdk import Tracker

DEFAULT_LANGUAGE = "en"


def language_of(tracker: Tracker) -> str:
    """The language the patient is served in (slot `language`, default English)."""
    return str(tracker.get_slot("language") or DEFAULT_LANGUAGE)
