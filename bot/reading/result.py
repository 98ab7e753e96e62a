"""What reading one reply gives: exactly one of five results, so that no
caller has to guess what a reading meant.

- `Value`: the reply answers the question; its canonical values (usually one,
  several when its clauses state several facts the caller settles) and the
  words that decided them.
- `NotSure`: the reply says the patient does not know; stored as "not sure"
  where the question has that answer (staff verify), asked again where it
  has not (the birth date).
- `SideRequest`: the words carry a request beside the question (a greeting,
  a question back, a person asked for) that the classifier heard as `intent`.
- `Correction`: the reply corrects a named earlier answer.
- `AskAgain`: the reply could not be read; `reason` names the response that
  tells the patient what is needed.

The classifier's intent is an input of a reading where it helps
(bot/reading/second_opinion.py); a result that it decided names it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.protocol.answers import Reply
from bot.reading.reader import PartlyRead, ReadTwoWays, Unreadable


@dataclass(frozen=True)
class Value:
    """The canonical values the reply states, in a stable order; `words` is
    the part of the reply that decided them (the whole reply when no single
    clause did)."""

    values: tuple[str, ...]
    words: str
    unread: bool = False
    """Another part of the reply was not understood: only a value that
    excludes may be kept (bot/reading/settling.py), else the patient is asked
    again, with utter_invalid_not_understood."""
    either: bool = False
    """The values are two readings of one fact ("12/08/2008"), not several
    facts: one is kept only when they decide alike, else the patient is asked
    again, with utter_invalid_date_two_ways."""

    def __post_init__(self) -> None:
        if not self.values:
            raise ValueError("a Value states at least one value")


@dataclass(frozen=True)
class NotSure:
    """The patient does not know; `words` is where the reply says so."""

    words: str

    value = Reply.UNSURE.value
    """How "not sure" is stored, at every question that has that answer."""


@dataclass(frozen=True)
class SideRequest:
    """A request beside the question, as the classifier named it (`intent`)."""

    intent: str


@dataclass(frozen=True)
class Correction:
    """A correction of the earlier answer to `slot`; for a yes / no question,
    the one yes / no / not sure it states (None when it states none or
    several: the question is then asked again, never guessed)."""

    slot: str
    reply: Reply | None


@dataclass(frozen=True)
class AskAgain:
    """Unreadable: nothing is stored; `reason` is the response to give."""

    reason: str


Reading = Value | NotSure | SideRequest | Correction | AskAgain
"""Every result a reading can give."""
Answer = Value | NotSure | AskAgain
"""What reading a reply as the answer to one question gives."""


def answer_of(read: Callable[[], tuple[str, ...]], words: str) -> Answer:
    """The result of `read` (a language's reading of `words`, which returns
    canonical values or raises Unreadable): "not sure" alone is `NotSure`,
    anything else read is a `Value`."""
    try:
        values = read()
    except PartlyRead as partly:
        return Value(partly.values, words, unread=True)
    except ReadTwoWays as two:
        return Value(two.values, words, either=True)
    except Unreadable as unreadable:
        return AskAgain(unreadable.hint)
    if values == (NotSure.value,):
        return NotSure(words)
    return Value(values, words)
