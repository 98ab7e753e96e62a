"""The patient's own words of each answer, encrypted, beside its canonical value.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("referral_criteria", sa.Column("words", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("referral_criteria") as table:  # SQLite drops columns in batch
        table.drop_column("words")
