"""The answer batteries without servers: the trained model and the action
server's own classes in this process. A caller may rely on the same stored
values, so the same `Result.stored` and `Result.verdict`, as the REST runner
(harness/answer_battery.py) gives on the same code and day, in a fraction of
its time; `Result.replies` end where a case's turn ends here (below).

Each message goes the way the servers take it, by Rasa's and rasa_sdk's own
code: the REST channel's checks and cleaning (channels/patient_rest.py; of the
metadata, the page's language, kept as the channels keep it), the classifier
(`Agent.parse_message`), Rasa's slot mappings (`action_extract_slots`, with the
forms' conditions and ignored intents), then the policies' choice of each next
action, run as Rasa runs it: the form, its rejection when the message filled
nothing (an intent the form ignores), and the rules that then route it
elsewhere (a side question, a correction, a request to stop: each may hand an
answer the classifier mistook back to the form). Only the action server's side
is answered here instead of over HTTP (`InProcessActions`): a form's validation
by its `FormValidationAction` subclass (actions/), with a `rasa_sdk.Tracker`, a
`CollectingDispatcher` and the domain (domain.yml, as a dict); every other
custom action by rasa_sdk's `ActionExecutor`, as the action server runs it.

The openings are typed this way too (`open_at`, the REST runner's: the same
simulated patient, ROUTES and FILLERS, greeting and language), each turn of
them once (`InProcessAssistant.typed`); each case's reply is typed into a copy
of its opening, and what it stored is read back with `stored_answer`, judged
by `verdict` (`run_case`). A case's turn ends once the form has run after its
message: what follows stores nothing of the answer (the outcome told, the next
form's question), and the run that ends a form is done without what follows it
(`close`), which for the contact form would save a referral into the product's
store.

This is the one module of the harness that imports `actions`
(tests/test_layout.py): it drives the forms' validation in-process; everything
else of the harness drives the product from outside.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from datetime import time as datetime_time
from functools import partial
from itertools import groupby
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.exceptions import ActionLimitReached
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecutionRejected, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa_sdk import Tracker
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher
from rasa_sdk.forms import FormValidationAction

from actions.consent_form import ValidateConsentForm
from actions.contact_form import ValidateContactForm
from actions.prescreen_form import ValidatePrescreenForm
from bot.protocol import calendar
from bot.protocol.criteria import SITE_TIMEZONE
from bot.settings import DOMAIN_FILE
from channels.patient_rest import body_problem, clean_text, kept_metadata
from harness.answer_battery import MODEL, Case, Result, open_at, run_case
from harness.patients import sender

VALIDATIONS: dict[str, FormValidationAction] = {
    validation.name(): validation
    for validation in (ValidateConsentForm(), ValidatePrescreenForm(), ValidateContactForm())
}
"""The forms' validations by action name: screening_consent; the pre-screen's
questions and the read-back of an answer that excludes (`confirmed_exclusion`);
contact_consent and the contact details."""


class InProcessActions:
    """Rasa's action endpoint (`EndpointConfig`'s part that `RemoteAction`
    uses), answered in this process instead of by the action server.

    `closing` says whether the run that ends a form also does what follows it
    (`ClosingFormValidation.close`); the assistant sets it for each turn."""

    url = "in-process"

    def __init__(self) -> None:
        # As endpoints.yml: the domain goes only to the actions that declare
        # `send_domain` in it.
        self.kwargs: dict[str, Any] = {"enable_selective_domain": True}
        self.domain: dict[str, Any] = Domain.load(str(DOMAIN_FILE)).as_dict()
        self.executor = ActionExecutor()
        self.executor.register_package("actions")
        self.closing = True
        self.failures = 0
        """Action calls that raised: Rasa logs them and goes on without their
        events, as with the action server's errors."""

    async def request(self, json: dict[str, Any], **_: Any) -> dict[str, Any]:
        """The action server's answer to one action call: its events and responses."""
        try:
            return await self._answer(json)
        except Exception:
            self.failures += 1
            raise

    async def _answer(self, json: dict[str, Any]) -> dict[str, Any]:
        validation = VALIDATIONS.get(json["next_action"])
        if validation is None:
            answer: dict[str, Any] = await self.executor.run(json)
            return answer
        tracker = Tracker.from_dict(json["tracker"])
        dispatcher = CollectingDispatcher()
        # The SDK's own run of a form validation, without `close` when told so.
        run = validation.run if self.closing else partial(FormValidationAction.run, validation)
        events = await run(dispatcher, tracker, self.domain)
        return {"events": events, "responses": dispatcher.messages}


