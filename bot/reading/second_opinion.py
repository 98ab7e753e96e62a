"""What every language's yes / no reading shares: the few emoji that answer
on their own, and the classifier's intent as a second opinion (where it
disagrees with the words, the patient is asked again)."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.protocol.answers import Reply
from bot.reading.reader import Unreadable

INTENT_REPLIES = {"affirm": Reply.YES, "deny": Reply.NO}
"""The classifier's firm opinions; a yes the words deny (or a no they affirm) is asked again."""
EMOJI_REPLIES = {
    "\U0001f44d": Reply.YES,  # thumbs up
    "\U0001f44c": Reply.YES,  # OK hand
    "\u2705": Reply.YES,  # check mark
    "\U0001f44e": Reply.NO,  # thumbs down
    "\u274c": Reply.NO,  # cross mark
    "\U0001f937": Reply.UNSURE,  # shrug
    "\U0001f937\u200d\u2640\ufe0f": Reply.UNSURE,
    "\U0001f937\u200d\u2642\ufe0f": Reply.UNSURE,
}
"""The few emoji that say yes, no or not sure on their own."""


def settled_yes_no(
    reply: str,
    intent: str | None,
    check_script: Callable[[str], None],
    read: Callable[[str], set[Reply]],
) -> list[Reply]:
    """The yes / no / not sure the reply states (sorted), or Unreadable:
    an emoji that answers alone; else `check_script` (raises for a reply the
    language does not read), then the language's `read`, asked again when it
    finds nothing or the classifier's firm opinion contradicts it."""
    bare = re.sub("[\ufe0f\u200d\u2640\u2642\U0001f3fb-\U0001f3ff]", "", reply.strip())
    if (emoji := EMOJI_REPLIES.get(bare)) is not None:
        return [emoji]
    check_script(reply)
    readings = read(reply)
    if not readings:
        raise Unreadable("utter_invalid_yes_no")
    opinion = INTENT_REPLIES.get(intent or "")
    if readings in ({Reply.YES}, {Reply.NO}) and opinion and opinion not in readings:
        raise Unreadable("utter_invalid_yes_no")  # the classifier heard otherwise: ask
    return sorted(readings, key=lambda r: r.value)
