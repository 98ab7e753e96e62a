"""The patient website's pages and the patched widget bundle, as served."""

from __future__ import annotations

import re

import pytest
import yaml

from bot.settings import PROJECT_ROOT, Settings
from channels import webchat_bundle
from channels.website import LANGUAGES, page_path, render, static_files, texts

LISTING_CONTACT = "Cobb"  # the listing's contact person is not the site's


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_says_what_where_that_it_is_no_advice_and_how_privacy_works(
    language: str,
) -> None:
    page = render(language)
    words = texts(language)
    for needed in (words["where"], words["chat"]["not_advice"], words["privacy"]["heading"]):
        assert str(needed if isinstance(needed, str) else needed["text"]).split()[0] in page
    assert ("Shanxi Bethune Hospital" if language == "en" else "山西白求恩医院") in page
    assert LISTING_CONTACT not in page
    assert 'id="chat-widget"' in page and 'id="end-chat"' in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_is_loaded_from_another_host(language: str) -> None:
    page = render(language)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    for content, _ in static_files().values():
        assert b"http://" not in content and b"https://" not in content


def test_the_pages_link_each_other() -> None:
    assert f'href="{page_path("zh")}"' in render("en")
    assert f'href="{page_path("en")}"' in render("zh")


def test_the_chinese_page_offers_its_chat_in_chinese() -> None:
    """The assistant speaks Chinese: no notice that it does not, no "English" chat."""
    page = render("zh")
    assert "notice" not in texts("zh") and 'id="language-notice"' not in page
    for english_only in ("尚未开放", "只能用英文", "目前为英文", "英文"):
        assert english_only not in page
    assert texts("zh")["chat"]["init_payload"] == "你好"  # Chinese from the first reply


def test_the_chinese_way_to_delete_is_one_the_assistant_knows() -> None:
    """The Chinese privacy notice tells the patient to type a Chinese request
    (an English one would turn the conversation English) that is in the
    Chinese training data of `delete_my_data`."""
    how = texts("zh")["privacy"]["parts"][-1]["paragraphs"][0]
    typed = re.findall(r"输入“([^”]+)”", how)
    assert typed and "delete my data" not in how
    examples = yaml.safe_load((PROJECT_ROOT / "data" / "nlu" / "zh_control.yml").read_text("utf-8"))
    delete = next(item for item in examples["nlu"] if item.get("intent") == "delete_my_data")
    assert all(f"- {request}\n" in delete["examples"] for request in typed)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_privacy_notice_gives_the_retention_the_system_applies(language: str) -> None:
    notice = render(language)
    defaults = Settings()
    assert f"{defaults.purge_after_days:.0f}" in notice  # unreferred conversations
    assert defaults.retention_days == 365  # "one year" / "一年" after closing
    assert ("one year" if language == "en" else "一年") in notice
    assert "PIPL" in notice or "个人信息保护法" in notice


def test_the_installed_widget_is_patched_for_keyboard_labels_and_fonts() -> None:
    bundle = webchat_bundle.load().decode()
    assert "fonts.googleapis.com" not in bundle
    assert 'createElement("button",{key:t,type:"button",className:"rw-reply"' in bundle
    assert '"aria-label":n,maxLength:2000' in bundle
    assert 'role:"log","aria-live":"polite"' in bundle


def test_the_widget_prints_neither_its_session_id_nor_its_socket_id() -> None:
    original = webchat_bundle.BUNDLE.read_text(encoding="utf-8")
    bundle = webchat_bundle.load().decode()
    for printed in ('"session_confirm:"', '"sending init payload"', '"connect:"'):
        assert printed in original and printed not in bundle
    # the handlers around them are kept: only the console calls went
    assert (
        'o.on("session_confirm",(function(n){var a=n&&n.session_id?n.session_id:n;if(i(' in bundle
    )
    assert 'r.emit("user_uttered",{message:t,customData:n,session_' in bundle
    assert 'o.on("connect",(function(){o.customData=t}))' in bundle


def test_a_different_bundle_is_refused_rather_than_served_half_patched() -> None:
    original = webchat_bundle.BUNDLE.read_text(encoding="utf-8")
    with pytest.raises(webchat_bundle.BundleMismatch):
        webchat_bundle.patched(original.replace('className:"rw-send",disabled:', ""))


def test_chinese_text_has_no_spaces_from_line_folding() -> None:
    assert "之前\uff0c以及" in texts("zh")["chat"]["how"]
    assert "ANCA 相关血管炎" in render("zh")  # spaces beside Latin words stay
