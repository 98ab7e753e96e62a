"""A WeChat ID as a way to contact the patient: encrypted like the phone and
e-mail, with its keyed hash for duplicates.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Earlier referrals have no WeChat ID: nothing to fill, NULL is right.
    op.add_column("referrals", sa.Column("wechat", sa.Text(), nullable=True))
    op.add_column("referrals", sa.Column("wechat_key", sa.String(64), nullable=True))
    op.create_index("ix_referrals_wechat_key", "referrals", ["wechat_key"])


def downgrade() -> None:
    op.drop_index("ix_referrals_wechat_key", "referrals")
    with op.batch_alter_table("referrals") as table:  # SQLite drops columns in batch
        table.drop_column("wechat_key")
        table.drop_column("wechat")
