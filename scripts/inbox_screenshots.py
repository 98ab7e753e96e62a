"""Screenshots of the coordinators' inbox for the docs, made from fake data:
`.venv/bin/python -m scripts.inbox_screenshots` writes docs/inbox-list.png,
docs/inbox-referral.png and docs/inbox-list-zh.png (a temporary database, a
real inbox server process, Debian's headless chromium)."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from cryptography.fernet import Fernet
from playwright.sync_api import sync_playwright

from bot.protocol.contradictions import Flag, FlagKind
from bot.protocol.eligibility import Outcome, evaluate
from bot.referrals.contact import Contact, ContactTime
from bot.referrals.model import ReferralDraft, Request, draft_from_screening
from bot.services import Services
from bot.settings import Settings
from harness.browser import launch
from harness.patients import ELIGIBLE, ELIGIBLE_ANSWERS, ELIGIBLE_SLOTS
from harness.servers import ROOT, SERVERS_AUDIT_KEY, SERVERS_LOOKUP_KEY, InboxServer, free_port
from inbox.accounts import AccountStore, Role

DOCS = ROOT / "docs"
PASSWORD = "screenshots only"


def fake_referrals(today: date) -> list[ReferralDraft]:
    """Invented patients: a pre-qualified one, a deferred one, a callback, and
    a second referral with the first one's phone number."""
    words = {slot: ELIGIBLE[slot] for slot in ELIGIBLE_SLOTS}
    first = draft_from_screening(
        "demo-1", evaluate(ELIGIBLE_ANSWERS, today), ELIGIBLE_SLOTS,
        Contact("Li Wei (demo)", "+86 138 0000 0001", None, ContactTime.MORNING), words=words,
        flags=(Flag(FlagKind.CHANGED, "car_t", "yes -> no"),),
    )  # fmt: skip
    deferred = replace(
        first, conversation_id="demo-2", outcome=Outcome.DEFERRED,
        rescreen_date=today + timedelta(days=20), language="zh",
        contact=Contact("Zhang Min (demo)", None, "zhang.min@example.com", ContactTime.ANY),
    )  # fmt: skip
    callback = replace(
        first, conversation_id="demo-3", request=Request.CALLBACK, outcome=Outcome.INCOMPLETE,
        contact=Contact("Chen Jie (demo)", "+86 139 0000 0003", None, ContactTime.EVENING),
    )  # fmt: skip
    again = replace(first, conversation_id="demo-4")  # the same phone: a possible duplicate
    return [first, deferred, callback, again]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        key = Fernet.generate_key().decode()
        url = f"sqlite:///{work / 'referrals.db'}"
        services = Services(
            Settings(database_url=url, keys=(key,), key_file=work / "key",
                     lookup_key=SERVERS_LOOKUP_KEY, audit_key=SERVERS_AUDIT_KEY)
        )  # fmt: skip
        for draft in fake_referrals(date.today()):
            services.referrals.save(draft)
        AccountStore(services.engine).create("coordinator", PASSWORD, Role.COORDINATOR)
        with InboxServer(free_port(), work, key, url) as inbox, sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(inbox.url + "/login")
            page.fill("input[name=username]", "coordinator")
            page.fill("input[name=password]", PASSWORD)
            page.click("form.login button[type=submit]")
            page.wait_for_selector("#new-count")
            page.screenshot(path=str(DOCS / "inbox-list.png"), full_page=True)
            page.click('tr[data-referral="1"] a')
            page.wait_for_selector("#contact-name")
            page.screenshot(path=str(DOCS / "inbox-referral.png"), full_page=True)
            page.click("#language button[value=zh]")
            page.click("header nav a >> nth=0")
            page.wait_for_selector("#new-count")
            page.screenshot(path=str(DOCS / "inbox-list-zh.png"), full_page=True)
            browser.close()
    print("docs/inbox-list.png, docs/inbox-referral.png, docs/inbox-list-zh.png")


if __name__ == "__main__":
    main()
