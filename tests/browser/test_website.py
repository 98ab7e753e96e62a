"""The patient website in real headless Chromium, its chat talking over
socket.io to the real Rasa and action servers (tests/e2e's session servers):
whole screenings by clicking and typing, in English and in Chinese, and by the
keyboard alone, checked in the referral store; an exclusion; a reload
mid-screening; "End and clear"; axe-core; the addresses without their slash;
and nothing loaded from anywhere but the site."""

from __future__ import annotations

import re
from collections.abc import Iterator
from http.client import HTTPConnection
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from bot.protocol.eligibility import Outcome
from bot.referrals.store import ReferralStore
from channels.conversation_secret import ConversationSecrets
from channels.website import LANGUAGES, page_path
from harness.patients import CONFIRMED, ELIGIBLE, ELIGIBLE_ZH, text_of
from harness.servers import SERVERS_CONVERSATION_KEY, RasaServer
from harness.website import (
    BOT,
    BOX,
    REPLY_BUTTONS,
    bubbles,
    has_focus,
    normal,
    open_site,
    question,
    screen_in_browser,
    serious_violations,
    settle,
)
from tests.support.browser import close
from tests.support.logs import faults_in

pytestmark = pytest.mark.browser

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 375, "height": 740}

CHINESE = {
    **ELIGIBLE_ZH,  # typed, except the answers that are a button's title:
    "screening_consent": "是",
    "car_t": "否",
    "diagnosis": "系统性红斑狼疮",
    "ecog": "我干不了重活，但能做轻松的工作",  # noqa: RUF001 - the button, full-width comma
    "contact_name": "张伟",
    "contact_phone": "13800138000",
    "contact_email": "跳过",
    "contact_time": "上午",
    CONFIRMED: "是",
}
"""The patient of harness.patients.ELIGIBLE_ZH on the Chinese page, clicking
the answer buttons where one says what they would type."""


def session_id(page: Page) -> str:
    """The secret the widget keeps on the device (its session id)."""
    stored = page.evaluate("() => JSON.parse(localStorage.getItem('chat_session') || '{}')")
    return str(stored.get("session_id", ""))


def conversation_of(page: Page) -> str:
    """The conversation id the stores know the device's conversation by,
    derived from its secret with the servers' key."""
    return ConversationSecrets(SERVERS_CONVERSATION_KEY.encode()).conversation_id(session_id(page))


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A phone-sized page, as in an in-app browser (touch, 375 px wide)."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN")
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    yield opened
    close(context)


def test_a_patient_completes_a_screening_by_clicking_and_typing(
    page: Page, rasa: RasaServer, referrals: ReferralStore
) -> None:
    open_site(page, rasa.url)
    visit = screen_in_browser(page, {**ELIGIBLE, "contact_name": "Website Patient"})
    assert "clicked" in visit.how and "typed" in visit.how
    assert visit.asked[0] == "screening_consent" and "contact_phone" in visit.asked
    stored = referrals.get(conversation_of(page))
    assert stored is not None and stored.contact.name == "Website Patient"
    assert stored.outcome is Outcome.PRE_QUALIFIED
    expect(page.locator(BOT).last).to_contain_text(re.compile("passed|team", re.I))


def test_a_hard_exclusion_shows_its_reason(page: Page, rasa: RasaServer) -> None:
    open_site(page, rasa.url)
    screen_in_browser(page, {**ELIGIBLE, "car_t": "yes"})
    reason = re.sub(r"\s+", " ", text_of("utter_excluded_e1")).strip()
    assert reason in bubbles(page)


def test_a_reload_mid_screening_continues_at_the_same_question(
    page: Page, rasa: RasaServer, referrals: ReferralStore
) -> None:
    printed: list[str] = []
    page.on("console", lambda message: printed.append(message.text))
    open_site(page, rasa.url)
    screen_in_browser(page, ELIGIBLE, stop_at="diagnosis")
    said, secret = bubbles(page), session_id(page)
    page.reload()
    page.locator(BOT).first.wait_for()
    assert session_id(page) == secret
    assert bubbles(page) == said  # the conversation so far, from the device
    assert question(page) == "diagnosis"
    screen_in_browser(page, {**ELIGIBLE, "contact_name": "Reload Patient"})
    assert question(page) is None
    stored = referrals.get(conversation_of(page))
    assert stored is not None and stored.contact.name == "Reload Patient"
    # The secret is never printed (the widget's console lines are patched
    # out), and the conversation id never reaches the device.
    assert [line for line in printed if secret in line] == []
    device = page.evaluate("() => JSON.stringify({...localStorage, ...sessionStorage})")
    assert secret in device and conversation_of(page) not in device + page.content()


