"""The patient website in real headless Chromium, its chat talking over
socket.io to the real Rasa and action servers (tests/e2e's session servers):
whole screenings by clicking and typing, checked in the referral store; an
exclusion; a reload mid-screening; "End and clear"; axe-core; and nothing
loaded from anywhere but the site."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from bot.protocol.eligibility import Outcome
from bot.referrals.store import ReferralStore
from channels.website import page_path
from scripts.patients import ELIGIBLE, text_of
from scripts.servers import RasaServer
from scripts.website_patient import (
    BOT,
    answer,
    bubbles,
    open_site,
    question,
    screen_in_browser,
    serious_violations,
    settle,
)

pytestmark = pytest.mark.browser

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 375, "height": 740}


def session_id(page: Page) -> str:
    """The conversation id the widget keeps on the device (its sender id)."""
    stored = page.evaluate("() => JSON.parse(localStorage.getItem('chat_session') || '{}')")
    return str(stored.get("session_id", ""))


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A phone-sized page, as in an in-app browser (touch, 375 px wide)."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN")
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    yield opened
    context.close()


def test_a_patient_completes_a_screening_by_clicking_and_typing(
    page: Page, rasa: RasaServer, referrals: ReferralStore
) -> None:
    open_site(page, rasa.url)
    visit = screen_in_browser(page, {**ELIGIBLE, "contact_name": "Website Patient"})
    assert "clicked" in visit.how and "typed" in visit.how
    assert visit.asked[0] == "screening_consent" and "contact_phone" in visit.asked
    stored = referrals.get(session_id(page))
    assert stored is not None and stored.contact.name == "Website Patient"
    assert stored.outcome is Outcome.PRE_QUALIFIED
    expect(page.locator(BOT).last).to_contain_text(re.compile("passed|team", re.I))


def test_a_hard_exclusion_shows_its_reason(page: Page, rasa: RasaServer) -> None:
    open_site(page, rasa.url)
    screen_in_browser(page, {**ELIGIBLE, "car_t": "yes"})
    reason = re.sub(r"\s+", " ", text_of("utter_excluded_e1")).strip()
    assert reason in bubbles(page)


def test_a_reload_mid_screening_continues_at_the_same_question(
    page: Page, rasa: RasaServer
) -> None:
    open_site(page, rasa.url)
    screen_in_browser(page, ELIGIBLE, stop_at="diagnosis")
    said, conversation = bubbles(page), session_id(page)
    page.reload()
    page.locator(BOT).first.wait_for()
    assert session_id(page) == conversation
    assert bubbles(page) == said  # the conversation so far, from the device
    assert question(page) == "diagnosis"
    screen_in_browser(page, {**ELIGIBLE, "contact_name": "Reload Patient"})
    assert question(page) is None


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
    target = page.locator(selector)
    for _ in range(presses):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_the_keyboard_alone_answers_with_buttons_and_typing(page: Page, rasa: RasaServer) -> None:
    open_site(page, rasa.url)
    page.locator("body").focus()
    tab_to(page, "#chat-widget button.rw-reply >> nth=0")  # "Yes" to the consent question
    before = page.locator(BOT).count()
    page.keyboard.press("Enter")
    settle(page, before)
    assert question(page) == "birth"
    tab_to(page, "#chat-widget textarea.rw-new-message")
    page.keyboard.type("I'm 45")
    before = page.locator(BOT).count()
    page.keyboard.press("Enter")
    settle(page, before)
    assert question(page) == "car_t"


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
    if language == "zh":  # the Chinese reply first; "hi" starts the English screening
        answer(page, "hi")
    screen_in_browser(page, ELIGIBLE, stop_at="diagnosis")  # answer buttons on screen
    assert question(page) == "diagnosis"
    assert serious_violations(page) == []
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= (DESKTOP if size == "desktop" else PHONE)["width"]  # no sideways scrolling
    context.close()


def test_the_chinese_page_says_the_chinese_chat_is_not_available_and_offers_a_person(
    phone: Page, rasa: RasaServer
) -> None:
    open_site(phone, rasa.url, "zh")
    expect(phone.locator("#language-notice")).to_contain_text("中文聊天助手尚未开放")
    expect(phone.locator("html")).to_have_attribute("lang", "zh-Hans")
    first = phone.locator(BOT).first
    expect(first).to_contain_text("中文版的预筛查助手还在准备中")
    expect(phone.locator("#chat-widget button.rw-reply").first).to_contain_text("请工作人员联系我")


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


def test_no_server_logged_an_error_or_a_patients_answer(rasa: RasaServer) -> None:
    """Runs after the conversations above (same session servers)."""
    for log in (rasa.log, rasa.workdir / "actions.log"):
        content = log.read_text(errors="replace")
        assert not re.search(r"\sERROR\s", content) and "Traceback" not in content, log
        assert "Website Patient" not in content and "13800138000" not in content, log
