"""action_change_language: the language the request names, else the one it is
written in; nothing else changes."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.language import ActionChangeLanguage
from tests.support.trackers import make_tracker


@pytest.mark.parametrize(
    ("language", "text", "changed_to"),
    [
        ("en", "请用中文", "zh"),
        ("zh", "用英文吧", "en"),  # written in Chinese, asks for English
        ("zh", "English please", "en"),
        ("en", "Chinese please", "zh"),  # written in English, asks for Chinese
        ("zh", "换个语言", "zh"),  # names none: the language of its writing
    ],
)
async def test_the_language_changes_to_the_one_asked_for(
    domain: dict[str, Any], language: str, text: str, changed_to: str
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker({"language": language}, text=text, intent="change_language")
    events = await ActionChangeLanguage().run(dispatcher, tracker, domain)

    assert events == [SlotSet("language", changed_to)]
    assert dispatcher.messages == []  # the rule says so, in the new language
