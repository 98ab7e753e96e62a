from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date

import pytest
from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import text

from bot.protocol.answers import Answers, DateSpan, Reply
from bot.protocol.contradictions import Flag, FlagKind
from bot.protocol.criteria import CRITERIA, PROTOCOL_VERSION
from bot.protocol.eligibility import Outcome, evaluate
from bot.referrals.contact import Contact, ContactTime
from bot.referrals.model import Status, draft_from_screening
from bot.referrals.secrecy import Secrecy
from bot.referrals.store import ReferralStore
from harness.patients import ELIGIBLE_ANSWERS, ELIGIBLE_SLOTS
from tests.support.stores import LOOKUP, SECRECY, TEST_KEY

TODAY = date(2026, 11, 25)
ELIGIBLE = ELIGIBLE_ANSWERS
SLOTS = ELIGIBLE_SLOTS
CONTACT = Contact("Anna Kowalska", "+8613800138000", None, ContactTime.MORNING)


def draft(conversation_id: str = "c-1", answers: Answers = ELIGIBLE):  # type: ignore[no-untyped-def]
    return draft_from_screening(conversation_id, evaluate(answers, TODAY), SLOTS, CONTACT)


def test_a_saved_referral_holds_everything_staff_need(store: ReferralStore) -> None:
    saved = store.save(draft())

    assert saved.conversation_id == "c-1"
    assert saved.outcome is Outcome.PRE_QUALIFIED
    assert saved.status is Status.NEW
    assert saved.protocol_version == PROTOCOL_VERSION
    assert saved.contact == CONTACT
    assert [c.criterion_id for c in saved.criteria] == [c.id for c in CRITERIA]
    by_id = {c.criterion_id: c for c in saved.criteria}
    assert by_id["I2"].answers == {"diagnosis": "sle"}
    assert by_id["E5"].decision == "verify"
    assert by_id["E5"].answers == {"hiv_or_syphilis": "no", "hepatitis_or_cmv": "unsure"}
    assert {c.criterion_id for c in saved.to_verify} == {
        "I2",
        "I3",
        "I5",
        "I7",
        "E5",
        "E10",
    }
    assert [(e.from_status, e.to_status, e.actor) for e in saved.history] == [
        (None, Status.NEW, "patient")
    ]


def test_saving_one_conversation_twice_gives_one_referral(store: ReferralStore) -> None:
    first = store.save(draft())
    second = store.save(draft())

    assert second.id == first.id
    assert len(store.list()) == 1


def test_adding_says_whether_the_referral_is_new_and_stores_it_once(
    store: ReferralStore,
) -> None:
    assert store.add(draft("c-add")) is True
    assert store.add(draft("c-add")) is False

    [stored] = store.list()
    assert stored.conversation_id == "c-add"
    assert [(e.from_status, e.to_status) for e in stored.history] == [(None, Status.NEW)]


