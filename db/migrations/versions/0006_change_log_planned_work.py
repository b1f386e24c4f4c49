"""change log names planned work: the plans, notices and outbox messages an action changed

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

Decisions on planned interruptions (approve, postpone, cancel, work finished, retry failed)
are actions like the others: their change-log rows say which plans, notices and outbox
messages changed, so the notices panels of the other consoles refresh. Older rows named
none (empty lists).
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

COLUMNS = ('plans', 'notices', 'outbox')


def upgrade() -> None:
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        for column in COLUMNS:
            batch_op.add_column(sa.Column(column, sa.JSON(), nullable=False, server_default='[]'))


def downgrade() -> None:
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        for column in reversed(COLUMNS):
            batch_op.drop_column(column)
