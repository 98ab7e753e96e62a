"""Our table-driven reading of stored events against Rasa's own."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActionReverted,
    ActiveLoop,
    AgentUttered,
    AllSlotsReset,
    BotUttered,
    ConversationPaused,
    ConversationResumed,
    DefinePrevUserUtteredFeaturization,
    EntitiesAdded,
    Event,
    FollowupAction,
    LoopInterrupted,
    ReminderCancelled,
    ReminderScheduled,
    Restarted,
    SessionStarted,
    SlotSet,
    StoryExported,
    UserUtteranceReverted,
    UserUttered,
    deserialise_events,
)
from rasa.shared.utils.common import all_subclasses

from stores.events import event_classes, events_from

PARSE = {
    "intent": {"name": "inform", "confidence": 0.7},
    "entities": [{"entity": "language", "value": "zh", "start": 0, "end": 2}],
    "intent_ranking": [{"name": "inform", "confidence": 0.7}],
    "text": "我45岁",
}
EVENTS: list[Event] = [
    SessionStarted(),
    ActionExecuted("action_listen", policy="RulePolicy", confidence=1.0),
    UserUttered("我45岁", PARSE["intent"], PARSE["entities"], PARSE, input_channel="rest"),
    DefinePrevUserUtteredFeaturization(False),
    EntitiesAdded([{"entity": "language", "value": "zh"}]),
    ActiveLoop("prescreen_form"),
    LoopInterrupted(True),
    SlotSet("birth", "1980-11-26/1981-11-25"),
    SlotSet("answer_words", {"birth": "我45岁"}),
    BotUttered(
        "下一个问题",
        {"buttons": [{"title": "是", "payload": "/affirm"}]},
        {"utter_action": "utter_ask_car_t"},
    ),
    ActionExecutionRejected("prescreen_form", "RulePolicy", 1.0),
    FollowupAction("action_fallback"),
    ActionReverted(),
    UserUtteranceReverted(),
    AgentUttered("hello"),
    ReminderScheduled("remind", trigger_date_time=datetime(2026, 1, 1)),
    ReminderCancelled(name="remind"),
    ConversationPaused(),
    ConversationResumed(),
    AllSlotsReset(),
    StoryExported(),
    Restarted(),
]


def test_every_kind_of_event_reads_back_as_rasa_reads_it() -> None:
    stored = [event.as_dict() for event in EVENTS]
    ours, rasas = events_from(stored), deserialise_events(stored)
    assert ours == rasas
    assert [type(e) for e in ours] == [type(e) for e in rasas] == [type(e) for e in EVENTS]


def test_the_table_finds_the_class_rasas_search_finds() -> None:
    for cls in all_subclasses(Event):
        assert event_classes()[cls.type_name] is Event.resolve_by_type(cls.type_name)


@pytest.mark.parametrize("stored", [{"timestamp": 1.0}, {"event": "topic", "topic": "x"}])
def test_what_rasa_skips_is_skipped(stored: dict[str, Any]) -> None:
    assert events_from([stored]) == deserialise_events([stored]) == []


def test_an_unknown_event_type_is_refused_as_rasa_refuses_it() -> None:
    with pytest.raises(ValueError, match="Unknown event name"):
        events_from([{"event": "no_such_event"}])
