"""A simulated patient: answers whatever question the bot asks, from its facts.

The question is recognised by the text of its `utter_ask_<slot>` response in the
domain, so a test sees exactly which questions were asked, in which order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasa.shared.core.domain import Domain

ROOT = Path(__file__).parents[2]
DOMAIN = Domain.load(str(ROOT / "domain.yml"))
QUESTIONS = {
    variation["text"]: name.removeprefix("utter_ask_")
    for name, variations in DOMAIN.responses.items()
    if name.startswith("utter_ask_")
    for variation in variations
}


def text_of(response: str, **slots: Any) -> str:
    """The text the bot sends for a response: the variation whose conditions the
    given slot values meet, else the one without conditions."""
    variations = DOMAIN.responses[response]
    for variation in variations:
        conditions = variation.get("condition") or []
        if conditions and all(slots.get(c["name"]) == c["value"] for c in conditions):
            return str(variation["text"])
    return str(next(v["text"] for v in variations if not v.get("condition")))


def texts(rasa: Any, patient: str, message: str) -> list[str]:
    """The texts of the bot's replies to one message."""
    return [reply.get("text", "") for reply in rasa.say(patient, message)]


@dataclass
class Transcript:
    asked: list[str] = field(default_factory=list)
    said: list[str] = field(default_factory=list)  # every bot text, in order
    last: list[str] = field(default_factory=list)  # the bot's texts after the last message

    def question_of(self, texts: list[str]) -> str | None:
        return QUESTIONS.get(texts[-1]) if texts else None


def screen(rasa: Any, sender: str, facts: dict[str, str], max_turns: int = 60) -> Transcript:
    """Say hi, then answer each question from `facts` until the bot stops asking.

    A question not in `facts` fails the test: the bot asked something it should
    have skipped.
    """
    transcript = Transcript()
    message = "hi"
    for _ in range(max_turns):
        texts = [reply.get("text", "") for reply in rasa.say(sender, message)]
        transcript.said += texts
        transcript.last = texts
        slot = transcript.question_of(texts)
        if slot is None:
            return transcript
        if slot not in facts:
            raise AssertionError(f"unexpected question {slot!r}; asked so far {transcript.asked}")
        transcript.asked.append(slot)
        message = facts[slot]
    raise AssertionError("the conversation did not end")
