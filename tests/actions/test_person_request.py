"""A request for a person inside the pre-screen is carried out only when it is one."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.person_request import ActionHearRequest
from tests.support.trackers import make_tracker


async def hear(text: str, requested: str, domain: dict[str, Any]) -> tuple[list[Any], list[str]]:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(intent="request_human", text=text, requested_slot=requested)
    events = await ActionHearRequest().run(dispatcher, tracker, domain)
    return events, [m["response"] for m in dispatcher.messages]


@pytest.mark.parametrize(
    "text",
    [
        "can I talk to a real person",
        "please have someone call me",
        "I'd like a call back",
        "can the research nurse ring me",
        "I want to speak to the study doctor",
    ],
)
async def test_a_request_for_a_person_is_heard(domain: dict[str, Any], text: str) -> None:
    events, said = await hear(text, "pregnant", domain)

    assert events == [{"event": "slot", "timestamp": None, "name": "request_heard", "value": True}]
    assert said == []


@pytest.mark.parametrize(
    ("text", "requested"),
    [
        ("I'm a man", "can_become_pregnant"),
        ("i am male", "pregnant"),
        ("I'm 12 weeks pregnant", "pregnant"),
        ("never had one", "transplant"),
    ],
)
async def test_an_answer_taken_for_a_request_goes_to_the_question(
    domain: dict[str, Any], text: str, requested: str
) -> None:
    events, said = await hear(text, requested, domain)

    assert [(e["name"], e["value"]) for e in events] == [
        ("request_heard", False),
        (requested, text),
    ]
    assert said == []


async def test_neither_a_request_nor_an_answer_asks_again(domain: dict[str, Any]) -> None:
    events, said = await hear("banana", "transplant", domain)

    assert [(e["name"], e["value"]) for e in events] == [("request_heard", False)]
    assert said == ["utter_request_unclear"]


@pytest.mark.parametrize(
    ("intent", "text", "requested"),
    [
        ("stop", "got a cold but I'm not taking anything for it", "infection"),
        (
            "delete_my_data",
            "they tested me for everything and nobody said anything",
            "hiv_or_syphilis",
        ),
        ("start_over", "never had one", "transplant"),
    ],
)
async def test_an_answer_taken_for_stop_start_over_or_delete_goes_to_the_question(
    domain: dict[str, Any], intent: str, text: str, requested: str
) -> None:
    tracker = make_tracker(intent=intent, text=text, requested_slot=requested)
    events = await ActionHearRequest().run(CollectingDispatcher(), tracker, domain)

    assert [(e["name"], e["value"]) for e in events] == [
        ("request_heard", False),
        (requested, text),
    ]


async def test_a_stop_is_heard_and_goes_on_to_its_confirmation(domain: dict[str, Any]) -> None:
    tracker = make_tracker(intent="stop", text="I want to stop", requested_slot="infection")
    events = await ActionHearRequest().run(CollectingDispatcher(), tracker, domain)

    assert [(e["name"], e["value"]) for e in events] == [("request_heard", True)]


async def test_neither_stop_nor_an_answer_gets_the_default_reply(domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(intent="stop", text="banana", requested_slot="transplant")
    await ActionHearRequest().run(dispatcher, tracker, domain)

    assert [m["response"] for m in dispatcher.messages] == ["utter_default"]
