"""Simulated patients: who they are, and how they answer whatever the bot asks.

`ELIGIBLE` is the one eligible patient every suite starts from, in the words a
patient types; `ELIGIBLE_SLOTS` is how the assistant must store those words
(tests/scripts/test_patients.py proves the readers agree), and
`ELIGIBLE_ANSWERS` the same as typed answers. Variants are made from them with
`{**ELIGIBLE, ...}` or `dataclasses.replace`.

`screen` answers each question from the patient's facts; the question is
recognised by the text of its `utter_ask_<slot>` response in the domain, so a
test sees exactly which questions were asked, in which order.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from rasa.shared.core.domain import Domain

from bot.protocol.canonical import answers_from_slots
from bot.settings import DOMAIN_FILE

DOMAIN = Domain.load(str(DOMAIN_FILE))
QUESTIONS = {
    variation["text"]: name.removeprefix("utter_ask_")
    for name, variations in DOMAIN.responses.items()
    if name.startswith("utter_ask_")
    for variation in variations
}
CONFIRMED = "confirmed_exclusion"
QUESTIONS.update(
    {
        variation["text"]: CONFIRMED  # "Just to check: ...?" after an answer that excludes
        for name, variations in DOMAIN.responses.items()
        if name.startswith("utter_confirm_exclusion")
        for variation in variations
    }
)


ELIGIBLE = {
    "screening_consent": "yes",
    "birth": "I'm 45",
    "car_t": "nope",
    "transplant": "no",
    "diagnosis": "I have lupus",
    "hiv_or_syphilis": "no",
    "can_become_pregnant": "no",
    "ecog": "I can do light work only",
    "cancer": "no",
    "infection": "no",
    "live_vaccine": "no",
    "other_trial": "no",
    "disease_active": "yes",
    "hepatitis_or_cmv": "not sure",
    "serious_illness": "no",
    "contact_consent": "yes",
    "contact_name": "Anna Kowalska",
    "contact_phone": "+86 138 0013 8000",
    "contact_email": "skip",
    "contact_time": "mornings",
}
"""An adult with active lupus whom nothing rules out, as they would type it;
hepatitis "not sure", so staff have something to verify."""

ELIGIBLE_SLOTS = {
    "car_t": "no", "transplant": "none", "diagnosis": "sle", "hiv_or_syphilis": "no",
    "can_become_pregnant": "no", "ecog": "1", "cancer": "none", "infection": "no",
    "live_vaccine": "no", "other_trial": "no", "disease_active": "yes",
    "hepatitis_or_cmv": "unsure", "serious_illness": "no", "birth": "1980-03-15",
}  # fmt: skip
"""The same patient's answers as stored (a birth date instead of "I'm 45",
which depends on the day)."""

ELIGIBLE_ANSWERS = answers_from_slots(ELIGIBLE_SLOTS)

ELIGIBLE_ZH = {
    "screening_consent": "可以",
    "birth": "45岁",
    "car_t": "没做过",
    "transplant": "没有",
    "diagnosis": "我是系统性红斑狼疮",
    "hiv_or_syphilis": "没有",
    "can_become_pregnant": "不会，已经绝经了",  # noqa: RUF001 (typed full-width)
    "ecog": "重活干不了，轻活可以",  # noqa: RUF001
    "cancer": "没有",
    "infection": "没有",
    "live_vaccine": "没打过",
    "other_trial": "没参加过",
    "disease_active": "是的，一直反反复复",  # noqa: RUF001
    "hepatitis_or_cmv": "不清楚",
    "serious_illness": "没有",
    "contact_consent": "好的",
    "contact_name": "张伟",
    "contact_phone": "138 0013 8000",
    "contact_wechat": "微信同号",
    "contact_email": "没有邮箱",
    "contact_time": "上午",
}
"""The same patient writing Chinese, as a patient in Taiyuan would type it; the
assistant must store exactly ELIGIBLE_SLOTS."""

CONTACT_SLOTS = {
    "contact_consent": True, "contact_name": "Anna Kowalska",
    "contact_phone": "+8613800138000", "contact_email": "", "contact_time": "morning",
}  # fmt: skip


def sender(prefix: str = "e2e") -> str:
    """A new conversation id."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def text_of(response: str, **slots: Any) -> str:
    """The text the bot sends for a response: the variation whose conditions the
    given slot values meet, else the one without conditions."""
    slots = {"language": "en", **slots}  # the conversation's language, English by default
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
    confirmed: list[str] = field(default_factory=list)  # answers read back before excluding
    said: list[str] = field(default_factory=list)  # every bot text, in order
    last: list[str] = field(default_factory=list)  # the bot's texts after the last message

    def question_of(self, texts: list[str]) -> str | None:
        return QUESTIONS.get(texts[-1]) if texts else None


def screen(
    rasa: Any, sender: str, facts: dict[str, str], max_turns: int = 60, greeting: str = "hi"
) -> Transcript:
    """Say `greeting`, then answer each question from `facts` until the bot stops asking.

    A question not in `facts` fails the test: the bot asked something it should
    have skipped. An answer that excludes is read back: the patient confirms it
    (or says `facts["confirmed_exclusion"]`).
    """
    transcript = Transcript()
    message = greeting
    for _ in range(max_turns):
        texts = [reply.get("text", "") for reply in rasa.say(sender, message)]
        transcript.said += texts
        transcript.last = texts
        slot = transcript.question_of(texts)
        if slot is None:
            return transcript
        if slot == CONFIRMED:  # the patient confirms the answer that excludes, unless told
            transcript.confirmed.append(transcript.asked[-1])
            message = facts.get(CONFIRMED, "yes")
            continue
        if slot not in facts:
            raise AssertionError(f"unexpected question {slot!r}; asked so far {transcript.asked}")
        transcript.asked.append(slot)
        message = facts[slot]
    raise AssertionError("the conversation did not end")
