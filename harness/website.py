"""A patient on the website, in a real browser (for the browser tests and
the docs' screenshots): reads the chat as displayed and answers each question
by clicking its button or typing, as a person would.

Questions are recognised as in harness/patients.py (the text of the
`utter_ask_<slot>` response); the bot's last bubble is the question.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from playwright.sync_api import Page

from bot.settings import PROJECT_ROOT
from channels.website import page_path
from harness.patients import CONFIRMED, QUESTIONS

AXE = PROJECT_ROOT / "website" / "node_modules" / "axe-core" / "axe.min.js"
BOT = "#chat-widget .rw-response"
REPLY_BUTTONS = "#chat-widget button.rw-reply"
BOX = "#chat-widget textarea.rw-new-message"
TYPING = "#chat-widget .rw-typing-indication"
SETTLE = 1.5
"""Seconds without a new bubble after which a turn that ends in no question is over."""
QUESTION_SETTLE = 0.4
"""The same after a question: the bot asks last in a turn, then waits."""
SPACES = re.compile(r"\s+")


def normal(text: str) -> str:
    return SPACES.sub(" ", text).strip()


NORMAL_QUESTIONS = {normal(text): slot for text, slot in QUESTIONS.items()}


def open_site(page: Page, base_url: str, language: str = "en") -> None:
    """Open the page and wait for the chat's first turn."""
    page.goto(base_url + page_path(language))
    page.locator(BOT).first.wait_for()
    settle(page, 0)


def bubbles(page: Page) -> list[str]:
    """The bot's messages as displayed, in order."""
    return [normal(text) for text in page.locator(BOT).all_inner_texts()]


def settle(page: Page, before: int, timeout: float = 60.0) -> list[str]:
    """Wait until the bot has said more than `before` bubbles, shows no typing
    indicator (the widget's sign of a message it holds back), and has said
    nothing new since: QUESTION_SETTLE seconds when its last bubble is a
    question, else SETTLE; all bubbles."""
    deadline = time.monotonic() + timeout
    seen, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        count = page.locator(BOT).count()
        if count != seen or page.locator(TYPING).count():
            seen, since = count, time.monotonic()
        elif count > before and time.monotonic() - since >= quiet_time(page):
            return bubbles(page)
        page.wait_for_timeout(100)
    raise TimeoutError(f"no reply after {before} bubbles: {bubbles(page)[-3:]}")


def quiet_time(page: Page) -> float:
    """How long the bot must stay quiet before its turn counts as over."""
    return QUESTION_SETTLE if question(page) else SETTLE


def question(page: Page) -> str | None:
    """The slot the bot's last bubble asks for, if it is a question."""
    said = bubbles(page)
    return NORMAL_QUESTIONS.get(said[-1]) if said else None


def answer(page: Page, words: str) -> str:
    """Click the answer button titled `words` if the question has one, else
    type `words` and press Enter; 'clicked' or 'typed'."""
    before = page.locator(BOT).count()
    buttons = page.locator(REPLY_BUTTONS)
    titles = [normal(t).lower() for t in buttons.all_inner_texts()]
    how = "typed"
    if words.lower() in titles:
        buttons.nth(titles.index(words.lower())).click()
        how = "clicked"
    else:
        page.locator(BOX).fill(words)
        page.locator(BOX).press("Enter")
    settle(page, before)
    return how


def has_focus(page: Page, selector: str) -> bool:
    """True when the element matching `selector` has the keyboard focus."""
    return bool(page.locator(selector).evaluate("element => element === document.activeElement"))


def answer_by_keyboard(page: Page, words: str) -> str:
    """Answer as a keyboard user, from the message box, where the focus must
    be (the widget puts it there, and chat.js keeps it there after an answer
    button): Shift+Tab back to the answer button titled `words` and Enter, if
    the question has one, else type `words` and Enter; 'pressed' or 'typed'."""
    if not has_focus(page, BOX):
        raise AssertionError(f"the focus is not in the message box: {bubbles(page)[-1:]}")
    before = page.locator(BOT).count()
    titles = [normal(t).lower() for t in page.locator(REPLY_BUTTONS).all_inner_texts()]
    how = "typed"
    if words.lower() in titles:
        target = f"{REPLY_BUTTONS} >> nth={titles.index(words.lower())}"
        for _ in range(len(titles)):  # the buttons come just before the box
            page.keyboard.press("Shift+Tab")
            if has_focus(page, target):
                break
        else:
            raise AssertionError(f"Shift+Tab from the box never reached the button {words!r}")
        page.keyboard.press("Enter")
        how = "pressed"
    else:
        page.keyboard.type(words)
        page.keyboard.press("Enter")
    settle(page, before)
    return how


@dataclass
class Visit:
    asked: list[str] = field(default_factory=list)
    how: list[str] = field(default_factory=list)


def screen_in_browser(
    page: Page, facts: dict[str, str], stop_at: str | None = None, keyboard: bool = False
) -> Visit:
    """Answer every question from `facts` (the chat already open) until the
    bot stops asking, or until it asks `stop_at` (left unanswered); with
    `keyboard`, by the keyboard alone (`answer_by_keyboard`)."""
    visit = Visit()
    reply = answer_by_keyboard if keyboard else answer
    for _ in range(60):
        slot = question(page)
        if slot is None or slot == stop_at:
            return visit
        if slot == CONFIRMED:
            visit.how.append(reply(page, facts.get(CONFIRMED, "yes")))
            continue
        if slot not in facts:
            raise AssertionError(f"unexpected question {slot!r}; asked {visit.asked}")
        visit.asked.append(slot)
        visit.how.append(reply(page, facts[slot]))
    raise AssertionError("the conversation did not end")


def serious_violations(page: Page) -> list[str]:
    """axe-core (from website/node_modules, injected from the local file) on
    the page as it is: the serious and critical violations, one line each."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]
