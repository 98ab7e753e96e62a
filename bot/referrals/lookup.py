"""Keyed hashes of contact details, to find possible duplicate referrals
without decrypting any row.

A phone number, e-mail address or WeChat ID is normalised (digits only,
without China's country code; e-mail and WeChat ID trimmed and in lower case)
and hashed with HMAC-SHA256
under `CONTACT_LOOKUP_KEY`, a key of its own: rotating the encryption keys
leaves the hashes valid, and without the key a hash cannot be checked against
a guessed number.
"""

from __future__ import annotations

import hashlib
import hmac
import re


class ContactLookup:
    def __init__(self, key: bytes) -> None:
        if not key:
            raise ValueError("a lookup key is needed")
        self._key = key

    def phone_key(self, phone: str | None) -> str | None:
        """The same value for the same number however it was written
        ("+86 138-0013-8000", "13800138000"); None for no number."""
        digits = normalise_phone(phone)
        return self._hash(f"phone:{digits}") if digits else None

    def email_key(self, email: str | None) -> str | None:
        address = (email or "").strip().lower()
        return self._hash(f"email:{address}") if address else None

    def wechat_key(self, wechat: str | None) -> str | None:
        """WeChat joins the duplicate check: an ID names one account, so two
        referrals with the same ID are most likely the same patient (or the
        same relative helping), even with different phone numbers. An ID
        without letters is a mobile number the account is found by (what
        "微信同号" stores), hashed as a phone: it matches that number given as
        a phone elsewhere. Lower case: a possible duplicate is only shown to
        staff, who check it, so erring towards a match costs little."""
        value = (wechat or "").strip()
        if not value:
            return None
        if not re.search(r"[A-Za-z]", value):
            return self.phone_key(value)
        return self._hash(f"wechat:{value.lower()}")

    def _hash(self, value: str) -> str:
        return hmac.new(self._key, value.encode(), hashlib.sha256).hexdigest()


def normalise_phone(phone: str | None) -> str:
    """Digits only, without a leading international prefix for China."""
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("00"):
        digits = digits[2:]
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits
