"""Rasa events from their stored form, without Rasa's search per event.

Rasa's `Event.from_parameters` looks for the event's class by walking every
subclass of `Event` for each event it reads (about 30 µs an event). A
tracker read replays the whole conversation, so at the end of a screening
(about 200 events) that search was 7 ms of every turn. Here the search is
done once into a table; each event is then made by its class's own
`_from_parameters`, as Rasa makes it.
"""

from __future__ import annotations

import functools
from typing import Any

from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses


@functools.cache
def event_classes() -> dict[str, type[Event]]:
    """Each event type name and the class Rasa's search finds for it (the
    first in `all_subclasses` order: subclasses that keep their parent's
    type name lose to the parent, as in `Event.resolve_by_type`)."""
    table: dict[str, type[Event]] = {}
    for cls in all_subclasses(Event):
        table.setdefault(cls.type_name, cls)
    return table


def events_from(stored: list[dict[str, Any]]) -> list[Event]:
    """The same events as Rasa's `deserialise_events(stored)`: dicts without
    an event type and events Rasa reads as nothing are left out; a type the
    table lacks (a class defined after it was built) goes through Rasa's own
    search, which raises on an unknown one."""
    classes = event_classes()
    events: list[Event] = []
    for data in stored:
        if "event" not in data:
            continue
        cls = classes.get(data["event"])
        event = cls._from_parameters(data) if cls else Event.from_parameters(data)
        if event is not None:
            events.append(event)
    return events
