"""Pending e-mail notifications to the coordinators, stored with each referral.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("referral_id", sa.Integer(), sa.ForeignKey("referrals.id"), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("message_id", sa.String(255), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True)),
        sa.Column("last_error", sa.String(64)),
        sa.UniqueConstraint("referral_id", "kind"),
    )
    op.create_index("ix_notifications_referral_id", "notifications", ["referral_id"])
    op.create_index("ix_notifications_next_attempt_at", "notifications", ["next_attempt_at"])
    # Referrals stored before notifications existed were seen (or not) without
    # them: no mail is invented for them now.


def downgrade() -> None:
    op.drop_table("notifications")
