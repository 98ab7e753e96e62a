"""Keyed hashes of contact details: the same detail however it was written,
and a WeChat account found by a mobile number is that number."""

from __future__ import annotations

from tests.support.stores import LOOKUP


def test_a_wechat_id_is_the_same_in_any_case_and_differs_from_another() -> None:
    key = LOOKUP.wechat_key("ZhangWei_1985")
    assert key is not None and len(key) == 64
    assert LOOKUP.wechat_key(" zhangwei_1985 ") == key
    assert LOOKUP.wechat_key("ZhangWei_1986") != key


def test_a_wechat_found_by_a_mobile_number_matches_that_phone() -> None:
    assert LOOKUP.wechat_key("13800138000") == LOOKUP.phone_key("+86 138 0013 8000")
    assert LOOKUP.wechat_key("+8613800138000") == LOOKUP.phone_key("13800138000")


def test_an_id_never_matches_an_e_mail_or_phone_written_the_same() -> None:
    assert LOOKUP.wechat_key("anna_kowalska") != LOOKUP.email_key("anna_kowalska")


def test_no_wechat_id_no_key() -> None:
    assert LOOKUP.wechat_key(None) is None
    assert LOOKUP.wechat_key("  ") is None