@dataclass
class Conversation:
    tracker: Any  # rasa's DialogueStateTracker
    page_language: str
    answering: bool = False
    """A case's copy of an opening: its turn ends once the form has run."""
    said: tuple[str, ...] = ()
    """The patient's messages so far."""


class InProcessAssistant:
    """The trained model, loaded once, with the action server's classes: one
    patient's message at a time, in the order given (not thread-safe)."""

    def __init__(self, model: Path = MODEL) -> None:
        quiet_rasa()
        self.actions = InProcessActions()
        self.agent = Agent.load(str(model), action_endpoint=self.actions)
        self.conversations: dict[str, Conversation] = {}
        self.typed: dict[tuple[str, ...], tuple[list[Any], list[str]]] = {}
        """Each opening turn's events and replies, by the page's language and
        the messages up to it: the openings of most questions repeat those of
        the questions before, and a turn is the same whenever it is typed."""

    async def say(self, patient: str, text: str, page_language: str = "en") -> list[str]:
        """The texts of the assistant's replies to `text` in `patient`'s
        conversation (a new one, written from a page in `page_language`, if
        unknown); "<status>" when the REST channel refuses it, stored nothing."""
        problem = body_problem({"sender": patient, "message": text})
        if problem:
            return [f"<{problem[0]}>"]
        conversation = await self._conversation(patient, page_language)
        said = (conversation.page_language, *conversation.said, text)
        if not conversation.answering and said in self.typed:
            events, replies = self.typed[said]
            slots = self.agent.domain.slots
            conversation.tracker = DialogueStateTracker.from_events(patient, events, slots)
        else:
            replies = await self._turn(conversation, clean_text(text))
            if not conversation.answering:
                self.typed[said] = (list(conversation.tracker.events), replies)
        conversation.said = said[1:]
        return replies

    async def _turn(self, conversation: Conversation, text: str) -> list[str]:
        tracker = conversation.tracker
        output = CollectingOutputChannel()
        parse = await self.agent.parse_message(text)
        metadata = kept_metadata({"language": conversation.page_language})
        # As MessageProcessor._handle_message_with_tracker logs it.
        tracker.update(
            UserUttered(text, parse["intent"], parse["entities"], parse,
                        input_channel="rest", metadata=metadata),
            self.agent.domain,
        )  # fmt: skip
        await self.agent.processor.run_action_extract_slots(output, tracker)
        self.actions.closing = not conversation.answering
        await self._act(conversation, output)
        return [str(message.get("text", "")) for message in output.messages]

    def slot(self, patient: str, slot: str) -> Any:
        """The slot's value in `patient`'s conversation."""
        return self.conversations[patient].tracker.get_slot(slot)

    def copy_for_a_case(self, patient: str) -> str:
        """A new conversation with `patient`'s events, whose next turn ends once
        the form has read the message; its id."""
        opening = self.conversations[patient]
        copy = sender("battery")
        tracker = DialogueStateTracker.from_events(
            copy, list(opening.tracker.events), self.agent.domain.slots
        )
        self.conversations[copy] = Conversation(
            tracker, opening.page_language, answering=True, said=opening.said
        )
        return copy

    def forget(self, patient: str) -> None:
        del self.conversations[patient]

    async def _conversation(self, patient: str, page_language: str) -> Conversation:
        if patient not in self.conversations:
            # Rasa's session start, as for a new sender (the tracker kept here,
            # not in the agent's store).
            tracker = await self.agent.processor.fetch_tracker_with_initial_session(patient)
            self.conversations[patient] = Conversation(tracker, page_language)
        return self.conversations[patient]

    async def _act(self, conversation: Conversation, output: CollectingOutputChannel) -> None:
        """The actions the policies choose after the message, each run as Rasa
        runs it (`MessageProcessor._run_action`: its rejection, its events, its
        messages), until the bot listens (or, in a case, the form has run) or
        Rasa's limit of actions per message is reached."""
        processor, tracker = self.agent.processor, conversation.tracker
        forms = set(self.agent.domain.form_names)
        while True:
            try:
                action, prediction = processor.predict_next_with_tracker_if_should(tracker)
            except ActionLimitReached:
                return
            go_on = await processor._run_action(action, tracker, output, processor.nlg, prediction)
            rejected = isinstance(tracker.events[-1], ActionExecutionRejected)
            if not go_on or (conversation.answering and action.name() in forms and not rejected):
                return


