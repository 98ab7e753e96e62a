"""action_hear_request: inside the pre-screen, a request that would leave the
questions (a person, stop, start over, delete my data), or an answer the
classifier mistook for one.

"I'm a man" at the pregnancy question asks for no person, and "got a cold but
I'm not taking anything for it" asks to stop nothing: a message whose words
carry none of the request's cues ("call me", "stop", "start again") may not
leave the questions. When the reader can read it as an answer to the question
asked, it goes to the question's slot for the form to read; otherwise the
patient is told so and the form asks its question again. Rules branch on
`request_heard`; a request that is heard still goes its usual way (a
callback, or the confirmation that stop, start over and delete ask for).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.language import language_of
from actions.side_questions import mistaken_answer
from bot.reading.languages import reader_for

UNCLEAR = {"request_human": "utter_request_unclear"}
"""What a message that is neither the request nor an answer gets; else utter_default."""


class ActionHearRequest(Action):
    def name(self) -> str:
        return "action_hear_request"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        intent = str(tracker.latest_message.get("intent", {}).get("name"))
        text = str(tracker.latest_message.get("text") or "")
        if reader_for(language_of(tracker)).side_request(intent, text):
            return [SlotSet("request_heard", True)]
        if answered := mistaken_answer(tracker, intent, text):
            return [SlotSet("request_heard", False), SlotSet(answered, text)]
        dispatcher.utter_message(response=UNCLEAR.get(intent, "utter_default"))
        return [SlotSet("request_heard", False)]
