"""action_delete_my_data: delete what the patient told us, on their request.

Deletes the referral (and a copy waiting in the outbox) first; only when that
worked does it set `data_deleted`, on which the tracker store
(stores/private.py) removes the whole conversation.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from bot.services import services_from_env

logger = logging.getLogger(__name__)


class ActionDeleteMyData(Action):
    def name(self) -> str:
        return "action_delete_my_data"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        try:
            services = services_from_env()
            services.outbox.discard(tracker.sender_id)
            services.referrals.delete(tracker.sender_id)
        except (SQLAlchemyError, OSError) as error:
            logger.error("data not deleted: %s", type(error).__name__)
            dispatcher.utter_message(response="utter_delete_failed")
            return [SlotSet("pending_request", None), SlotSet("paused_form", None)]
        dispatcher.utter_message(response="utter_data_deleted")
        return [SlotSet("data_deleted", True)]
