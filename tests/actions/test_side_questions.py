from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.side_questions import ActionAnswerQuestion
from tests.support.trackers import make_tracker


@pytest.mark.parametrize(
    ("intent", "loop", "requested", "response"),
    [
        ("ask_why", "prescreen_form", "car_t", "utter_why_car_t"),
        ("ask_why", "contact_form", "contact_phone", "utter_why_contact_phone"),
        ("ask_why", None, None, "utter_why_general"),
        ("ask_what_is_cart", "prescreen_form", "birth", "utter_answer_what_is_cart"),
        ("ask_location", None, None, "utter_answer_location"),
        ("ask_cost", None, None, "utter_answer_cost"),
    ],
)
async def test_side_questions_get_the_matching_answer(
    domain: dict[str, Any],
    intent: str,
    loop: str | None,
    requested: str | None,
    response: str,
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(intent=intent, active_loop=loop, requested_slot=requested)
    await ActionAnswerQuestion().run(dispatcher, tracker, domain)

    assert [m["response"] for m in dispatcher.messages] == [response]
