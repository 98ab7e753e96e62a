"""Whether an English message really carries the side request the intent
classifier heard, or is an answer it mistook for one.

"I'm in a belimumab study right now" is no greeting, and "on amoxicillin for a
chest infection" asks nothing about risks: when the words hold none of the
request's cues and the question's reader can read them, they are an answer.
"""

from __future__ import annotations

from bot.reading.en.wording import WORDING
from bot.reading.side_requests import SideRequestWords

CUES: dict[str, str] = {
    "greet": r"^(hi+|hello|hey|hiya|howdy|good (morning|afternoon|evening|day)|morning|"
    r"evening|yo|greetings)\b|\bi'?m back\b|\bback again\b",
    "thank": r"\b(thanks?|thank you|thx|ty|cheers|ta|appreciate)\b",
    "goodbye": r"\b(bye|goodbye|see you|see ya|later|good night|gotta go|have to go|cya)\b",
    "ask_why": r"\bwhy\b|\breason\b|what for|how come|what does (it|that) matter",
    "ask_what_is_cart": r"what (is|are|'?s)|explain|mean",
    "ask_location": r"\bwhere\b|location|address|hospital|taiyuan|city|travel|how far|get there",
    "ask_risks": r"\brisks?\b|side.?effects?|danger|safe|harm|hurt",
    "ask_cost": r"\bcost|pay|money|free|price|expens|fee|charge|insurance",
    "ask_duration": r"how long|duration|how many (weeks|months|days|visits)|take long",
    "ask_eligibility_reason": r"why (not|can'?t|am i not)|eligib|qualif",
    "request_human": r"\b(human|humans|someone|somebody|person|people|agent|operator|staff|"
    r"team|nurse|coordinator|investigator|representative|supervisor|robot|bot|"
    r"customer service)\b|\b(call|ring|phone|contact|email|e-mail) (me|back|the)\b|"
    r"\bcall ?back\b|\bphone number\b|\b(talk|speak|chat)\b.*\b(to|with)\b.*\bdoctor\b|"
    r"\bdoctor\b.*\b(call|ring|contact|talk|speak)\b|\bquestions? for\b|\bdoctor (please|pls)\b",
    "correct": r"\bactually\b|\bsorry\b|\bmea?n[td]?\b|mistak|\bwrong\b|\bchange\b|correct|"
    r"\bfix\b|typo|mistyp|\b(oops|whoops|my bad)\b|\bundo\b|\b(scratch|strike) that\b|"
    r"disregard|ignore that|\bamend|\bedit\b|\bupdate\b|misclick|\b(clicked|pressed|hit)\b|"
    r"accident|misread|misunderstood|misspoke|fat finger|\b(hold|hang) on\b|"
    r"(?<!and )\bwait\b|go back|\bprevious\b|\blast (answer|one|question|response)\b|"
    r"\bi said\b|should be|too fast|not what i",
    "stop": r"\b(stop|stahp|stpo|stfu|quit|quitting|cancel|end|exit|enough|halt|abort|out|"
    r"terminate|"
    r"unsubscribe|withdraw|shut|kill)\b|give up|forget it|opt out|go away|leave me|drop it|"
    r"knock it off|cut it out|pack it in|not interested|no longer interested|changed my mind|"
    r"(don'?t|dont|do not) (want|wanna)|decided not|not (answering|doing|comfortable)|"
    r"(don'?t|dont|do not) ask|no more|rather not|bother|bugging|any ?further|carry on|continue",
    "start_over": r"start|restart|resart|strat|begin|\bredo\b|re-do|reset|again|from the top|"
    r"from scratch|square one|fresh|anew|do.?over|question (1|one)|go back|new session|retry|"
    r"change my answers|first question",
    "delete_my_data": r"delet|remove|erase|forget|forgotten|wipe|gdpr|withdraw|"
    r"(don'?t|dont|do not) (store|keep|save)|\bclear\b|get rid|scrub|destroy|purge|\bgone\b|"
    r"off your|never told you|\b(data|details|info|information|record|records)\b",
}
"""The words each side request is made of; out_of_scope and nlu_fallback
have none: any readable answer wins over them."""

WORDS = SideRequestWords(WORDING, CUES)
