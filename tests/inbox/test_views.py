"""The referral pages: list, filters, count of new, possible duplicates, one
referral with its answers, the workflow and notes; everything escaped; on
SQLite and PostgreSQL."""

from __future__ import annotations

from flask.testing import FlaskClient

from bot.protocol.eligibility import Outcome
from bot.referrals.model import Request, Status
from bot.services import Services
from tests.support.inbox import post, referred


def rows(page: str) -> int:
    return page.count('data-referral="')


def test_the_list_shows_newest_first_without_contact_details(
    coordinator: FlaskClient, services: Services
) -> None:
    first = referred(services, conversation_id="a")
    second = referred(services, conversation_id="b", phone="+86 139 0000 0000")

    page = coordinator.get("/").get_data(as_text=True)

    assert page.index(f'data-referral="{second.id}"') < page.index(f'data-referral="{first.id}"')
    assert "New referrals: 2" in page
    assert "Anna Kowalska" not in page and "0013 8000" not in page


def test_the_list_filters(coordinator: FlaskClient, services: Services) -> None:
    referred(services, conversation_id="a", diagnosis="sle")
    referred(services, conversation_id="b", diagnosis="sjogren", request=Request.CALLBACK,
             outcome=Outcome.INCOMPLETE, language="zh", phone="1")  # fmt: skip
    services.referrals.change_status("a", Status.CONTACTED, "coord")

    def count(query: str) -> int:
        return rows(coordinator.get(f"/?{query}").get_data(as_text=True))

    assert count("") == 2
    assert count("status=new") == 1 and count("status=contacted") == 1
    assert count("request=callback") == 1 and count("outcome=pre_qualified") == 1
    assert count("disease=sjogren") == 1 and count("disease=dermatomyositis") == 0
    assert count("language=zh") == 1
    assert count("since=2000-01-01&until=2999-01-01") == 2
    assert count("since=2999-01-01") == 0 and count("until=2000-01-01") == 0


def test_same_phone_or_email_is_marked_as_a_possible_duplicate(
    coordinator: FlaskClient, services: Services
) -> None:
    first = referred(services, conversation_id="a", phone="+86 138 0013 8000")
    second = referred(services, conversation_id="b", phone="13800138000")  # written otherwise
    third = referred(services, conversation_id="c", phone=None, email="X@Example.com")
    fourth = referred(services, conversation_id="d", phone="+86 139 1111 2222",
                      email=" x@example.com")  # fmt: skip
    other = referred(services, conversation_id="e", phone="+86 150 0000 0000")

    page = coordinator.get(f"/referrals/{second.id}").get_data(as_text=True)
    assert f"#{first.id}" in page and "Possible duplicate" in page
    page = coordinator.get(f"/referrals/{fourth.id}").get_data(as_text=True)
    assert f"#{third.id}" in page
    page = coordinator.get(f"/referrals/{other.id}").get_data(as_text=True)
    assert "Possible duplicate" not in page
    assert coordinator.get("/").get_data(as_text=True).count("Possible duplicate:") == 4


def test_one_referral_shows_contact_answers_words_and_what_to_verify(
    coordinator: FlaskClient, services: Services
) -> None:
    referral = referred(services, email="anna@example.com")

    page = coordinator.get(f"/referrals/{referral.id}").get_data(as_text=True)

    for shown in ("Anna Kowalska", "+86 138 0013 8000",
                  "anna@example.com", "morning", "diagnosis: sle", "I have lupus",
                  "hepatitis_or_cmv: unsure", "not sure", "E5: The patient was not sure: check",
                  referral.protocol_version):  # fmt: skip
        assert shown in page, shown


def test_a_wechat_id_is_shown_beside_phone_and_e_mail(
    coordinator: FlaskClient, services: Services
) -> None:
    given = referred(services, conversation_id="a", language="zh", wechat="ZhangWei_1985")
    same = referred(services, conversation_id="b", wechat="+86 138 0013 8000")
    none = referred(services, conversation_id="c")

    page = coordinator.get(f"/referrals/{given.id}").get_data(as_text=True)
    assert '<dd id="contact-wechat">ZhangWei_1985</dd>' in page
    assert "<dt>WeChat</dt>" in page
    page = coordinator.get(f"/referrals/{same.id}").get_data(as_text=True)
    assert '<dd id="contact-wechat">+86 138 0013 8000 (the phone number)</dd>' in page
    page = coordinator.get(f"/referrals/{none.id}").get_data(as_text=True)
    assert '<dd id="contact-wechat"></dd>' in page
    assert "ZhangWei_1985" not in coordinator.get("/").get_data(as_text=True)  # list: none

    post(coordinator, "/language", {"language": "zh", "back": f"/referrals/{same.id}"})
    page = coordinator.get(f"/referrals/{same.id}").get_data(as_text=True)
    assert "<dt>微信</dt>" in page and "即电话号码" in page


