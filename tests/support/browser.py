"""Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven
by Playwright (its own browser download does not work on these machines).

Reusable by every web part: `browser` is one Chromium per session, `page` a
fresh context (no cookies, no storage) per test. `scripts/setup test` installs the
browser and a CJK font.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from harness.browser import launch


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = launch(playwright)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page in a context of its own (fresh cookies), 1280 wide."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    yield opened
    close(context)


def close(context: BrowserContext) -> None:
    """Close as a patient closes the tab: each page unloads first, so the
    browser ends the chat's WebSocket with a close frame. (The traceback this
    was first written against, "Cannot call write() after write_eof()", was
    the server's: `channels.patient_socketio.ClosingWebSocket` fixes it.)"""
    for opened in context.pages:
        opened.goto("about:blank")
    context.close()
