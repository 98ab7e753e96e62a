"""The inbox in real headless Chromium against a real inbox server process."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from bot.services import Services
from harness.servers import InboxServer
from tests.support.inbox import PASSWORD, draft

pytestmark = pytest.mark.browser


def log_in(page: Page, inbox: InboxServer, username: str) -> None:
    page.goto(inbox.url + "/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button[type=submit]")
    expect(page.locator("#new-count")).to_be_visible()


def test_a_logged_out_visitor_sees_nothing(page: Page, inbox: InboxServer, staff: Services) -> None:
    stored = staff.referrals.save(draft("browser-logged-out", name="Hidden Person"))
    for path in ("/", f"/referrals/{stored.id}"):
        page.goto(inbox.url + path)
        expect(page).to_have_url(re.compile(r"/login"))
        assert "Hidden Person" not in page.content()


def test_html_in_a_name_is_shown_as_text(page: Page, inbox: InboxServer, staff: Services) -> None:
    name = '<img src=x onerror="document.title=1"><script>document.title="owned"</script>'
    stored = staff.referrals.save(draft("browser-html", name=name))
    log_in(page, inbox, "coord")

    page.goto(f"{inbox.url}/referrals/{stored.id}")

    expect(page.locator("#contact-name")).to_have_text(name)
    assert page.title() not in ("owned", "1")
    assert page.locator("#contact-name img, #contact-name script").count() == 0


def test_the_chinese_interface(page: Page, inbox: InboxServer, staff: Services) -> None:
    stored = staff.referrals.save(draft("browser-zh"))
    log_in(page, inbox, "coord")
    page.click("#language button[value=zh]")
    expect(page.locator("h1")).to_contain_text("转诊")

    page.goto(f"{inbox.url}/referrals/{stored.id}")

    expect(page.locator("h2").first).to_have_text("联系方式")
    page.click("#language button[value=en]")  # the choice is kept on the account
    expect(page.locator("h2").first).to_have_text("Contact")


def test_a_coordinator_cannot_reach_admin_pages(page: Page, inbox: InboxServer) -> None:
    log_in(page, inbox, "coord")
    assert page.locator("header nav a", has_text="Accounts").count() == 0
    for path in ("/admin/accounts", "/admin/audit"):
        response = page.goto(inbox.url + path)
        assert response is not None and response.status == 403
        expect(page.locator("p.error")).to_have_text("You may not open this page.")


def test_an_admin_sees_the_audit_log(page: Page, inbox: InboxServer) -> None:
    log_in(page, inbox, "boss")
    page.click("header nav a:has-text('Audit log')")
    expect(page.locator("#chain-intact")).to_be_visible()
    expect(page.locator("table.audit")).to_contain_text("boss")


def test_an_admin_creates_an_account_that_can_then_log_in(
    page: Page, inbox: InboxServer, staff: Services
) -> None:
    log_in(page, inbox, "boss")
    page.click("header nav a:has-text('Accounts')")
    form = page.locator("form.create-account")
    form.locator("input[name=username]").fill("newcoord")
    form.locator("input[name=password]").fill(PASSWORD)
    form.locator("select[name=language]").select_option("zh")
    form.locator("button[type=submit]").click()
    expect(page.locator('tr[data-account="newcoord"]')).to_contain_text("coordinator")

    page.context.clear_cookies()
    log_in(page, inbox, "newcoord")
    expect(page.locator("h1")).to_contain_text("转诊")  # the language chosen for the account