def test_concurrent_saves_of_one_conversation_give_one_referral(
    store: ReferralStore,
) -> None:
    barrier = threading.Barrier(4)
    ids: list[int] = []

    def save() -> None:
        barrier.wait()
        ids.append(store.save(draft("race")).id)

    threads = [threading.Thread(target=save) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(set(ids)) == 1 and len(ids) == 4
    assert len(store.list()) == 1


def test_deferred_referral_keeps_its_rescreen_date(store: ReferralStore) -> None:
    answers = Answers(
        **{
            **ELIGIBLE.__dict__,
            "live_vaccine": Reply.YES,
            "live_vaccine_date": DateSpan.exact(date(2026, 11, 20)),
        }
    )
    saved = store.save(draft("deferred", answers))

    assert saved.outcome is Outcome.DEFERRED
    assert saved.rescreen_date == date(2026, 12, 18)
    e6 = next(c for c in saved.criteria if c.criterion_id == "E6")
    assert (e6.decision, e6.until) == ("deferred", date(2026, 12, 18))


def test_no_referral_for_a_patient_who_is_not_eligible() -> None:
    answers = Answers(birth=DateSpan.exact(date(1980, 1, 1)), car_t=Reply.YES)
    with pytest.raises(ValueError, match="not_eligible"):
        draft_from_screening("x", evaluate(answers, TODAY), {}, CONTACT)


def test_list_is_newest_first_and_filters_by_status(store: ReferralStore) -> None:
    for n in range(3):
        store.save(draft(f"c-{n}"))
    store.change_status("c-1", Status.CONTACTED, actor="coordinator-a")

    assert [r.conversation_id for r in store.list()] == ["c-2", "c-1", "c-0"]
    assert [r.conversation_id for r in store.list(Status.CONTACTED)] == ["c-1"]
    assert [r.conversation_id for r in store.list(Status.NEW)] == ["c-2", "c-0"]


def test_status_changes_follow_the_workflow_and_are_kept_in_history(
    store: ReferralStore,
) -> None:
    store.save(draft())
    store.change_status("c-1", Status.CONTACTED, actor="amy")
    store.change_status("c-1", Status.VISIT_SCHEDULED, actor="amy", note="visit 2 Dec")
    done = store.change_status("c-1", Status.ENROLLED, actor="bo")

    assert done.status is Status.ENROLLED
    assert [(e.from_status, e.to_status, e.actor, e.note) for e in done.history] == [
        (None, Status.NEW, "patient", "referred"),
        (Status.NEW, Status.CONTACTED, "amy", ""),
        (Status.CONTACTED, Status.VISIT_SCHEDULED, "amy", "visit 2 Dec"),
        (Status.VISIT_SCHEDULED, Status.ENROLLED, "bo", ""),
    ]


def test_a_status_step_cannot_be_skipped(store: ReferralStore) -> None:
    store.save(draft())
    with pytest.raises(ValueError, match="cannot go from new to enrolled"):
        store.change_status("c-1", Status.ENROLLED, actor="amy")
    assert store.get("c-1").status is Status.NEW  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "name",
    ["Robert'); DROP TABLE referrals;--", "<script>alert(1)</script>", '=HYPERLINK("x")'],
)
def test_hostile_text_is_stored_as_text(store: ReferralStore, name: str) -> None:
    contact = Contact(name, None, "a@example.com", ContactTime.ANY)
    saved = store.save(draft_from_screening("h", evaluate(ELIGIBLE, TODAY), SLOTS, contact))

    assert saved.contact.name == name
    assert store.get("h").contact.name == name  # type: ignore[union-attr]
    assert len(store.list()) == 1


def test_an_unknown_conversation_has_no_referral(store: ReferralStore) -> None:
    assert store.get("nobody") is None


def test_contact_details_are_encrypted_at_rest(store: ReferralStore) -> None:
    store.save(draft())

    with store._engine.connect() as connection:  # what a database reader sees
        raw = connection.execute(text("SELECT name, phone, email FROM referrals")).one()
    assert CONTACT.name not in raw.name and "8613800138000" not in raw.phone
    assert raw.email is None  # nothing given, nothing stored


def test_a_wechat_id_is_kept_encrypted_like_the_phone(store: ReferralStore) -> None:
    with_wechat = replace(CONTACT, wechat="ZhangWei_1985")
    saved = store.save(replace(draft("c-wx"), contact=with_wechat))

    assert saved.contact == with_wechat
    assert store.save(draft("c-none")).contact.wechat is None
    with store.engine.connect() as connection:
        raw = dict(connection.execute(text("SELECT conversation_id, wechat FROM referrals")).all())
    assert raw["c-wx"] and "ZhangWei" not in raw["c-wx"]
    assert raw["c-none"] is None  # nothing given, nothing stored


