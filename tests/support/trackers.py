"""Trackers built in code, as Rasa would send them to the action server."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker


def make_tracker(
    slots: dict[str, Any] | None = None,
    *,
    new_slots: dict[str, Any] | None = None,
    text: str = "",
    intent: str = "inform",
    active_loop: str | None = "prescreen_form",
    requested_slot: str | None = None,
    sender_id: str = "patient-1",
    latest_action: str = "action_listen",
) -> Tracker:
    """A tracker whose latest user message set `new_slots` (what a validator
    sees), on top of earlier answers in `slots`."""
    new_slots = new_slots or {}
    user = {
        "event": "user",
        "text": text,
        "parse_data": {"intent": {"name": intent, "confidence": 1.0}, "entities": []},
    }
    events = [
        *({"event": "slot", "name": k, "value": v} for k, v in (slots or {}).items()),
        user,
        *({"event": "slot", "name": k, "value": v} for k, v in new_slots.items()),
    ]
    return Tracker(
        sender_id=sender_id,
        slots={**(slots or {}), **new_slots, "requested_slot": requested_slot},
        latest_message={"text": text, "intent": {"name": intent}, "entities": []},
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name=latest_action,
    )


NO_DOMAIN: dict[str, Any] = {}
"""What the forms' validation actions are sent as the domain: nothing
(`send_domain: false` in domain.yml)."""
