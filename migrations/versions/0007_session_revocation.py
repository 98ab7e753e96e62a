"""Logging out voids the account's earlier sessions (a copied cookie too).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("staff_accounts", sa.Column("sessions_revoked_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    with op.batch_alter_table("staff_accounts") as table:  # SQLite drops columns in batch
        table.drop_column("sessions_revoked_at")