def test_end_and_clear_leaves_nothing_after_a_reload(page: Page, rasa: RasaServer) -> None:
    open_site(page, rasa.url)
    screen_in_browser(page, ELIGIBLE, stop_at="transplant")
    old = session_id(page)
    page.keyboard.press("Escape")
    page.locator("#end-chat").focus()
    page.keyboard.press("Enter")  # the keyboard alone
    expect(page.locator("#end-yes")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/study/#chat$"))
    page.locator(BOT).first.wait_for()
    settle(page, 0)  # the new conversation's first turn, stored on the device
    page.reload()
    page.locator(BOT).first.wait_for()
    assert session_id(page) not in ("", old)
    assert question(page) == "screening_consent"  # a new conversation from its start
    assert "I'm 45" not in page.locator("#chat-widget").inner_text()


def tab_to(page: Page, selector: str, presses: int = 80) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(presses):
        if has_focus(page, selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_the_keyboard_alone_completes_a_screening(
    page: Page, rasa: RasaServer, referrals: ReferralStore
) -> None:
    """Tab from the page's start to the message box; from then on every answer
    starts in the box: typed there, or Shift+Tab back to its answer button and
    Enter; after a button the focus is back in the box (website/static/chat.js)."""
    open_site(page, rasa.url)
    page.locator("body").focus()
    tab_to(page, BOX)
    visit = screen_in_browser(page, {**ELIGIBLE, "contact_name": "Keyboard Patient"}, keyboard=True)
    assert "pressed" in visit.how and "typed" in visit.how
    assert "contact_phone" in visit.asked
    stored = referrals.get(conversation_of(page))
    assert stored is not None and stored.contact.name == "Keyboard Patient"
    assert stored.outcome is Outcome.PRE_QUALIFIED
    assert has_focus(page, BOX)


def test_a_patient_completes_a_screening_in_chinese(
    browser: Browser, rasa: RasaServer, referrals: ReferralStore
) -> None:
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN", bypass_csp=True)  # for axe
    page = context.new_page()
    page.set_default_timeout(15_000)
    open_site(page, rasa.url, "zh")
    assert bubbles(page)[0] == normal(text_of("utter_intro", language="zh"))  # Chinese from hello
    screen_in_browser(page, CHINESE, stop_at="ecog")
    assert serious_violations(page) == []  # mid-screening, the long Chinese answer buttons shown
    visit = screen_in_browser(page, CHINESE)
    assert {"clicked", "typed"} <= set(visit.how) and visit.asked[0] == "ecog"
    stored = referrals.get(conversation_of(page))
    assert stored is not None
    assert (stored.outcome, stored.language) == (Outcome.PRE_QUALIFIED, "zh")
    assert (stored.contact.name, stored.contact.phone, stored.contact.email) == (
        "张伟",
        "13800138000",
        None,
    )
    assert stored.contact.preferred_time is not None
    assert stored.contact.preferred_time.value == "morning"
    assert bubbles(page)[-1] == normal(text_of("utter_referral_saved", language="zh"))
    close(context)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_no_serious_accessibility_violation_mid_screening(
    browser: Browser, rasa: RasaServer, language: str, size: str
) -> None:
    context = browser.new_context(
        viewport=DESKTOP if size == "desktop" else PHONE,
        bypass_csp=True,  # to inject axe
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    open_site(page, rasa.url, language)
    patient = CHINESE if language == "zh" else ELIGIBLE
    screen_in_browser(page, patient, stop_at="diagnosis")  # answer buttons on screen
    assert question(page) == "diagnosis"
    assert serious_violations(page) == []
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= (DESKTOP if size == "desktop" else PHONE)["width"]  # no sideways scrolling
    close(context)


def test_the_chinese_page_chats_in_chinese_from_the_first_reply(
    phone: Page, rasa: RasaServer
) -> None:
    open_site(phone, rasa.url, "zh")
    expect(phone.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(phone.locator("#language-notice")).to_have_count(0)  # no "not available yet"
    assert "英文" not in phone.locator("main").inner_text()
    assert bubbles(phone) == [
        normal(text_of("utter_intro", language="zh")),
        normal(text_of("utter_ask_screening_consent", language="zh")),
    ]
    expect(phone.locator(REPLY_BUTTONS)).to_have_text(["是", "否"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_address_without_its_slash_leads_to_the_page(
    page: Page, rasa: RasaServer, language: str
) -> None:
    bare = page_path(language).rstrip("/")
    address = urlsplit(rasa.url)
    connection = HTTPConnection(address.hostname or "", address.port, timeout=10)
    connection.request("GET", bare + "?from=poster")
    answered = connection.getresponse()
    assert (answered.status, answered.getheader("Location")) == (
        301,
        page_path(language) + "?from=poster",
    )
    connection.close()
    page.goto(rasa.url + bare)
    assert page.url == rasa.url + page_path(language)
    page.locator(BOT).first.wait_for()  # the page and its chat


def test_nothing_is_loaded_from_another_origin(page: Page, rasa: RasaServer) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    failed: list[str] = []
    page.on("console", lambda m: failed.append(m.text) if m.type == "error" else None)
    for language in ("en", "zh"):
        open_site(page, rasa.url, language)
    assert requested and all(url.startswith(rasa.url) for url in requested), requested
    assert failed == []
    assert page.context.cookies() == []  # no cookie at all, so no third-party one


def test_the_language_switch(page: Page, rasa: RasaServer) -> None:
    open_site(page, rasa.url)
    page.click("#language-zh")
    page.wait_for_url(re.compile(re.escape(page_path("zh")) + "$"))
    page.click("#language-en")
    page.wait_for_url(re.compile(re.escape(page_path("en")) + "$"))


def test_switching_the_page_mid_screening_goes_on_in_its_language(
    page: Page, rasa: RasaServer
) -> None:
    open_site(page, rasa.url)
    screen_in_browser(page, ELIGIBLE, stop_at="car_t")
    conversation = session_id(page)

    page.click("#language-zh")
    page.wait_for_url(re.compile(re.escape(page_path("zh")) + "$"))
    expect(page.locator(BOT).last).to_have_text(normal(text_of("utter_ask_car_t", language="zh")))
    assert session_id(page) == conversation  # the same conversation, its answers kept
    assert question(page) == "car_t"


def test_no_server_logged_an_error_or_a_patients_answer(rasa: RasaServer) -> None:
    """Runs after the conversations above (same session servers)."""
    assert faults_in(rasa.log, rasa.workdir / "actions.log") == []
    for log in (rasa.log, rasa.workdir / "actions.log"):
        content = log.read_text(errors="replace")
        for patient in ("Website Patient", "Keyboard Patient", "张伟", "13800138000"):
            assert patient not in content, log
