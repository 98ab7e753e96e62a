"""The language entity the NLU pipeline adds (the slot `language` is filled from it)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.language_of_message import LanguageOfMessage


def entities_of(text: str) -> list[dict[str, object]]:
    message = Message(data={TEXT: text})
    component = LanguageOfMessage()
    [processed] = component.process([message])
    return list(processed.get(ENTITIES, []))


@pytest.mark.parametrize(("text", "language"), [("你好", "zh"), ("I have lupus", "en")])
def test_a_message_that_shows_its_language_gets_the_entity(text: str, language: str) -> None:
    [entity] = entities_of(text)

    assert (entity["entity"], entity["value"]) == ("language", language)
    assert (entity["start"], entity["end"]) == (0, len(text))


@pytest.mark.parametrize("text", ["", "👍", "13812345678", "/affirm", "ok"])
def test_a_message_that_does_not_tell_adds_nothing(text: str) -> None:
    assert entities_of(text) == []


def test_entities_found_before_are_kept() -> None:
    earlier = {"entity": "diagnosis", "value": "sle", "start": 0, "end": 2}
    message = Message(data={TEXT: "狼疮", ENTITIES: [earlier]})
    [processed] = LanguageOfMessage().process([message])

    assert [e["entity"] for e in processed.get(ENTITIES)] == ["diagnosis", "language"]