def test_rotation_re_encrypts_every_referral_with_the_new_key(store: ReferralStore) -> None:
    store.save(replace(draft("c-1"), contact=replace(CONTACT, wechat="ZhangWei_1985")))
    store.save(draft("c-2"))
    new, old = Fernet.generate_key(), TEST_KEY.encode()

    rotating = ReferralStore(store._engine, Secrecy([new, old]))
    assert rotating.rotate_keys() == 2

    only_new = ReferralStore(store._engine, Secrecy([new]))
    assert {r.contact.wechat for r in only_new.list()} == {"ZhangWei_1985", None}
    with pytest.raises(InvalidToken):
        ReferralStore(store._engine, Secrecy([old])).list()


def test_a_referral_can_be_deleted_with_its_history(store: ReferralStore) -> None:
    store.save(draft("c-1"))
    store.save(draft("c-2"))
    store.change_status("c-1", Status.CONTACTED, actor="amy")

    assert store.delete("c-1") is True
    assert store.delete("c-1") is False
    assert store.get("c-1") is None
    assert [r.conversation_id for r in store.list()] == ["c-2"]
    with store._engine.connect() as connection:
        left = connection.execute(text("SELECT count(*) FROM referral_criteria")).scalar()
        events = connection.execute(text("SELECT count(*) FROM referral_events")).scalar()
    assert (left, events) == (len(CRITERIA), 1)  # only c-2's rows remain


def test_flags_for_staff_are_kept_with_the_referral(store: ReferralStore) -> None:
    flags = (
        Flag(FlagKind.CHANGED, "diagnosis", "ssc -> sle"),
        Flag(FlagKind.NOT_APPLICABLE, "pregnant", "no"),
    )
    store.save(replace(draft("c-flags"), flags=flags))

    saved = store.get("c-flags")
    assert saved is not None and saved.flags == flags


def test_the_patients_words_are_kept_encrypted_beside_each_answer(store: ReferralStore) -> None:
    words = {"diagnosis": "i have lupus qzvx", "hepatitis_or_cmv": "not sure really"}
    draft = draft_from_screening("w-1", evaluate(ELIGIBLE, TODAY), SLOTS, CONTACT, words=words)
    saved = store.save(draft)

    by_id = {c.criterion_id: c for c in saved.criteria}
    assert by_id["I2"].words == {"diagnosis": "i have lupus qzvx"}
    assert by_id["E5"].words == {"hepatitis_or_cmv": "not sure really"}
    assert by_id["E1"].words == {}
    with store.engine.connect() as connection:
        raw = " ".join(
            str(value)
            for row in connection.execute(text("SELECT * FROM referral_criteria"))
            for value in row
        )
    assert "qzvx" not in raw and "not sure really" not in raw


def test_referrals_stored_before_contact_keys_get_them_once(store: ReferralStore) -> None:
    unkeyed = ReferralStore(store.engine, SECRECY)  # as a release before the keys stored it
    unkeyed.save(replace(draft("old"), contact=replace(CONTACT, phone="+86 138 0013 8000")))
    store.save(replace(draft("new"), contact=replace(CONTACT, phone="13800138000")))

    assert store.fill_contact_keys() == 1
    assert store.fill_contact_keys() == 0
    with store.engine.connect() as connection:
        found = connection.execute(text("SELECT conversation_id, phone_key FROM referrals"))
        keys = {conversation: key for conversation, key in found}
    assert keys["old"] == keys["new"] == LOOKUP.phone_key("13800138000")


def test_referrals_stored_before_contact_keys_get_the_wechat_key_too(
    store: ReferralStore,
) -> None:
    unkeyed = ReferralStore(store.engine, SECRECY)
    unkeyed.save(replace(draft("old"), contact=replace(CONTACT, wechat="ZhangWei_1985")))

    assert store.fill_contact_keys() == 1
    with store.engine.connect() as connection:
        key = connection.execute(text("SELECT wechat_key FROM referrals")).scalar_one()
    assert key == LOOKUP.wechat_key("zhangwei_1985")
