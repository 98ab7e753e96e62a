"""Referral ids are never reused: a new referral never takes the number of a
deleted one (its audit trail and the links in old notification mails would
point at the new patient). SQLite gives a rowid table's largest id again
after a delete unless the key is AUTOINCREMENT, which takes rebuilding the
table; PostgreSQL's sequences never go back (nothing to do).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def rebuild_referrals(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    # Copied into a new table, the old one dropped, the new renamed: the rows
    # of the tables that refer to referrals keep their ids.
    with op.batch_alter_table(
        "referrals", recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
    ):
        pass


def upgrade() -> None:
    rebuild_referrals(autoincrement=True)


def downgrade() -> None:
    rebuild_referrals(autoincrement=False)
