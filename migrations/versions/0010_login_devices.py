"""Browsers trusted for an account (device cookies): an attacker's failed
logins no longer lock the real user out (issue 29).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_devices",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("nonce_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
    )
    op.create_index("ix_login_devices_username", "login_devices", ["username"])


def downgrade() -> None:
    op.drop_table("login_devices")