def test_the_same_wechat_id_is_a_possible_duplicate(
    coordinator: FlaskClient, services: Services
) -> None:
    first = referred(services, conversation_id="a", phone="+86 138 0013 8000",
                     wechat="ZhangWei_1985")  # fmt: skip
    second = referred(services, conversation_id="b", phone=None, email="z@example.com",
                      wechat="zhangwei_1985")  # fmt: skip
    by_number = referred(services, conversation_id="c", phone=None, email="c@example.com",
                         wechat="13911112222")  # fmt: skip
    its_phone = referred(services, conversation_id="d", phone="+86 139 1111 2222")
    other = referred(services, conversation_id="e", phone="+86 150 0000 0000",
                     wechat="LiNa_2001")  # fmt: skip

    page = coordinator.get(f"/referrals/{second.id}").get_data(as_text=True)
    assert f"#{first.id}" in page and "Same phone, e-mail or WeChat as" in page
    page = coordinator.get(f"/referrals/{its_phone.id}").get_data(as_text=True)
    assert f"#{by_number.id}" in page
    page = coordinator.get(f"/referrals/{other.id}").get_data(as_text=True)
    assert "Possible duplicate" not in page


def test_html_in_a_name_or_words_is_shown_as_text(
    coordinator: FlaskClient, services: Services
) -> None:
    referral = referred(services, name='<script>alert("x")</script><b>Bo</b>')

    page = coordinator.get(f"/referrals/{referral.id}").get_data(as_text=True)

    assert "<script>alert" not in page and "<b>Bo</b>" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;b&gt;Bo&lt;/b&gt;" in page


def test_the_workflow_allows_only_the_models_transitions(
    coordinator: FlaskClient, services: Services
) -> None:
    referral = referred(services)
    path = f"/referrals/{referral.id}"

    post(coordinator, f"{path}/status", {"status": "enrolled"}, path)  # skips two steps
    assert services.referrals.get("conv-1").status is Status.NEW  # type: ignore[union-attr]
    for step in ("contacted", "visit_scheduled", "enrolled"):
        post(coordinator, f"{path}/status", {"status": step}, path)
    stored = services.referrals.get("conv-1")
    assert stored is not None and stored.status is Status.ENROLLED
    assert [e.actor for e in stored.history] == ["patient", "coord", "coord", "coord"]
    post(coordinator, f"{path}/status", {"status": "not_enrolled", "reason": "declined"}, path)
    assert services.referrals.get("conv-1").status is Status.ENROLLED  # type: ignore[union-attr]


def test_not_enrolled_needs_a_reason_from_the_list(
    coordinator: FlaskClient, services: Services
) -> None:
    referral = referred(services)
    path = f"/referrals/{referral.id}"

    post(coordinator, f"{path}/status", {"status": "not_enrolled", "reason": "bored"}, path)
    assert services.referrals.get("conv-1").status is Status.NEW  # type: ignore[union-attr]
    post(coordinator, f"{path}/status", {"status": "not_enrolled", "reason": "unreachable"}, path)
    stored = services.referrals.get("conv-1")
    assert stored is not None and stored.status is Status.NOT_ENROLLED
    assert stored.history[-1].note == "reason:unreachable"
    assert "could not be reached" in coordinator.get(path).get_data(as_text=True)


def test_notes_are_kept_with_their_author(coordinator: FlaskClient, services: Services) -> None:
    referral = referred(services)
    path = f"/referrals/{referral.id}"

    post(coordinator, f"{path}/notes", {"text": "Called, <i>no answer</i>"}, path)

    page = coordinator.get(path).get_data(as_text=True)
    assert "coord: Called, &lt;i&gt;no answer&lt;/i&gt;" in page


def test_an_unknown_referral_is_not_found(coordinator: FlaskClient) -> None:
    assert coordinator.get("/referrals/999").status_code == 404


def test_the_chinese_interface(coordinator: FlaskClient, services: Services) -> None:
    referral = referred(services)
    post(coordinator, "/language", {"language": "zh", "back": f"/referrals/{referral.id}"})

    page = coordinator.get(f"/referrals/{referral.id}").get_data(as_text=True)
    assert "联系方式" in page and "初筛合格" in page and 'lang="zh-CN"' in page
    assert "转诊收件箱" in coordinator.get("/").get_data(as_text=True)
