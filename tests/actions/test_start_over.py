from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.start_over import ActionStartOver
from harness.patients import ELIGIBLE_SLOTS
from tests.support.trackers import make_tracker


async def run(slots: dict[str, Any], domain: dict[str, Any]) -> list[dict[str, Any]]:
    tracker = make_tracker(slots, active_loop=None)
    events: list[dict[str, Any]] = await ActionStartOver().run(
        CollectingDispatcher(), tracker, domain
    )
    return events


async def test_starting_over_after_an_exclusion_remembers_it(domain: dict[str, Any]) -> None:
    events = await run({**ELIGIBLE_SLOTS, "car_t": "yes"}, domain)

    assert [e["event"] for e in events] == ["restart", "slot"]
    assert events[1]["name"] == "earlier_exclusions" and events[1]["value"] == ["E1"]


async def test_earlier_exclusions_add_up(domain: dict[str, Any]) -> None:
    slots = {**ELIGIBLE_SLOTS, "transplant": "organ", "earlier_exclusions": ["E1"]}
    events = await run(slots, domain)

    assert events[1]["value"] == ["E1", "E4"]


async def test_starting_over_without_an_exclusion_is_a_plain_restart(
    domain: dict[str, Any],
) -> None:
    assert [e["event"] for e in await run(ELIGIBLE_SLOTS, domain)] == ["restart"]