def quiet_rasa() -> None:
    """Rasa in this process logging warnings only: at debug it logs every
    message's text, and its structured logs print everything until they are
    configured. (Not Rasa's `configure_logging_and_warnings`: it would also
    set LOG_LEVEL in the environment of every server started after.)"""
    from rasa.utils.log_utils import configure_structlog

    for name in ("rasa", "rasa_sdk"):
        logging.getLogger(name).setLevel(logging.WARNING)
    configure_structlog(logging.WARNING)


def run_in_process(assistant: InProcessAssistant, cases: list[Case]) -> list[Result]:
    """Every case typed in this process, in order: the REST runner's `run`
    without servers. The cases of a battery labelled on a day
    (`Case.labelled_on`) are typed on that day of the site's calendar, so
    that its relative and dated labels ("on 20 November", "born 8 December
    2008") hold whatever day the suite runs."""
    results: list[Result] = []
    for day, group in groupby(cases, key=lambda case: case.labelled_on):
        with screening_day(day):
            results += _run_cases(assistant, list(group))
    return results


@contextmanager
def screening_day(day: date | None) -> Iterator[None]:
    """bot.protocol.calendar.screening_date() gives `day` (when not None)
    inside, in this process: every window of the product is counted from it.
    The site's clock, not the machine's, is what is fixed."""
    if day is None:
        yield
        return
    site = ZoneInfo(SITE_TIMEZONE)
    fixed = datetime.combine(day, datetime_time(12), site)

    class FixedDay(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> FixedDay:
            moment = fixed.astimezone(tz) if tz else fixed.astimezone().replace(tzinfo=None)
            return cls(*moment.timetuple()[:6], tzinfo=moment.tzinfo)

    original = calendar.datetime  # type: ignore[attr-defined]
    calendar.datetime = FixedDay  # type: ignore[attr-defined]
    try:
        yield
    finally:
        calendar.datetime = original  # type: ignore[attr-defined]


def _run_cases(assistant: InProcessAssistant, cases: list[Case]) -> list[Result]:
    loop = asyncio.new_event_loop()
    failures = assistant.actions.failures

    def saying(language: str) -> Callable[[str, str], list[str]]:
        return lambda patient, text: loop.run_until_complete(assistant.say(patient, text, language))

    try:
        keys = sorted({(case.conversation, case.question) for case in cases})
        openings = {key: open_at(saying(key[0]), key[1], key[0]) for key in keys}
        results = []
        for case in cases:
            patient = assistant.copy_for_a_case(openings[case.conversation, case.question])
            results.append(run_case(saying(case.conversation), assistant.slot, patient, case))
            assistant.forget(patient)
        for opening in openings.values():
            assistant.forget(opening)
    finally:
        loop.close()
    if assistant.actions.failures > failures:  # the REST suite fails on the action server's
        raise RuntimeError(f"{assistant.actions.failures - failures} action calls failed")
    return results


def timed_run(cases: list[Case], model: Path = MODEL) -> tuple[list[Result], float, float]:
    """The results, the seconds loading took and the seconds the cases took."""
    started = time.perf_counter()
    assistant = InProcessAssistant(model)
    loaded = time.perf_counter()
    results = run_in_process(assistant, cases)
    return results, loaded - started, time.perf_counter() - loaded
