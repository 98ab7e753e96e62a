"""The referral list: summaries without contact details, filters, the count
of new referrals and possible duplicates (by keyed hashes of phone, e-mail and
WeChat ID, never decrypting).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.referrals.model import Status
from bot.referrals.tables import CriterionRow, ReferralRow
from inbox.i18n import SITE_ZONE

DIAGNOSIS_CRITERION = "I2"  # the criterion whose answer names the disease


@dataclass(frozen=True)
class Filters:
    """What the list is narrowed to; None or empty means any."""

    status: str | None = None
    outcome: str | None = None
    request: str | None = None
    disease: str | None = None
    language: str | None = None
    since: date | None = None  # received on or after, in the site's calendar
    until: date | None = None  # received on or before


@dataclass(frozen=True)
class Summary:
    id: int
    created_at: datetime
    status: str
    outcome: str
    request: str
    language: str
    disease: str | None
    rescreen_date: date | None
    duplicate_of: tuple[int, ...]  # other referrals with the same phone, e-mail or WeChat


def summaries(engine: Engine, filters: Filters) -> list[Summary]:
    """The matching referrals, newest first."""
    query = select(ReferralRow).order_by(ReferralRow.created_at.desc(), ReferralRow.id.desc())
    for column, value in (
        (ReferralRow.status, filters.status),
        (ReferralRow.outcome, filters.outcome),
        (ReferralRow.request, filters.request),
        (ReferralRow.language, filters.language),
    ):
        if value:
            query = query.where(column == value)
    if filters.since:
        query = query.where(ReferralRow.created_at >= _site_midnight(filters.since))
    if filters.until:
        query = query.where(ReferralRow.created_at < _site_midnight(filters.until + timedelta(1)))
    with Session(engine, future=True) as session:
        rows = session.execute(query).scalars().all()
        diseases = _diseases(session, [row.id for row in rows])
        twins = duplicates(session, rows)
        found = [_summary(row, diseases.get(row.id), twins.get(row.id, ())) for row in rows]
    if filters.disease:
        found = [summary for summary in found if summary.disease == filters.disease]
    return found


def new_count(engine: Engine) -> int:
    with Session(engine, future=True) as session:
        query = select(func.count()).select_from(ReferralRow)
        query = query.where(ReferralRow.status == Status.NEW.value)
        return int(session.execute(query).scalar_one())


KEYS = (ReferralRow.phone_key, ReferralRow.email_key, ReferralRow.wechat_key)
"""The keyed hashes a duplicate shares. Each is made in its own namespace
(bot/referrals/lookup.py), so a key matches across columns only where that is
meant: a WeChat account found by a mobile number matches that number as a phone."""


def _keys(row: Any) -> set[str]:
    return {key for key in (row.phone_key, row.email_key, row.wechat_key) if key}


def duplicates(session: Session, rows: list[Any]) -> dict[int, tuple[int, ...]]:
    """For each row, the other referrals sharing its phone, e-mail or WeChat hash."""
    keys = {key for row in rows for key in _keys(row)}
    if not keys:
        return {}
    owners: dict[str, set[int]] = {}
    for column in KEYS:
        for key, referral_id in session.execute(
            select(column, ReferralRow.id).where(column.in_(keys))
        ):
            owners.setdefault(key, set()).add(referral_id)
    return {
        row.id: tuple(sorted({other for key in _keys(row) for other in owners[key]} - {row.id}))
        for row in rows
    }


def disease_counts(engine: Engine) -> Counter[str]:
    """How many referrals name each disease (for the filter's choices)."""
    with Session(engine, future=True) as session:
        ids = list(session.execute(select(ReferralRow.id)).scalars())
        return Counter(d for d in _diseases(session, ids).values() if d)


def _diseases(session: Session, ids: list[int]) -> dict[int, str | None]:
    if not ids:
        return {}
    query = select(CriterionRow.referral_id, CriterionRow.answers).where(
        CriterionRow.criterion_id == DIAGNOSIS_CRITERION, CriterionRow.referral_id.in_(ids)
    )
    rows = session.execute(query)
    return {referral_id: answers.get("diagnosis") for referral_id, answers in rows}


def _summary(row: Any, disease: str | None, twins: tuple[int, ...]) -> Summary:
    return Summary(
        id=row.id,
        created_at=row.created_at,
        status=row.status,
        outcome=row.outcome,
        request=row.request,
        language=row.language,
        disease=disease,
        rescreen_date=row.rescreen_date,
        duplicate_of=twins,
    )


def _site_midnight(day: date) -> datetime:
    """The start of `day` at the site, as a UTC time (how times are stored)."""
    return datetime.combine(day, time(), SITE_ZONE).astimezone(timezone.utc)


def duplicates_of(engine: Engine, referral_id: int) -> tuple[int, ...]:
    """The other referrals with the same phone, e-mail or WeChat ID as this one."""
    with Session(engine, future=True) as session:
        row = session.get(ReferralRow, referral_id)
        return duplicates(session, [row]).get(referral_id, ()) if row else ()
