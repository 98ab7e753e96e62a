"""Stop, start over and delete are confirmed before anything is lost."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.confirmation import REQUESTS, ActionAskToConfirm, ActionCancelRequest
from actions.fallback import ActionFallback
from tests.support.trackers import make_tracker


def slots_of(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events}


@pytest.mark.parametrize("form", ["consent_form", "prescreen_form", "contact_form", None])
@pytest.mark.parametrize(("intent", "asked"), sorted(REQUESTS.items()))
async def test_a_request_is_asked_to_be_confirmed_and_the_form_remembered(
    domain: dict[str, Any], intent: str, asked: str, form: str | None
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(intent=intent, active_loop=form, requested_slot="car_t")

    events = await ActionAskToConfirm().run(dispatcher, tracker, domain)

    assert slots_of(events) == {"pending_request": asked, "paused_form": form}
    assert [m["response"] for m in dispatcher.messages] == [f"utter_confirm_{asked}"]
    assert f"utter_confirm_{asked}" in domain["responses"]


async def test_another_intent_is_not_taken_for_a_request(domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()

    events = await ActionAskToConfirm().run(dispatcher, make_tracker(intent="inform"), domain)

    assert events == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_default"]


async def test_a_cancelled_request_forgets_the_request_and_the_paused_form(
    domain: dict[str, Any],
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        {"pending_request": "stop", "paused_form": "prescreen_form"}, intent="deny",
        active_loop=None,
    )  # fmt: skip

    events = await ActionCancelRequest().run(dispatcher, tracker, domain)

    assert slots_of(events) == {"pending_request": None, "paused_form": None}
    assert [m["response"] for m in dispatcher.messages] == ["utter_request_cancelled"]


async def test_an_unclear_reply_to_the_confirmation_gets_the_question_again(
    domain: dict[str, Any],
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker({"pending_request": "delete"}, intent="nlu_fallback", active_loop=None)

    events = await ActionFallback().run(dispatcher, tracker, domain)

    assert [m["response"] for m in dispatcher.messages] == [
        "utter_default",
        "utter_confirm_delete",
    ]
    assert [e["event"] for e in events] == ["rewind", "slot"]  # the language is kept
