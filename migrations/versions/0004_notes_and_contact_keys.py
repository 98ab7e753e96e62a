"""Staff notes on referrals; keyed hashes of phone and e-mail for duplicates.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "referral_notes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("referral_id", sa.Integer(), sa.ForeignKey("referrals.id"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
    )
    op.create_index("ix_referral_notes_referral_id", "referral_notes", ["referral_id"])
    # Hashes need the lookup key, which migrations do not have: rows stored
    # before this revision get theirs from ReferralStore.fill_contact_keys.
    op.add_column("referrals", sa.Column("phone_key", sa.String(64), nullable=True))
    op.add_column("referrals", sa.Column("email_key", sa.String(64), nullable=True))
    op.create_index("ix_referrals_phone_key", "referrals", ["phone_key"])
    op.create_index("ix_referrals_email_key", "referrals", ["email_key"])


def downgrade() -> None:
    op.drop_index("ix_referrals_email_key", "referrals")
    op.drop_index("ix_referrals_phone_key", "referrals")
    with op.batch_alter_table("referrals") as table:  # SQLite drops columns in batch
        table.drop_column("email_key")
        table.drop_column("phone_key")
    op.drop_table("referral_notes")
