"""The conversation's language, as the actions see it, and the request to change it."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.reading.language import language_asked_for

DEFAULT_LANGUAGE = "en"


def language_of(tracker: Tracker) -> str:
    """The language the patient is served in (slot `language`, default English)."""
    return str(tracker.get_slot("language") or DEFAULT_LANGUAGE)


class ActionChangeLanguage(Action):
    """A request to change language ("English please", "请用中文"): the language
    it names, else the one it is written in. Answers are kept (stored values
    do not depend on the language); the rules then say so in the new language
    and the form asks its question again."""

    def name(self) -> str:
        return "action_change_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        text = str(tracker.latest_message.get("text") or "")
        return [SlotSet("language", language_asked_for(text) or language_of(tracker))]
